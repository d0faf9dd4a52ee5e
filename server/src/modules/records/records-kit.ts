import {
  type Currency,
  type DeviceOrderSource,
  type DeviceOrderState,
  newId,
  type PaymentMethodName,
} from '@kaidan/shared';
import { sql } from 'kysely';
import { FakeClock } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { nextNumber } from '../../platform/numbering-store';

// Test fixtures of the records lists (tests and browser walks only): rows as the renewal, payments and
// requests slices leave them, written directly because the renewal slice's place use case lands later and
// records must be tested over every state, method and currency without driving three providers.

export interface ItemFixture {
  deviceId: string;
  packageId: string;
  /** per device-month, minor units */
  renewal: bigint;
  valueAdded?: bigint;
}

export interface DeviceOrderFixture {
  companyId: string;
  state?: DeviceOrderState;
  paymentMethod?: Exclude<PaymentMethodName, 'offline'>;
  currency?: Currency;
  source?: DeviceOrderSource;
  months?: number;
  /** ISO instant of creation; a paid order was paid an hour later */
  at: string;
  items: ItemFixture[];
}

const clockAt = (at: string) => new FakeClock(at);
const plus = (at: string, hours: number) => new Date(Date.parse(at) + hours * 3_600_000);

/** A device order with its items: total = Σ (renewal + value-added) × months, as the renewal slice prices. */
export async function writeDeviceOrder(
  ex: Exec,
  f: DeviceOrderFixture,
): Promise<{ id: string; number: string }> {
  const months = f.months ?? 12;
  const state = f.state ?? 'paid';
  const id = newId('dor', Date.parse(f.at));
  const number = await nextNumber(ex, clockAt(f.at), 'device_order', 'DO');
  const amount = (i: ItemFixture) => (i.renewal + (i.valueAdded ?? 0n)) * BigInt(months);
  const total = f.items.reduce((s, i) => s + amount(i), 0n);
  await sql`insert into device_orders (id, number, company_id, source, months, currency, total, device_count,
      state, payment_method, payment_due_at, created_at, paid_at, closed_at)
    values (${id}, ${number}, ${f.companyId}, ${f.source ?? 'customer'}, ${months}, ${f.currency ?? 'CNY'},
      ${total}, ${f.items.length}, ${state}, ${f.paymentMethod ?? 'wallet'}, ${plus(f.at, 24)}, ${new Date(f.at)},
      ${state === 'paid' ? plus(f.at, 1) : null}, ${state === 'expired' ? plus(f.at, 24) : null})`.execute(
    ex,
  );
  for (const i of f.items)
    await sql`insert into device_order_items (order_id, device_id, company_id, package_id, package_code,
        renewal_amount, value_added_amount, amount, open, expires_before, expires_after)
      select ${id}, d.id, d.company_id, ${i.packageId},
        (select code from device_packages where id = ${i.packageId}), ${i.renewal}, ${i.valueAdded ?? 0n}, ${amount(i)},
        ${state === 'awaiting_payment'}, d.expires_on,
        case when ${state} = 'paid' then (d.expires_on + make_interval(months => ${months}))::date end
      from devices d where d.id = ${i.deviceId}`.execute(ex);
  return { id, number };
}

export interface TopupFixture {
  ownerType: 'partner' | 'company';
  ownerId: string;
  currency?: Currency;
  /** minor units */
  amount: bigint;
  at: string;
}

/** An online top-up attempt in the given state (paid ones were paid a minute later). */
export async function writeOnlineTopup(
  ex: Exec,
  t: TopupFixture & { provider?: string; state: 'pending' | 'paid' | 'closed' | 'failed' },
): Promise<{ id: string; number: string }> {
  const id = newId('pay', Date.parse(t.at));
  const number = `TU${id.slice(4, 30)}`;
  const later = new Date(Date.parse(t.at) + 60_000);
  await sql`insert into payment_attempts (id, purpose, owner_type, owner_id, provider, merchant_order_no, amount,
      currency, state, created_at, expires_at, paid_at, closed_at)
    values (${id}, 'topup', ${t.ownerType}, ${t.ownerId}, ${t.provider ?? 'wechatpay'}, ${number}, ${t.amount},
      ${t.currency ?? 'CNY'}, ${t.state}, ${new Date(t.at)}, ${plus(t.at, 2)}, ${t.state === 'paid' ? later : null},
      ${t.state === 'closed' ? later : null})`.execute(ex);
  return { id, number };
}

/** An offline top-up application (R25) in a request state; decided ones were decided an hour later. */
export async function writeOfflineTopup(
  ex: Exec,
  t: TopupFixture & { state: 'draft' | 'submitted' | 'approved' | 'returned' | 'declined' },
): Promise<{ id: string; number: string }> {
  const id = newId('req', Date.parse(t.at));
  const number = await nextNumber(ex, clockAt(t.at), 'request', 'RQ');
  const decided = ['approved', 'declined'].includes(t.state) ? plus(t.at, 1) : null;
  const companyId = t.ownerType === 'company' ? t.ownerId : null;
  const partnerId = t.ownerType === 'partner' ? t.ownerId : null;
  await sql`insert into requests (id, number, category, owner_team, state, partner_id, company_id, created_at,
      submitted_at, decided_at)
    values (${id}, ${number}, 'topup', 'finance', ${t.state}, ${partnerId}, ${companyId}, ${new Date(t.at)},
      ${t.state === 'draft' ? null : new Date(t.at)}, ${decided})`.execute(ex);
  await sql`insert into topups (request_id, wallet_owner_type, wallet_owner_id, company_id, payer, currency,
      amount, bank_ref)
    values (${id}, ${t.ownerType}, ${t.ownerId}, ${companyId}, '付款人', ${t.currency ?? 'CNY'}, ${t.amount},
      ${`BANK-${number}`})`.execute(ex);
  return { id, number };
}

/**
 * Records on the demo seed's companies for HTTP and browser tests: 辉煌 (its customer user's company) has a
 * paid order with a value-added charge, an unpaid one and a settled and a pending online top-up; 灵韵华东 a
 * paid renewal by Alipay and 灵韵 an expired PayPal order in USD; plus an approved offline top-up of 辉煌.
 */
export async function writeDemoRecords(ex: Exec): Promise<void> {
  const { rows } = await sql<{
    no: string;
    id: string;
    company_id: string;
    pkg: string;
  }>`select d.device_no as no,
      d.id, d.company_id, (select id from device_packages where code = 'GPS-M') as pkg
    from devices d where d.device_no in ('HH-0001', 'HH-0002', 'HH-0003', 'HD-1001', 'HD-1002', 'LY-0001')`.execute(
    ex,
  );
  const dev = (no: string, valueAdded = 0n) => {
    const d = rows.find((r) => r.no === no);
    if (!d) throw new Error(`demo device ${no} missing`);
    return {
      companyId: d.company_id,
      item: { deviceId: d.id, packageId: d.pkg, renewal: 1500n, valueAdded },
    };
  };
  const order = (nos: [string, bigint?][], f: Omit<DeviceOrderFixture, 'companyId' | 'items'>) => {
    const items = nos.map(([no, va]) => dev(no, va));
    return writeDeviceOrder(ex, {
      ...f,
      companyId: items[0]?.companyId ?? '',
      items: items.map((i) => i.item),
    });
  };
  await order([['HH-0001', 500n], ['HH-0002']], { at: '2026-11-18T02:00:00Z', months: 12 });
  await order([['HH-0003']], {
    at: '2026-11-24T02:00:00Z',
    state: 'awaiting_payment',
    paymentMethod: 'wechatpay',
  });
  await order([['HD-1001'], ['HD-1002']], { at: '2026-11-20T02:00:00Z', paymentMethod: 'alipay', months: 6 });
  await order([['LY-0001']], {
    at: '2026-11-15T02:00:00Z',
    state: 'expired',
    paymentMethod: 'paypal',
    currency: 'USD',
    source: 'auto_renew',
  });
  const huihuang = dev('HH-0001').companyId;
  const own = { ownerType: 'company' as const, ownerId: huihuang };
  await writeOnlineTopup(ex, { ...own, amount: 10_000n, at: '2026-11-19T02:00:00Z', state: 'paid' });
  await writeOnlineTopup(ex, {
    ...own,
    amount: 5_000n,
    at: '2026-11-23T02:00:00Z',
    state: 'pending',
    provider: 'alipay',
  });
  await writeOfflineTopup(ex, { ...own, amount: 200_000n, at: '2026-11-21T02:00:00Z', state: 'approved' });
}
