import type { Clock } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { actorOf, type Principal } from '../../platform/principal';
import { type AuditEntry, appendAudits } from '../audit/audit-store';

// A batch action writes one trail row per device it changed (R40). appendAudits binds 13 parameters a row,
// and a statement takes at most 65,535, so a batch of thousands goes in chunks of 2,000 rows.
const CHUNK = 2_000;

export async function auditDevices(
  ex: Exec,
  clock: Clock,
  p: Principal,
  entries: AuditEntry[],
): Promise<void> {
  const actor = actorOf(p);
  for (let i = 0; i < entries.length; i += CHUNK)
    await appendAudits(
      ex,
      clock,
      entries.slice(i, i + CHUNK).map((entry) => ({ actor, entry })),
    );
}
