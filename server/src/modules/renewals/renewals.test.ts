import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { refusal } from '../../testing/refusal';
import { freshTestDatabase, useTestDatabase } from '../../testing/test-db';
import { listAudit } from '../audit/audit-store';
import { deletePackage, setDeviceState, viewDevice, viewPackage } from '../devices';
import { findWallet } from '../wallets';
import { autoRenewCompany, payRenewalFromWallet, quoteRenewal, renewedExpiry } from '.';
import { customerOf, renewalWorld } from './renewal-kit';

const d = (s: string) => Temporal.PlainDate.from(s);

describe('R20 new expiry = max(current expiry, today) + months, in calendar months', () => {
  const today = d('2026-12-02');
  it('R20 Jan 31 + 1 month is the last day of February (28, or 29 in a leap year)', () => {
    assert.equal(renewedExpiry(d('2027-01-31'), today, 1).toString(), '2027-02-28');
    assert.equal(renewedExpiry(d('2028-01-31'), today, 1).toString(), '2028-02-29');
  });
  it('R20 Mar 31 + 6 months is Sep 30', () => {
    assert.equal(renewedExpiry(d('2027-03-31'), today, 6).toString(), '2027-09-30');
  });
  it('R20 an expired device (or one never given an expiry) is renewed from today', () => {
    assert.equal(renewedExpiry(d('2026-10-15'), today, 12).toString(), '2027-12-02');
    assert.equal(renewedExpiry(null, today, 6).toString(), '2027-06-02');
  });
});

describe('R20 batch renewal on the database: quote, second confirmation, pay by balance', async () => {
  const database = await useTestDatabase();
  const w = await renewalWorld(database);
  const { deps, ids } = w;
  await w.device(w.root, 'JAN31', '2027-01-31');
  await w.device(w.east, 'MAR31', '2027-03-31');
  await w.device(w.hangzhou, 'EXPIRED', '2026-10-15');
  await w.device(w.south, 'SOUTH', '2027-05-01');
  await w.device(w.hangzhou, 'USD-1', '2027-02-01', w.usd);
  await w.device(w.east, 'VA-1', '2027-01-10');
  await w.addValueAdded('VA-1');
  const rootCustomer = customerOf(w.root);
  await w.fund(w.root, 10_000n);
  const expiry = async (no: string) => (await viewDevice(deps, w.sys, ids[no] ?? '')).expires_on;

  it('R20 the database does the same calendar arithmetic: Jan 31 + 1 month, Mar 31 + 6, expired from today', async () => {
    const one = await w.place(rootCustomer, ['JAN31'], 1);
    await payRenewalFromWallet(deps, rootCustomer, one.id);
    assert.equal(await expiry('JAN31'), '2027-02-28');
    const six = await w.place(rootCustomer, ['MAR31', 'EXPIRED'], 6);
    assert.equal(six.device_count, 2);
    assert.equal(six.total, 2n * 6n * 1500n, 'the server prices 2 devices × 6 months × 15.00');
    await payRenewalFromWallet(deps, rootCustomer, six.id);
    assert.equal(await expiry('MAR31'), '2027-09-30');
    assert.equal(await expiry('EXPIRED'), '2027-06-02', 'expired on 2026-10-15: from today 2026-12-02');
  });

  it('R20 one order per batch, one entitlement event per device naming the order, the wallet debited once', async () => {
    const before = await findWallet(database.db, 'company', w.root, 'CNY');
    const o = await w.place(rootCustomer, ['JAN31', 'MAR31'], 12);
    const paid = await payRenewalFromWallet(deps, rootCustomer, o.id);
    assert.equal(paid.state, 'paid');
    const { rows } = await sql<{ device_id: string; expires_before: string; expires_after: string }>`
      select device_id, expires_before::text, expires_after::text from device_order_items
      where order_id = ${o.id} order by expires_before`.execute(database.db);
    assert.deepEqual(
      rows.map((r) => [r.expires_before, r.expires_after]),
      [
        ['2027-02-28', '2028-02-28'],
        ['2027-09-30', '2028-09-30'],
      ],
    );
    const trail = await listAudit(database.db, 'device', ids.JAN31 ?? '');
    const renew = trail.filter((a) => a.action === 'renew').at(-1);
    assert.deepEqual(renew?.after, {
      expiresOn: '2028-02-28',
      orderId: o.id,
      orderNumber: o.number,
      months: 12,
    });
    const after = await findWallet(database.db, 'company', w.root, 'CNY');
    assert.equal((before?.balance ?? 0n) - (after?.balance ?? 0n), 2n * 12n * 1500n);
  });

  it('R18 value-added packages are priced on top of the renewal package, per device-month', async () => {
    const q = await quoteRenewal(deps, rootCustomer, { deviceIds: [ids['VA-1'] ?? ''], months: 6 });
    assert.equal(q.total, 6n * (1500n + 500n));
    assert.equal(q.devices[0]?.renews_to, '2027-07-10');
  });

  it('the server decides the price: a confirmed total that differs is refused with the server’s', async () => {
    const e = await refusal(w.place(rootCustomer, ['SOUTH'], 6, { expectedTotal: '1.00' }));
    assert.equal(e.code, 'TOTAL_MISMATCH');
    assert.equal(e.details.total, '90.00');
  });

  it('R19 a deactivated device is refused by id; R18 an unbound one too; one currency per order', async () => {
    await setDeviceState(deps, w.sys, {
      id: ids.SOUTH ?? '',
      version: (await viewDevice(deps, w.sys, ids.SOUTH ?? '')).version,
      state: 'deactivated',
    });
    const off = await refusal(w.place(rootCustomer, ['SOUTH', 'JAN31'], 6));
    assert.equal(off.code, 'DEVICES_DEACTIVATED');
    assert.deepEqual(off.details.deviceNos, ['SOUTH']);
    const mixed = await refusal(w.place(rootCustomer, ['USD-1', 'JAN31'], 6));
    assert.equal(mixed.code, 'DEVICES_CURRENCY_MIXED');
    const months = await refusal(w.place(rootCustomer, ['JAN31'], 0));
    assert.equal(months.code, 'months_invalid');
  });

  it('R21 scope three levels deep: a subsidiary renews its own subtree, never its parent’s or a sibling’s', async () => {
    const eastCustomer = customerOf(w.east);
    const q = await quoteRenewal(deps, eastCustomer, {
      deviceIds: [ids.MAR31 ?? '', ids.EXPIRED ?? ''],
      months: 6,
    });
    assert.equal(q.deviceCount, 2, 'east sees its own and Hangzhou’s (its child) devices');
    const up = await refusal(quoteRenewal(deps, eastCustomer, { deviceIds: [ids.JAN31 ?? ''], months: 6 }));
    assert.equal(up.code, 'DEVICES_NOT_FOUND', 'the parent’s device is not in scope');
    const hz = await refusal(
      quoteRenewal(deps, customerOf(w.hangzhou), { deviceIds: [ids.MAR31 ?? ''], months: 6 }),
    );
    assert.equal(hz.code, 'DEVICES_NOT_FOUND');
    assert.deepEqual(hz.details.deviceIds, [ids.MAR31]);
  });

  it('R13 a short balance refuses the payment naming the numbers; the order stays payable', async () => {
    await w.fund(w.east, 10n);
    const eastCustomer = customerOf(w.east);
    const o = await w.place(eastCustomer, ['MAR31'], 24);
    const short = await refusal(payRenewalFromWallet(deps, eastCustomer, o.id));
    assert.equal(short.code, 'INSUFFICIENT_FUNDS');
    const again = await refusal(w.place(eastCustomer, ['MAR31'], 6));
    assert.equal(again.code, 'DEVICE_RENEWAL_OPEN', 'the unpaid order still holds the device');
    const gps = await viewPackage(deps, w.sys, w.gps);
    const held = await refusal(deletePackage(deps, w.sys, w.gps, gps.version));
    assert.equal(held.code, 'PACKAGE_ON_OPEN_ORDER', 'issue #13: a package on an open order stays');
    assert.equal(await expiry('MAR31'), '2028-09-30', 'nothing extended');
  });

  it('R20 concurrent renewals of one device never extend it twice', async () => {
    const p = customerOf(w.root);
    await w.device(w.root, 'RACE', '2027-06-30');
    const q = await quoteRenewal(deps, p, { deviceIds: [ids.RACE ?? ''], months: 12 });
    const confirm = () =>
      w
        .place(p, ['RACE'], 12, { quotedAt: q.quotedAt.toString() })
        .then((o) => payRenewalFromWallet(deps, p, o.id));
    const results = await Promise.allSettled([confirm(), confirm(), confirm()]);
    const won = results.filter((r) => r.status === 'fulfilled');
    assert.equal(won.length, 1, 'one renewal goes through');
    for (const r of results)
      if (r.status === 'rejected')
        assert.match(String(r.reason.code), /DEVICE_RENEWAL_OPEN|DEVICE_RENEWED_SINCE_QUOTE/);
    assert.equal(await expiry('RACE'), '2028-06-30', 'extended by 12 months once');
    const late = await refusal(w.place(p, ['RACE'], 12, { quotedAt: q.quotedAt.toString() }));
    assert.equal(
      late.code,
      'DEVICE_RENEWED_SINCE_QUOTE',
      'a stale quote confirmed later is refused, naming the order',
    );
  });
});

describe('R20 a quote writes nothing and locks nothing; the confirmation locks the devices', () => {
  it('R20 quoting runs no locking read and no write; placing takes the device rows', async (t) => {
    const statements: string[] = [];
    const { database } = await freshTestDatabase(
      { onQuery: (e) => void statements.push(e.query.sql) },
      (close) => t.after(close),
    );
    const w = await renewalWorld(database);
    await w.device(w.root, 'Q-1', '2027-01-31');
    const customer = customerOf(w.root);
    statements.splice(0);
    const q = await quoteRenewal(w.deps, customer, { deviceIds: [w.ids['Q-1'] ?? ''], months: 6 });
    assert.equal(q.total, 6n * 1500n);
    const locking = statements.filter((q) => /\bfor (no key )?update\b|\b(insert|update|delete)\b/i.test(q));
    assert.deepEqual(locking, [], 'the quote holds no row: its figures are checked again on confirmation');
    statements.splice(0);
    await w.place(customer, ['Q-1'], 6);
    assert.ok(
      statements.some((q) => /for no key update of d/.test(q)),
      'placing checks the batch under the devices’ row locks',
    );
  });
});

describe('R38 auto-renew from the wallet before expiry (the daily job’s step)', async () => {
  const database = await useTestDatabase();
  const w = await renewalWorld(database);
  const { deps, ids } = w;
  const day = d('2026-12-02');
  await w.device(w.east, 'SOON', '2026-12-05');
  await w.device(w.east, 'LATER', '2026-12-20');
  await w.device(w.east, 'PAST', '2026-11-30');
  await w.device(w.south, 'BROKE', '2026-12-03');
  await w.fund(w.east, 1_000n);
  const expiry = async (no: string) => (await viewDevice(deps, w.sys, ids[no] ?? '')).expires_on;

  it('R38 devices expiring within the lead days renew by the cycle’s months, paid from the wallet, once per day', async () => {
    const [r] = await autoRenewCompany(deps, w.east, day, 1);
    assert.equal(r?.refusal, null);
    assert.equal(r?.deviceCount, 1, 'only SOON is within 7 days; LATER is not, PAST has expired');
    assert.equal(r?.order?.source, 'auto_renew');
    assert.equal(await expiry('SOON'), '2027-01-05');
    assert.equal(await expiry('LATER'), '2026-12-20');
    const again = await autoRenewCompany(deps, w.east, day, 1);
    assert.deepEqual(again, [], 're-running the day renews nothing twice');
    const wallet = await findWallet(database.db, 'company', w.east, 'CNY');
    assert.equal(wallet?.balance, 1_000n * 100n - 1500n);
  });

  it('R38 R13 a short balance is answered as a refusal naming the numbers; nothing is renewed or recorded', async () => {
    const [r] = await autoRenewCompany(deps, w.south, day, 12);
    assert.equal(r?.order, null);
    assert.equal(r?.refusal?.code, 'INSUFFICIENT_FUNDS');
    assert.equal(await expiry('BROKE'), '2026-12-03');
    const { rows } = await sql`select 1 from device_orders where company_id = ${w.south}`.execute(
      database.db,
    );
    assert.equal(rows.length, 0);
  });
});
