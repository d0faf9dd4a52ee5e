import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { FakeClock } from '../../platform/clock';
import { useTestDatabase } from '../../testing/test-db';
import { type Actor, appendAudit, listAudit } from './audit-store';

const desk: Actor = { kind: 'staff', id: 'usr_desk', channel: 'console' };

describe('audit trail (R40)', async () => {
  const { db } = await useTestDatabase();
  const clock = new FakeClock();

  it('R40 a state change and its audit row commit or roll back together', async () => {
    await assert.rejects(
      db.transaction().execute(async (tx) => {
        await appendAudit(tx, clock, desk, { objectType: 'order', objectId: 'ord_1', action: 'approve' });
        throw new Error('the change itself failed');
      }),
    );
    assert.deepEqual(await listAudit(db, 'order', 'ord_1'), []);
    await db.transaction().execute((tx) =>
      appendAudit(tx, clock, desk, {
        objectType: 'order',
        objectId: 'ord_1',
        action: 'approve',
        stateBefore: 'submitted',
        stateAfter: 'approved',
        after: { total: 1200n },
        reason: '资料齐全',
      }),
    );
    const trail = await listAudit(db, 'order', 'ord_1');
    assert.equal(trail.length, 1);
    assert.equal(trail[0]?.state_after, 'approved');
    assert.deepEqual(trail[0]?.after, { total: '1200' }, 'amounts are stored as exact decimal strings');
  });

  it('R40 audit rows cannot be edited or deleted, even with direct SQL', async () => {
    await appendAudit(db, clock, desk, { objectType: 'order', objectId: 'ord_2', action: 'submit' });
    await assert.rejects(
      sql`update audit_log set action = 'x' where object_id = 'ord_2'`.execute(db),
      /append-only/,
    );
    await assert.rejects(sql`delete from audit_log where object_id = 'ord_2'`.execute(db), /append-only/);
    assert.equal((await listAudit(db, 'order', 'ord_2')).length, 1);
  });
});
