import { today } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { type Principal, requireRole } from '../../platform/principal';
import { DEVICE_IMPORT, reasonOf, SET_EXPIRY } from './device-import';
import {
  type DeviceImportRow,
  type ImportLine,
  importErrorCounts,
  importInScope,
  importLines,
} from './device-import-store';

// R21 preview: the import's counts per reason, and its rows (the bad ones by default) a page at a time in
// file order. An import is tech support's working object: seen by the roles that import, within the
// company scope (the one scope rule), like its devices.
const READ = { zh: '查看设备到期导入', en: 'view expiry imports' };

export interface ImportSummary extends DeviceImportRow {
  errorCounts: { error: ImportLine['error'] & string; count: number; reason: { zh: string; en: string } }[];
}

export async function viewDeviceImport(deps: Deps, p: Principal, id: string): Promise<ImportSummary> {
  requireRole(p, SET_EXPIRY, READ);
  const db = deps.database.db;
  const row = await importInScope(db, p, id);
  if (!row) throw notFound(DEVICE_IMPORT);
  const day = today(deps.clock).toString();
  const counts = await importErrorCounts(db, id);
  return {
    ...row,
    errorCounts: counts.map((c) => ({
      error: c.error,
      count: c.n,
      // A count's reason has no one row behind it: a duplicate names no row, a bad date no text.
      reason: reasonOf(c.error, { expiry_text: null, first_row: null }, day),
    })),
  };
}

export interface ImportLineView extends ImportLine {
  reason: { zh: string; en: string } | null;
}

export async function viewImportLines(
  deps: Deps,
  p: Principal,
  id: string,
  f: { onlyErrors: boolean; after: number; limit: number },
): Promise<ImportLineView[]> {
  requireRole(p, SET_EXPIRY, READ);
  const db = deps.database.db;
  if (!(await importInScope(db, p, id))) throw notFound(DEVICE_IMPORT);
  const day = today(deps.clock).toString();
  const lines = await importLines(db, id, f);
  return lines.map((l) => ({ ...l, reason: l.error ? reasonOf(l.error, l, day) : null }));
}

/** Every row of the import in file order, a page at a time, for the report. */
export async function* allImportLines(
  deps: Deps,
  p: Principal,
  id: string,
): AsyncGenerator<ImportLineView[]> {
  let after = 0;
  for (;;) {
    const page = await viewImportLines(deps, p, id, { onlyErrors: false, after, limit: 10_000 });
    if (page.length === 0) return;
    yield page;
    after = page.at(-1)?.row_no ?? after;
  }
}
