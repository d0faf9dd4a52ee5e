import type { DeviceDepth } from '@kaidan/shared';
import { newId } from '@kaidan/shared';
import { toDate, today } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { resolveTreeWhere as resolveWhere } from '../parties';
import { SET_EXPIRY } from './device-import';
import { insertImport, insertImportRows, resolveImportRows } from './device-import-store';
import { readImportSheet } from './import-sheet';

export interface DeviceImportInput {
  file: Uint8Array;
  fileName: string;
  companyId?: string | undefined;
  depth?: DeviceDepth | undefined;
  allowPast: boolean;
}

/**
 * R21 step one: the file is read and staged with each bad row's reason, and nothing else changes. The
 * import keeps the uploader's company and depth, so confirming applies exactly what was previewed. The
 * sheet is parsed before the transaction opens: a 100,000-row file holds no lock while it is read.
 */
export async function previewDeviceImport(
  deps: Deps,
  p: Principal,
  input: DeviceImportInput,
  onProgress?: (rowsRead: number) => void,
): Promise<string> {
  requireRole(p, SET_EXPIRY, { zh: '导入设备到期日', en: 'import device expiries' });
  const rows = await readImportSheet(input.file, onProgress);
  return transact(deps.database.db, async (tx) => {
    const w = await resolveWhere(tx, p, input);
    if (w.rootId === null)
      throw invalid(
        'companyId',
        'company_required',
        { zh: '导入需要先选择公司', en: 'An import needs a company' },
        [
          {
            zh: '选择文件中设备所属的公司（可含子公司）',
            en: "Choose the devices' company (with its subsidiaries)",
          },
        ],
      );
    const at = deps.clock.now();
    const id = newId('dim', at.epochMilliseconds);
    await insertImport(tx, {
      id,
      company_id: w.rootId,
      depth: w.depth,
      allow_past: input.allowPast,
      file_name: input.fileName,
      created_by: p.userId,
      created_at: toDate(at),
    });
    await insertImportRows(tx, id, w.rootId, rows);
    await resolveImportRows(tx, p, w, id, today(deps.clock).toString(), input.allowPast);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'device_import',
      objectId: id,
      action: 'preview',
      stateAfter: 'previewed',
      after: { fileName: input.fileName, rows: rows.length, companyId: w.rootId, depth: w.depth },
    });
    return id;
  });
}
