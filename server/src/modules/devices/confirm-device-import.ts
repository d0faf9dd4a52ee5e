import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit, appendAuditSelect } from '../audit/audit-store';
import { DEVICE_IMPORT, importAlreadyApplied, importHasErrors, SET_EXPIRY } from './device-import';
import { applyImportRows, changedExpiries, claimImport, importInScope } from './device-import-store';

export interface ConfirmImportInput {
  id: string;
  applyValidRows: boolean;
}

/**
 * R21 step two: applies exactly the previewed valid rows, once. A file with bad rows changes nothing
 * unless the user confirms that the valid rows should apply; the import's conditional move to `applied`
 * makes a second confirm (a double click, a retry) a refusal that applies nothing again. The devices move
 * in one statement and their trail rows in one more, whatever the number of rows.
 */
export async function confirmDeviceImport(
  deps: Deps,
  p: Principal,
  input: ConfirmImportInput,
): Promise<{ changed: number }> {
  requireRole(p, SET_EXPIRY, { zh: '导入设备到期日', en: 'import device expiries' });
  return transact(deps.database.db, async (tx) => {
    const imp = await importInScope(tx, p, input.id, true);
    if (!imp) throw notFound(DEVICE_IMPORT);
    if (imp.state !== 'previewed') throw importAlreadyApplied();
    if (imp.error_rows > 0 && !input.applyValidRows) throw importHasErrors(imp.error_rows, imp.valid_rows);
    if (!(await claimImport(tx, imp.id, p.userId, toDate(deps.clock.now())))) throw importAlreadyApplied();
    const { applied, changed } = await applyImportRows(
      tx,
      p,
      { rootId: imp.company_id, depth: imp.depth },
      imp.id,
    );
    const actor = actorOf(p);
    await appendAuditSelect(
      tx,
      deps.clock,
      actor,
      { objectType: 'device', action: 'set_expiry', reason: `import ${imp.id}` },
      changedExpiries(imp.id),
    );
    await appendAudit(tx, deps.clock, actor, {
      objectType: 'device_import',
      objectId: imp.id,
      action: 'apply',
      stateBefore: 'previewed',
      stateAfter: 'applied',
      after: { applied, changed, skippedErrors: imp.error_rows },
    });
    return { changed };
  });
}
