import { sql } from 'kysely';
import { creditWallet } from '../modules/wallets';
import type { Clock } from '../platform/clock';
import type { Db } from '../platform/db/database';
import type { Principal, Role } from '../platform/principal';

// The situations of seed 000 as test data: two partners, their customers with WeCom tenant ids, the app
// 企微管家 with an edition, the archive add-on and the interop licence as pass-through. Inserted directly
// (test fixture only); the use cases under test then work on it.
export const W = {
  partnerA: 'prt_a',
  partnerB: 'prt_b',
  huihuang: 'cmp_huihuang',
  jushi: 'cmp_jushi',
  huihuangSub: 'cmp_huihuang_sub',
  abroad: 'cmp_abroad',
  product: 'prd_wecom',
  edition: 'pln_edition30',
  archive: 'pln_archive',
  interop: 'pln_interop',
  edition60: 'pln_edition60',
  offSale: 'pln_retired',
  otherProduct: 'prd_crm',
  otherPlan: 'pln_crm',
  ending: 'pln_ending',
} as const;

const person = (
  id: string,
  kind: Principal['kind'],
  roles: Role[],
  partnerId: string | null = null,
  companyId: string | null = null,
): Principal => ({ userId: id, kind, roles, partnerId, companyId, channel: 'api' });

export const P = {
  agentA: person('usr_agent_a', 'partner', ['partner_agent'], W.partnerA),
  agentB: person('usr_agent_b', 'partner', ['partner_agent'], W.partnerB),
  desk: person('usr_desk', 'staff', ['order_desk']),
  finance: person('usr_fin', 'staff', ['finance']),
  finance2: person('usr_fin2', 'staff', ['finance']),
  sales: person('usr_sales', 'staff', ['sales']),
  customer: person('usr_cust', 'customer', ['customer'], null, W.huihuang),
};

export async function buildWorld(db: Db): Promise<void> {
  const at = new Date('2026-01-01T00:00:00Z');
  await sql`insert into partners (id, code, name_zh, created_at) values
    (${W.partnerA}, 'P-A', '李艳渠道', ${at}), (${W.partnerB}, 'P-B', '另一渠道', ${at})`.execute(db);
  await sql`insert into companies (id, name_zh, tenant_id, partner_id, parent_id, created_at) values
    (${W.huihuang}, '辉煌有限公司', 'wwb0e22cefc85a80d3', ${W.partnerA}, null, ${at}),
    (${W.jushi}, '巨石（北京）辉煌有限公司', 'wwd64e1baa41c4d6d6', ${W.partnerB}, null, ${at}),
    (${W.huihuangSub}, '辉煌上海分公司', null, ${W.partnerA}, ${W.huihuang}, ${at})`.execute(db);
  await sql`insert into companies (id, name_zh, name_en, region, partner_id, created_at)
    values (${W.abroad}, '纳米测温', 'NanoTemper GmbH', 'DE', ${W.partnerA}, ${at})`.execute(db);
  for (const u of Object.values(P)) {
    await sql`insert into users (id, email, name, roles, partner_id, company_id, created_at)
      values (${u.userId}, ${`${u.userId}@example.com`}, ${u.userId}, ${sql.val(u.roles as string[])}, ${u.partnerId}, ${u.companyId}, ${at})`.execute(
      db,
    );
  }
  await sql`insert into products (id, code, name_zh, kind, created_at) values
    (${W.product}, 'wecom-steward', '企微管家', 'seat_app', ${at}), (${W.otherProduct}, 'crm', '巨石蓝海CRM', 'seat_app', ${at})`.execute(
    db,
  );
  await sql`insert into plans (id, product_id, code, name_zh, kind, pricing_method, seat_min, seat_max, pass_through, refundable, valid_to, created_at) values
    (${W.edition}, ${W.product}, 'stock-pro-30', '囤货高级版（30户）', 'edition', 'seat_year', 1, 30, false, true, null, ${at}),
    (${W.edition60}, ${W.product}, 'pro-60', '高级版（60户）', 'edition', 'seat_year', 1, 60, false, true, null, ${at}),
    (${W.archive}, ${W.product}, 'archive', '会话存档', 'addon', 'seat_year', 1, null, false, true, null, ${at}),
    (${W.interop}, ${W.product}, 'interop', '互通费', 'pass_through', 'seat_year', 1, null, true, false, null, ${at}),
    (${W.offSale}, ${W.product}, 'old', '旧版', 'edition', 'seat_year', 1, null, false, true, '2026-06-30', ${at}),
    (${W.ending}, ${W.product}, 'promo', '双十一促销版', 'edition', 'seat_year', 1, null, false, true, '2026-11-30', ${at}),
    (${W.otherPlan}, ${W.otherProduct}, 'crm-std', 'CRM 标准版', 'edition', 'seat_year', 1, null, false, true, null, ${at})`.execute(
    db,
  );
  // Per seat-year: 365.00 edition (1.00/seat/day), 73.00 archive, 36.50 interop; 60-seat tier cheaper from 31.
  await sql`insert into plan_prices (plan_id, currency, min_seats, unit_amount) values
    (${W.edition}, 'CNY', 1, 36500), (${W.edition60}, 'CNY', 1, 36500), (${W.edition60}, 'CNY', 31, 32850),
    (${W.archive}, 'CNY', 1, 7300), (${W.interop}, 'CNY', 1, 3650), (${W.offSale}, 'CNY', 1, 1000),
    (${W.otherPlan}, 'CNY', 1, 10000), (${W.edition}, 'USD', 1, 5000), (${W.ending}, 'CNY', 1, 20000)`.execute(
    db,
  );
  // "直接下单就行 不审核": partner renewals and add-seats take effect at once; new orders wait for review.
  await sql`insert into review_policies (product_id, order_type, channel, mode) values
    (${W.product}, 'renew', 'partner', 'auto'), (${W.product}, 'add_seats', 'partner', 'auto'),
    (${W.product}, 'new', 'partner', 'manual')`.execute(db);
}

/** Money into a partner wallet as an approved top-up would put it. */
export function fund(db: Db, clock: Clock, partnerId: string, amount: bigint, ref: string): Promise<string> {
  return topUp(db, clock, 'partner', partnerId, amount, ref);
}

/** Money into a company's own wallet (self-service, direct orders) as an approved top-up would put it. */
export function fundCompany(
  db: Db,
  clock: Clock,
  companyId: string,
  amount: bigint,
  ref: string,
): Promise<string> {
  return topUp(db, clock, 'company', companyId, amount, ref);
}

function topUp(
  db: Db,
  clock: Clock,
  ownerType: 'partner' | 'company',
  ownerId: string,
  amount: bigint,
  ref: string,
): Promise<string> {
  return db.transaction().execute((tx) =>
    creditWallet(tx, clock, {
      ownerType,
      ownerId,
      currency: 'CNY',
      amount,
      kind: 'topup',
      from: 'offline_cash',
      ref: { type: 'test', id: ref },
    }),
  );
}

/** A new partner with one customer, for runs that must not see each other's money. */
export async function freshParty(db: Db, n: number): Promise<{ partner: Principal; companyId: string }> {
  const at = new Date('2026-01-01T00:00:00Z');
  const partnerId = `prt_run${n}`;
  const companyId = `cmp_run${n}`;
  await sql`insert into partners (id, code, name_zh, created_at) values (${partnerId}, ${`RUN-${n}`}, ${`渠道${n}`}, ${at})`.execute(
    db,
  );
  await sql`insert into companies (id, name_zh, partner_id, created_at) values (${companyId}, ${`客户${n}`}, ${partnerId}, ${at})`.execute(
    db,
  );
  const userId = `usr_run${n}`;
  await sql`insert into users (id, email, name, roles, partner_id, created_at)
    values (${userId}, ${`${userId}@example.com`}, ${userId}, ${sql.val(['partner_agent'])}, ${partnerId}, ${at})`.execute(
    db,
  );
  return {
    partner: {
      userId,
      kind: 'partner',
      roles: ['partner_agent'],
      partnerId,
      companyId: null,
      channel: 'api',
    },
    companyId,
  };
}
