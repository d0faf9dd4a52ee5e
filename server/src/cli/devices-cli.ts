import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { changeDeviceStates, exportDevices } from '../modules/devices';
import { principalOfUser } from '../modules/parties';
import type { Deps } from '../platform/deps';
import { AppError } from '../platform/errors';

const USAGE = `kaidan devices list [--company <id>] [--depth direct|all] [--state active|deactivated] [--unbound] --as <email>
kaidan devices deactivate|reactivate [--company <id>] [--depth direct|all] (--file <ids.txt> | <device-id>...) --as <email>`;

const depthOf = (v: string | undefined): 'direct' | 'all' | undefined =>
  v === 'direct' || v === 'all' ? v : undefined;

/**
 * Operators' device tasks from a terminal (issue #13): list a company tree's devices, and deactivate or
 * reactivate a list of the customer's device ids kept in a file (R19), with the same all-or-nothing
 * refusal naming every unknown or out-of-scope id as the console.
 */
export async function devicesCli(deps: Deps, argv: string[], out: (line: string) => void): Promise<number> {
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
    out(USAGE);
    return 2;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    out(`${e.code}: ${e.text.zh} / ${e.text.en}${e.fixes.map((f) => `\n  → ${f.zh} / ${f.en}`).join('')}`);
    return 1;
  }
}
