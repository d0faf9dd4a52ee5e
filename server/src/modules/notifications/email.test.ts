import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { countJobs } from '../../platform/jobs/jobs-store';
import { type JobHandler, Worker } from '../../platform/jobs/worker';
import { smtpMailer } from '../../platform/mailer';
import { firstYear, scenario } from '../../testing/scenario';
import { sql, useTestDatabase } from '../../testing/test-db';
import { freshParty, fund, P } from '../../testing/world';
import { rejectOrder } from '../orders';
import { EMAIL_JOB, notify, sendNotificationEmail } from '.';

interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** A real SMTP receiver on a free local port; `refuseNext` answers 451 to that many recipients. */
async function smtpReceiver() {
  const inbox: Received[] = [];
  const state = { refuseNext: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.refuseNext > 0) {
        state.refuseNext--;
        const e = Object.assign(new Error('try again later'), { responseCode: 451 });
        callback(e);
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((m) => {
          const to = [m.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? ''));
          inbox.push({ to, subject: m.subject ?? '', text: m.text ?? '' });
          callback();
        })
        .catch((e: unknown) => callback(e instanceof Error ? e : new Error(String(e))));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    inbox,
    state,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('notification emails through the job outbox (R4, DESIGN §2)', async () => {
  const database = await useTestDatabase();
  const { db } = database;
  const { clock, deps, order } = await scenario(database);
  const smtp = await smtpReceiver();
  after(() => smtp.close());
  const handlers = new Map<string, JobHandler>([
    [
      EMAIL_JOB,
      sendNotificationEmail({ mailer: smtpMailer(smtp.url), publicUrl: 'https://kaidan.example.com' }),
    ],
  ]);
  const worker = new Worker(db, clock, handlers);
  let run = 0;

  /** A submitted new partner order (manual review) by a fresh agent whose locale is given. */
  async function submittedOrder(locale: 'zh-CN' | 'en-US') {
    run++;
    const { partner, companyId } = await freshParty(db, run);
    await sql`update users set locale = ${locale} where id = ${partner.userId}`.execute(db);
    await fund(db, clock, partner.partnerId ?? '', 10_000_000n, `email-${run}`);
    const o = await order(partner, { ...firstYear, companyId });
    return { partner, orderId: o.id, email: `${partner.userId}@example.com` };
  }

  before(() => worker.drain());
  beforeEach(() => {
    smtp.inbox.length = 0;
    smtp.state.refuseNext = 0;
  });

  it('R4 a rejected order emails its submitter in zh-CN with the reason and a link', async () => {
    const { orderId, email } = await submittedOrder('zh-CN');
    await rejectOrder(deps, P.desk, orderId, '客户信息不全');
    assert.equal(smtp.inbox.length, 0, 'nothing is sent inside the decision; the worker sends');
    await worker.drain();
    assert.equal(smtp.inbox.length, 1);
    const [m] = smtp.inbox;
    assert.deepEqual(m?.to, [email]);
    assert.match(m?.subject ?? '', /^\[开单 Kaidan\] 订单 .+ 被驳回：客户信息不全$/);
    assert.match(m?.text ?? '', /被驳回：客户信息不全/);
    assert.ok(m?.text.includes(`https://kaidan.example.com/orders/${orderId}`));
  });

  it('R4 a submitter whose locale is en-US gets the email in English', async () => {
    const { orderId, email } = await submittedOrder('en-US');
    await rejectOrder(deps, P.desk, orderId, 'missing contract');
    await worker.drain();
    assert.equal(smtp.inbox.length, 1);
    const [m] = smtp.inbox;
    assert.deepEqual(m?.to, [email]);
    assert.match(m?.subject ?? '', /^\[Kaidan\] Order .+ was rejected: missing contract$/);
    assert.match(m?.text ?? '', /Order: /);
    assert.doesNotMatch(m?.text ?? '', /驳回/);
  });

  it('outbox: a decision that rolls back enqueues no job and sends nothing', async () => {
    const { partner } = await submittedOrder('zh-CN');
    const pending = await countJobs(db, 'pending');
    await assert.rejects(
      db.transaction().execute(async (tx) => {
        await notify(
          tx,
          clock,
          partner.userId,
          'order_rejected',
          { zh: '驳回', en: 'rejected' },
          { type: 'order', id: 'ord_x' },
        );
        throw new Error('the decision failed after notifying');
      }),
    );
    assert.equal(await countJobs(db, 'pending'), pending);
    await worker.drain();
    assert.equal(smtp.inbox.length, 0);
  });

  it('a 451 from the SMTP server is retried with backoff and the email arrives exactly once', async () => {
    const { orderId, email } = await submittedOrder('zh-CN');
    smtp.state.refuseNext = 1;
    await rejectOrder(deps, P.desk, orderId, '资料不全');
    await worker.drain();
    assert.equal(smtp.inbox.length, 0, 'the first attempt was refused');
    assert.equal(smtp.state.refuseNext, 0);
    const [job] = (
      await sql<{ state: string; attempts: number; last_error: string }>`select state, attempts, last_error
        from jobs where kind = ${EMAIL_JOB} order by created_at desc, id desc limit 1`.execute(db)
    ).rows;
    assert.equal(job?.state, 'pending');
    assert.match(job?.last_error ?? '', /451/);
    clock.advance({ seconds: 3 });
    await worker.drain();
    clock.advance({ minutes: 10 });
    await worker.drain();
    assert.equal(smtp.inbox.length, 1);
    assert.deepEqual(smtp.inbox[0]?.to, [email]);
    assert.equal(await countJobs(db, 'pending'), 0);
  });

  it('a disabled user gets no email (no job at decision time, none sent if disabled later)', async () => {
    const a = await submittedOrder('zh-CN');
    await sql`update users set state = 'disabled' where id = ${a.partner.userId}`.execute(db);
    const pending = await countJobs(db, 'pending');
    await rejectOrder(deps, P.desk, a.orderId, '客户信息不全');
    assert.equal(await countJobs(db, 'pending'), pending, 'no job for a disabled user');
    const b = await submittedOrder('zh-CN');
    await rejectOrder(deps, P.desk, b.orderId, '客户信息不全');
    await sql`update users set state = 'disabled' where id = ${b.partner.userId}`.execute(db);
    await worker.drain();
    assert.equal(smtp.inbox.length, 0);
    assert.equal(await countJobs(db, 'pending'), 0);
  });
});
