import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { Temporal } from 'temporal-polyfill';
import { FakeClock } from '../../platform/clock';
import { enqueueJob } from '../../platform/jobs/jobs-store';
import { type JobHandler, Worker } from '../../platform/jobs/worker';
import { smtpMailer } from '../../platform/mailer';
import type { Principal } from '../../platform/principal';
import { systemPrincipal } from '../../platform/principal';
import { pdfText } from '../../testing/pdf-inspect';
import { smtpReceiver } from '../../testing/smtp-receiver';
import { sql, useTestDatabase } from '../../testing/test-db';
import { registerDevice, setDeviceState, viewDevice } from '../devices';
import { createCompany } from '../parties';
import { creditWallet, debitFunds } from '../wallets';
import {
  BILLING_DAILY_JOB,
  BILLING_EMAIL_JOB,
  BILLING_STEPS,
  type BillingSettings,
  billingDailyJob,
  closedPeriodOn,
  movedTo,
  putBillingConfig,
  queueCompanyEmail,
  runBillingDayNow,
  runsOf,
  sendBillingEmail,
  statementFile,
  viewStatements,
} from '.';

// Issue #13 slice 4 on both engines: the daily renewal job's reminders (30, 7, 1 days before, in the
// company's language, to all its emails, through the outbox and a real SMTP receiver), its statements
// (R46: opening + movements = closing, PDF and XLSX), and re-running a day making nothing twice.
describe('billing.daily: expiry reminders and statements (R38, R46)', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-12-02T02:00:00Z'); // 10:00 in Shanghai, business day 2026-12-02
  const deps = { database, clock };
  const sys = systemPrincipal('cli');
  const smtp = await smtpReceiver();
  after(() => smtp.close());
  const worker = new Worker(
    database.db,
    clock,
    new Map<string, JobHandler>([
      [BILLING_DAILY_JOB, billingDailyJob(clock)],
      [
        BILLING_EMAIL_JOB,
        sendBillingEmail({ mailer: smtpMailer(smtp.url), publicUrl: 'https://kaidan.example.com' }),
      ],
    ]),
  );
  const support: Principal = { ...sys, kind: 'staff', roles: ['support'], channel: 'api' };
  const co = (nameZh: string) => createCompany(deps, sys, { nameZh });
  const zh = await co('提醒中文公司');
  const en = await co('提醒英文公司');
  const quiet = await co('不推送公司');
  const bare = await co('未配置公司');
  const base: BillingSettings = {
    billingCycle: 'monthly',
    autoRenew: false,
    notify: true,
    emailLanguage: 'zh-CN',
    emails: ['ops@zh.example.com', 'boss@zh.example.com'],
  };
  await putBillingConfig(deps, sys, { companyId: zh, ...base, autoRenew: true });
  await putBillingConfig(deps, sys, {
    companyId: en,
    ...base,
    emailLanguage: 'en-US',
    emails: ['it@en.example.com'],
    billingCycle: 'quarterly',
  });
  await putBillingConfig(deps, sys, { companyId: quiet, ...base, notify: false });
  const day = Temporal.PlainDate.from('2026-12-02');
  const inDays = (n: number) => day.add({ days: n }).toString();
  const device = (companyId: string, deviceNo: string, days: number) =>
    registerDevice(deps, support, { companyId, deviceNo, type: 'GPS', expiresOn: inDays(days) });
  await device(zh, 'ZH-30A', 30);
  await device(zh, 'ZH-30B', 30);
  await device(zh, 'ZH-07', 7);
  await device(zh, 'ZH-01', 1);
  await device(zh, 'ZH-10', 10);
  const off = await device(zh, 'ZH-01-OFF', 1);
  await setDeviceState(deps, support, {
    id: off,
    version: (await viewDevice(deps, support, off)).version,
    state: 'deactivated',
  });
  await device(en, 'EN-30', 30);
  await device(en, 'EN-01', 1);
  await device(quiet, 'QT-30', 30);
  await device(bare, 'BR-30', 30);

  const runDay = async (d: string) => {
    await enqueueJob(database.db, clock, BILLING_DAILY_JOB, { day: d });
    await worker.drain();
  };

  it('R38 one email per company and threshold, listing its active devices, in its language, to all its emails', async () => {
    await runDay('2026-12-02');
    const mails = smtp.inbox.map((m) => ({ ...m, to: [...m.to].sort() }));
    assert.equal(mails.length, 5, 'zh: 30, 7, 1; en: 30, 1; none for notify off or no configuration');
    const zhMails = mails.filter((m) => m.to.includes('ops@zh.example.com'));
    assert.equal(zhMails.length, 3);
    for (const m of zhMails) assert.deepEqual(m.to, ['boss@zh.example.com', 'ops@zh.example.com']);
    const zh30 = zhMails.find((m) => m.subject.includes('30 天后'));
    assert.match(zh30?.subject ?? '', /^\[开单 Kaidan\] 您有 2 台设备将于 30 天后（2027-01-01）到期$/);
    assert.ok(zh30?.text.includes('ZH-30A') && zh30.text.includes('ZH-30B'));
    assert.match(zh30?.text ?? '', /已开启自动续费/);
    assert.ok(zh30?.text.includes('https://kaidan.example.com/billing'));
    const zh1 = zhMails.find((m) => m.subject.includes(' 1 天后'));
    assert.ok(zh1?.text.includes('ZH-01'));
    assert.ok(!zh1?.text.includes('ZH-01-OFF'), 'a deactivated device is never reminded (R19)');
    assert.ok(zhMails.some((m) => m.subject.includes('7 天后') && m.text.includes('ZH-07')));
    assert.ok(
      !mails.some((m) => m.text.includes('ZH-10') || m.text.includes('QT-30') || m.text.includes('BR-30')),
    );
    const enMails = mails.filter((m) => m.to.includes('it@en.example.com'));
    assert.deepEqual(enMails.map((m) => m.subject).sort(), [
      '[Kaidan] 1 device(s) expire in 1 day(s), on 2026-12-03',
      '[Kaidan] 1 device(s) expire in 30 day(s), on 2027-01-01',
    ]);
    assert.match(enMails[0]?.text ?? '', /Renew them in the console/);
  });

  it('re-running a day creates nothing twice: no reminder, no email', async () => {
    const sent = smtp.inbox.length;
    const again = await runBillingDayNow(deps, sys, '2026-12-02', BILLING_STEPS);
    assert.deepEqual(again.steps.find((s) => s.step === 'reminders')?.created, { reminders: 0, emails: 0 });
    await runDay('2026-12-02');
    assert.equal(smtp.inbox.length, sent);
    const runs = await runsOf(database.db, '2026-12-02');
    assert.deepEqual(
      runs.map((r) => [r.step, r.runs]),
      [
        ['reminders', 3],
        ['statements', 3],
      ],
    );
  });

  it('R46 the first day after a period makes its statement: opening + movements = closing, once', async () => {
    const wallet = (amount: bigint, kind: 'topup' | 'refund', ref: string) =>
      database.db.transaction().execute((tx) =>
        creditWallet(tx, clock, {
          ownerType: 'company',
          ownerId: zh,
          currency: 'CNY',
          amount,
          kind,
          from: kind === 'topup' ? 'offline_cash' : 'revenue',
          ref: { type: 'test', id: ref },
        }),
      );
    const pay = (amount: bigint, ref: string) =>
      database.db.transaction().execute((tx) =>
        debitFunds(
          tx,
          clock,
          { ownerType: 'company', ownerId: zh },
          {
            ref: { type: 'test', id: ref },
            currency: 'CNY',
            amount,
            credits: [{ code: 'revenue', amount }],
            memo: null,
          },
        ),
      );
    clock.set('2026-10-15T02:00:00Z');
    await wallet(100_000n, 'topup', 'oct-topup');
    clock.set('2026-11-03T02:00:00Z');
    await wallet(50_000n, 'topup', 'nov-topup');
    clock.set('2026-11-20T02:00:00Z');
    await pay(30_000n, 'nov-pay');
    clock.set('2026-11-30T15:30:00Z'); // 23:30 on 30 November in Shanghai: still November's
    await wallet(5_000n, 'refund', 'nov-refund');
    clock.set('2026-11-30T16:30:00Z'); // 00:30 on 1 December in Shanghai: the next period's
    await wallet(7_000n, 'topup', 'dec-topup');
    clock.set('2026-12-02T02:00:00Z');

    const made = await runBillingDayNow(deps, sys, '2026-12-01', BILLING_STEPS);
    // the two monthly companies (notifications on or off); not the quarterly one, nor the unconfigured one
    assert.deepEqual(made.steps.find((s) => s.step === 'statements')?.created, { statements: 2 });
    for (const none of [en, bare])
      assert.equal((await viewStatements(deps, sys, { companyId: none }, { limit: 10 })).length, 0);
    const rows = await viewStatements(deps, sys, { companyId: zh }, { limit: 10 });
    assert.equal(rows.length, 1);
    const s = rows[0];
    assert.ok(s);
    assert.deepEqual(
      [s.period_start, s.period_end, s.billing_cycle],
      ['2026-11-01', '2026-11-30', 'monthly'],
    );
    const b = s.figures.balances[0];
    assert.ok(b);
    assert.deepEqual(
      [b.opening, b.topups, b.payments, b.refunds, b.closing],
      ['100000', '50000', '30000', '5000', '125000'],
    );
    assert.equal(movedTo(b), BigInt(b.closing), 'opening + top-ups + refunds − payments + other = closing');
    assert.deepEqual(
      s.figures.lines.map((l) => [l.date, l.kind, l.amount]),
      [
        ['2026-11-03', 'topup', '50000'],
        ['2026-11-20', 'payment', '30000'],
        ['2026-11-30', 'refund', '5000'],
      ],
    );
    const twice = await runBillingDayNow(deps, sys, '2026-12-01', BILLING_STEPS);
    assert.deepEqual(twice.steps.find((x) => x.step === 'statements')?.created, { statements: 0 });
    assert.equal((await viewStatements(deps, sys, { companyId: zh }, { limit: 10 })).length, 1);

    const pdf = await statementFile(deps, sys, s.id, 'pdf', 'zh');
    const { text, embedded } = pdfText(Buffer.from(pdf.body));
    assert.ok(embedded, 'the CJK font is embedded');
    for (const want of ['对账单', '提醒中文公司', '期初余额', '期末余额', '1000.00', '1250.00', '2026-11-20'])
      assert.ok(text.includes(want), `PDF shows ${want}`);
    const xlsx = await statementFile(deps, sys, s.id, 'xlsx', 'en');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body.slice().buffer);
    const summary = book.getWorksheet('Balance');
    const header = summary?.getRow(5).values;
    assert.ok(Array.isArray(header) && header.includes('Opening balance'));
    const cells = summary?.getRow(6).values;
    assert.ok(Array.isArray(cells));
    assert.deepEqual(cells.slice(1), ['CNY', '1000.00', '500.00', '300.00', '50.00', '0.00', '1250.00']);
    assert.equal(book.getWorksheet('Details')?.rowCount, 4);
  });

  it('R46 periods: calendar months, quarters and years close on their first next day', () => {
    const d = (s: string) => Temporal.PlainDate.from(s);
    assert.deepEqual(closedPeriodOn('monthly', d('2026-03-01')), { start: '2026-02-01', end: '2026-02-28' });
    assert.equal(closedPeriodOn('monthly', d('2026-03-02')), null);
    assert.deepEqual(closedPeriodOn('quarterly', d('2027-01-01')), {
      start: '2026-10-01',
      end: '2026-12-31',
    });
    assert.equal(closedPeriodOn('quarterly', d('2026-12-01')), null);
    assert.deepEqual(closedPeriodOn('yearly', d('2027-01-01')), { start: '2026-01-01', end: '2026-12-31' });
    assert.equal(closedPeriodOn('yearly', d('2026-04-01')), null);
  });

  it('the chain: the first job runs today and schedules tomorrow at 00:05 Shanghai; a re-run schedules nothing', async () => {
    const handler = billingDailyJob(clock);
    const pending = async () =>
      (
        await sql<{ payload: Record<string, unknown>; run_at: Date }>`select payload, run_at from jobs
          where kind = ${BILLING_DAILY_JOB} and state = 'pending' order by run_at`.execute(database.db)
      ).rows;
    const job = { id: 'job_test', kind: BILLING_DAILY_JOB, payload: {}, attempts: 1 };
    await handler.external?.(database.db, {}, job);
    assert.deepEqual(
      (await pending()).map((j) => [j.payload, j.run_at.toISOString()]),
      [[{ day: '2026-12-03', chain: true }, '2026-12-02T16:05:00.000Z']],
    );
    assert.deepEqual(
      (await runsOf(database.db, '2026-12-02')).map((r) => r.runs),
      [4, 4],
      'the first job ran for today',
    );
    await handler.external?.(database.db, { day: '2026-12-01' }, job);
    assert.equal((await pending()).length, 1, 'an operator re-run does not fork the chain');
    await handler.external?.(database.db, { day: '2026-12-03', chain: true }, job);
    await handler.external?.(database.db, { day: '2026-12-03', chain: true }, job);
    assert.deepEqual(
      (await pending()).map((j) => j.payload),
      [
        { day: '2026-12-03', chain: true },
        { day: '2026-12-04', chain: true },
      ],
      'a chained day schedules the day after it (a late worker catches up day by day), once however often it runs',
    );
  });

  it('queueCompanyEmail: in the company language, once per dedupe key, nothing with notifications off', async () => {
    const render = (lang: 'zh-CN' | 'en-US') => ({
      subject: lang === 'en-US' ? 'Refused' : '自动续费失败',
      body: '…',
    });
    const send = (companyId: string) =>
      database.db
        .transaction()
        .execute((tx) =>
          queueCompanyEmail(tx, clock, companyId, 'auto_renew_refused', render, `refused:${companyId}:d`),
        );
    const first = await send(en);
    assert.ok(first);
    assert.equal(await send(en), null, 'the same key again sends nothing');
    assert.equal(await send(quiet), null, 'notifications off');
    const sent = smtp.inbox.length;
    await worker.drain();
    assert.deepEqual(
      smtp.inbox.slice(sent).map((m) => [m.to, m.subject]),
      [[['it@en.example.com'], 'Refused']],
    );
  });

  it('a future day is refused; only admins run a day', async () => {
    const future = await runBillingDayNow(deps, sys, '2026-12-03', BILLING_STEPS).catch((e: unknown) => e);
    assert.match(String(future), /future_day|Cannot run a future day/);
    const denied = await runBillingDayNow(deps, support, '2026-12-01', BILLING_STEPS).catch(
      (e: unknown) => e,
    );
    assert.match(String(denied), /FORBIDDEN/);
  });
});
