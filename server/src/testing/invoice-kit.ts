import { sql } from 'kysely';
import { type InvoiceRequestInput, requestInvoice } from '../modules/invoices';
import type { Database } from '../platform/db/database';
import type { Principal } from '../platform/principal';
import { scenario } from './scenario';
import { fund, fundCompany, P, W } from './world';

/** A valid 统一社会信用代码 for 辉煌有限公司 in tests. */
export const HUIHUANG_TAX_ID = '91350100M000100Y43';
export const SPECIAL_DETAILS = {
  buyerAddress: '福州市鼓楼区五四路 1 号',
  buyerPhone: '0591-87654321',
  buyerBank: '中国银行福州分行',
  buyerAccount: '4071 5820 1234',
} as const;

/**
 * Seed-000 world plus paid self-service orders of 辉煌有限公司 (CRM, 100.00 per seat-year, paid from its
 * wallet at once), and a request helper for invoice tests.
 */
export async function invoiceKit(database: Database) {
  const s = await scenario(database);
  await fundCompany(database.db, s.clock, W.huihuang, 100_000_000n, 'invoice-kit');
  await fund(database.db, s.clock, W.partnerA, 100_000_000n, 'invoice-kit-partner');
  let n = 0;
  /** A new subsidiary of 辉煌有限公司 (in its users' scope), funded, for an order of its own. */
  const subsidiary = async () => {
    n += 1;
    const id = `cmp_inv_${n}`;
    await sql`insert into companies (id, name_zh, partner_id, parent_id, created_at)
      values (${id}, ${`辉煌子公司${n}`}, ${W.partnerA}, ${W.huihuang}, now())`.execute(database.db);
    await fundCompany(database.db, s.clock, id, 100_000_000n, `invoice-kit-${id}`);
    return id;
  };
  /** A paid self-service order: CRM by default, or the kit's support service (another product). */
  const paidOrder = async (seats = 1, o: { companyId?: string; service?: boolean; p?: Principal } = {}) => {
    const companyId = o.companyId ?? (await subsidiary());
    const placed = await s.order(o.p ?? P.customer, {
      companyId,
      orderType: 'new',
      productId: o.service ? 'prd_inv_support' : W.otherProduct,
      lines: [
        { planId: o.service ? 'pln_inv_support' : W.otherPlan, seats, duration: { unit: 'year', value: 1 } },
      ],
    });
    if (placed.state !== 'paid') throw new Error(`order ${placed.id} is ${placed.state}, not paid`);
    return placed;
  };
  const ask = (orderIds: string[], extra: Partial<InvoiceRequestInput> = {}, p: Principal = P.customer) =>
    requestInvoice(s.deps, p, { orderIds, type: 'normal', buyerTaxId: HUIHUANG_TAX_ID, ...extra });
  /** Two lines on one order: a second plan of the CRM product at its own price (for partial reversals). */
  await sql`insert into plans (id, product_id, code, name_zh, kind, pricing_method, created_at)
    values ('pln_crm_addon', ${W.otherProduct}, 'crm-archive', 'CRM 存档', 'addon', 'seat_year', now())`.execute(
    database.db,
  );
  await sql`insert into plan_prices (plan_id, currency, min_seats, unit_amount)
    values ('pln_crm_addon', 'CNY', 1, 3333)`.execute(database.db);
  await sql`insert into products (id, code, name_zh, kind, tax_code, tax_rate_bp, created_at)
    values ('prd_inv_support', 'inv-support', '驻场运维服务', 'service', '3040203000000000000', 600, now())`.execute(
    database.db,
  );
  await sql`insert into plans (id, product_id, code, name_zh, kind, pricing_method, created_at)
    values ('pln_inv_support', 'prd_inv_support', 'support', '运维服务', 'service', 'seat_year', now())`.execute(
    database.db,
  );
  await sql`insert into plan_prices (plan_id, currency, min_seats, unit_amount)
    values ('pln_inv_support', 'CNY', 1, 20000)`.execute(database.db);
  const twoLineOrder = async () => {
    const companyId = await subsidiary();
    const o = await s.order(P.customer, {
      companyId,
      orderType: 'new',
      productId: W.otherProduct,
      lines: [
        { planId: W.otherPlan, seats: 1, duration: { unit: 'year', value: 1 } },
        { planId: 'pln_crm_addon', seats: 3, duration: { unit: 'year', value: 1 } },
      ],
    });
    if (o.state !== 'paid') throw new Error(`order ${o.id} is ${o.state}, not paid`);
    return o;
  };
  return { ...s, paidOrder, twoLineOrder, ask, subsidiary };
}
