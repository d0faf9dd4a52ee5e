import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  allImportLines,
  changeDeviceStates,
  confirmDeviceImport,
  exportDevices,
  importReport,
  previewDeviceImport,
  viewDeviceImport,
  viewImportLines,
} from '../modules/devices';
import type { TreeWhereInput as WhereInput } from '../modules/parties';
import { principalOfUser } from '../modules/parties';
import type { Deps } from '../platform/deps';
import { AppError } from '../platform/errors';
import type { Principal } from '../platform/principal';

const USAGE = `kaidan devices list [--company <id>] [--depth direct|all] [--state active|deactivated] [--unbound] --as <email>
kaidan devices deactivate|reactivate [--company <id>] [--depth direct|all] (--file <ids.txt> | <device-id>...) --as <email>
kaidan devices import <file.xlsx> --company <id> [--depth direct|all] [--allow-past] [--yes] [--report <out.xlsx>] --as <email>`;

const depthOf = (v: string | undefined): 'direct' | 'all' | undefined =>
  v === 'direct' || v === 'all' ? v : undefined;

/**
 * Operators' device tasks from a terminal (issue #13): list a company tree's devices, and deactivate or
 * reactivate a list of the customer's device ids kept in a file (R19), with the same all-or-nothing
 * refusal naming every unknown or out-of-scope id as the console.
 */
export async function devicesCli(
  deps: Deps,
  argv: string[],
  out: (line: string) => void,
  progress: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      as: { type: 'string' },
      company: { type: 'string' },
      depth: { type: 'string' },
      state: { type: 'string' },
      unbound: { type: 'boolean' },
      file: { type: 'string' },
      'allow-past': { type: 'boolean' },
      yes: { type: 'boolean' },
      report: { type: 'string' },
    },
  });
  const [verb, ...ids] = positionals;
  const p = values.as ? await principalOfUser(deps.database.db, { email: values.as }, 'cli') : null;
  if (!p) {
    out(`--as must name an active user\n${USAGE}`);
    return 2;
  }
  const where = { companyId: values.company, depth: depthOf(values.depth) };
  try {
    if (verb === 'list') {
      const state = values.state === 'active' || values.state === 'deactivated' ? values.state : undefined;
      const rows = await exportDevices(deps, p, where, { state, bound: values.unbound ? false : undefined });
      for (const d of rows)
        out(
          [d.device_no, d.company_name, d.type, d.state, d.renewal_code ?? '-', d.expires_on ?? '-'].join(
            '\t',
          ),
        );
      return 0;
    }
    if (verb === 'deactivate' || verb === 'reactivate') {
      const listed = values.file ? (await readFile(values.file, 'utf8')).split(/[\s,;]+/) : ids;
      const deviceNos = listed.filter(Boolean);
      if (deviceNos.length === 0) {
        out(USAGE);
        return 2;
      }
      const state = verb === 'deactivate' ? 'deactivated' : 'active';
      const r = await changeDeviceStates(deps, p, { ...where, deviceNos, state });
      out(`${verb}d\t${r.changed.length}\tunchanged\t${r.unchanged.length}`);
      return 0;
    }
    if (verb === 'import' && ids[0]) {
      const opts = {
        yes: values.yes === true,
        report: values.report,
        allowPast: values['allow-past'] === true,
      };
      return await importFile(deps, p, { ...where, path: ids[0], ...opts }, out, progress);
    }
    out(USAGE);
    return 2;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    out(`${e.code}: ${e.text.zh} / ${e.text.en}${e.fixes.map((f) => `\n  → ${f.zh} / ${f.en}`).join('')}`);
    return 1;
  }
}

/**
 * R21 from a terminal: preview the file (rows read go to stderr as it parses), list every bad row, and
 * apply the valid rows only with --yes — the CLI's confirm; without it nothing changes.
 */
async function importFile(
  deps: Deps,
  p: Principal,
  o: WhereInput & { path: string; yes: boolean; report: string | undefined; allowPast: boolean },
  out: (line: string) => void,
  progress: (line: string) => void,
): Promise<number> {
  const file = new Uint8Array(await readFile(o.path));
  const id = await previewDeviceImport(
    deps,
    p,
    { file, fileName: basename(o.path), companyId: o.companyId, depth: o.depth, allowPast: o.allowPast },
    (n) => progress(`rows read\t${n}`),
  );
  const imp = await viewDeviceImport(deps, p, id);
  out(`import\t${id}\trows\t${imp.total_rows}\tvalid\t${imp.valid_rows}\terrors\t${imp.error_rows}`);
  let after = 0;
  for (;;) {
    const page = await viewImportLines(deps, p, id, { onlyErrors: true, after, limit: 1_000 });
    for (const l of page) out(`row ${l.row_no}\t${l.device_no ?? ''}\t${l.reason?.zh} / ${l.reason?.en}`);
    const last = page.at(-1);
    if (!last) break;
    after = last.row_no;
  }
  let code = 0;
  if (o.yes) {
    const { changed } = await confirmDeviceImport(deps, p, { id, applyValidRows: true });
    out(`applied\t${imp.valid_rows}\tchanged\t${changed}`);
  } else {
    out('nothing applied: run again with --yes to apply the valid rows');
    code = imp.error_rows > 0 ? 3 : 0;
  }
  if (o.report) {
    await writeFile(o.report, await importReport(allImportLines(deps, p, id)));
    out(`report\t${o.report}`);
  }
  return code;
}
