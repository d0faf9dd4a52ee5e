import { hash } from '@node-rs/argon2';
import { appendAudit } from '../modules/audit/audit-store';
import { approveOrder, placeOrder } from '../modules/orders';
import { principalOfUser } from '../modules/parties';
import type { Payments } from '../modules/payments';
import { decideRequest, fileRefund, fileTopup, fileTransfer } from '../modules/requests';
import { toDate } from '../platform/clock';
import { transact } from '../platform/db/transact';
import type { Deps } from '../platform/deps';
import { actorOf, type Principal, systemPrincipal } from '../platform/principal';
import { seedBilling } from './demo-billing';
import { seedDeviceDemo } from './device-demo';
import { insertSeedRows, isSeeded, type SeedRows } from './seed-store';

export const DEMO_PASSWORD = 'kaidan-demo';

// Seed 000 as a working demo: the partner 李艳2 orders WeCom apps for 辉煌有限公司 from a prepaid wallet;
// the archive add-on has 30 seats while interop has 20 (the R13 situation); a transfer of 巨石（北京）
// and a settled-offline return wait in the queues; 辉煌 has its own wallet for self-service renewals.
const ids = {
  liyan: 'prt_demo_liyan',
  lina: 'prt_demo_lina',
  huihuang: 'cmp_demo_huihuang',
  jushi: 'cmp_demo_jushi',
  lingyun: 'cmp_demo_lingyun',
  steward: 'prd_demo_steward',
  guide: 'prd_demo_guide',
  crm: 'prd_demo_crm',
  stock30: 'pln_demo_stock30',
  pro60: 'pln_demo_pro60',
  archive: 'pln_demo_archive',
  interop: 'pln_demo_interop',
  guideStd: 'pln_demo_guide_std',
  crmStd: 'pln_demo_crm_std',
};

function rows(passwordHash: string): SeedRows {
  const user = (
    id: string,
    email: string,
    name: string,
    roles: string[],
    partner: string | null = null,
    company: string | null = null,
  ) => ({ id, email, name, roles, partner_id: partner, company_id: company, password_hash: passwordHash });
  const plan = (
    id: string,
    product_id: string,
    code: string,
    name_zh: string,
    name_en: string,
    kind: string,
    seat_max: number | null = null,
  ) => ({ id, product_id, code, name_zh, name_en, kind, seat_max, pass_through: kind === 'pass_through' });
  const price = (plan_id: string, cny: bigint, usd: bigint) => [
    { plan_id, currency: 'CNY', min_seats: 1, unit_amount: cny },
    { plan_id, currency: 'USD', min_seats: 1, unit_amount: usd },
  ];
  return {
    partners: [
      { id: ids.liyan, code: 'P-LIYAN', name_zh: '北京云帆科技（渠道）', name_en: 'Yunfan Tech (partner)' },
      { id: ids.lina, code: 'P-LINA', name_zh: '上海启程信息（渠道）', name_en: 'Qicheng Info (partner)' },
    ],
    companies: [
      {
        id: ids.huihuang,
        name_zh: '辉煌有限公司',
        name_en: 'Huihuang Co., Ltd.',
        tenant_id: 'wwb0e22cefc85a80d3',
        partner_id: ids.liyan,
      },
      {
        id: ids.jushi,
        name_zh: '巨石（北京）辉煌有限公司',
        name_en: 'Jushi (Beijing) Huihuang Co., Ltd.',
        tenant_id: 'wwd64e1baa41c4d6d6',
        partner_id: ids.lina,
      },
      {
        id: ids.lingyun,
        name_zh: '灵韵（北京）有限公司',
        name_en: 'NanoTemper Technologies (Beijing)',
        tenant_id: 'ww3f9a0c1d2e4b5a67',
        partner_id: ids.liyan,
      },
    ],
    users: [
      user('usr_demo_admin', 'admin@kaidan.demo', '管理员', ['admin']),
      user('usr_demo_desk', 'desk@kaidan.demo', '王艳9', ['order_desk']),
      user('usr_demo_finance', 'finance@kaidan.demo', '白星', ['finance']),
      user('usr_demo_finance2', 'finance2@kaidan.demo', '财务 周敏', ['finance']),
      user('usr_demo_sales', 'sales@kaidan.demo', '销售 陈晨', ['sales']),
      user('usr_demo_agent', 'agent@kaidan.demo', '李艳2', ['partner_agent'], ids.liyan),
      user('usr_demo_agent2', 'agent2@kaidan.demo', 'Lina', ['partner_agent'], ids.lina),
      user('usr_demo_customer', 'it@huihuang.demo', '辉煌 IT', ['customer'], null, ids.huihuang),
    ],
    products: [
      {
        id: ids.steward,
        code: 'wecom-steward',
        name_zh: '企微管家',
        name_en: 'WeCom Steward',
        kind: 'seat_app',
        category: '企业微信应用',
      },
      {
        id: ids.guide,
        code: 'shopping-guide',
        name_zh: '导购管家',
        name_en: 'Shopping Guide',
        kind: 'seat_app',
        category: '企业微信应用',
      },
      {
        id: ids.crm,
        code: 'jushi-crm',
        name_zh: '巨石蓝海CRM',
        name_en: 'Jushi Blue Ocean CRM',
        kind: 'seat_app',
        category: '企业微信应用',
      },
    ],
    plans: [
      plan(
        ids.stock30,
        ids.steward,
        'stock-pro-30',
        '囤货高级版（30户）',
        'Stock Pro (30 seats)',
        'edition',
        30,
      ),
      plan(ids.pro60, ids.steward, 'pro-60', '高级版（60户）', 'Pro (60 seats)', 'edition', 60),
      plan(ids.archive, ids.steward, 'archive', '会话存档', 'Conversation archive', 'addon'),
      plan(ids.interop, ids.steward, 'interop', '互通费', 'WeCom interop licence', 'pass_through'),
      plan(ids.guideStd, ids.guide, 'guide-std', '标准版', 'Standard', 'edition'),
      plan(ids.crmStd, ids.crm, 'crm-std', '标准版', 'Standard', 'edition'),
    ],
    prices: [
      ...price(ids.stock30, 36500n, 5000n),
      ...price(ids.pro60, 32850n, 4500n),
      ...price(ids.archive, 7300n, 1000n),
      ...price(ids.interop, 3650n, 500n),
      ...price(ids.guideStd, 18250n, 2500n),
      ...price(ids.crmStd, 54750n, 7500n),
    ],
    policies: [ids.steward, ids.guide, ids.crm].flatMap((product_id) => [
      { product_id, order_type: 'renew', channel: 'partner', mode: 'auto' },
      { product_id, order_type: 'add_seats', channel: 'partner', mode: 'auto' },
      { product_id, order_type: 'new', channel: 'partner', mode: 'manual' },
    ]),
  };
}

/** Loads the demo once; returns false when the database already has data. */
export async function seedDemo(deps: Deps, payments?: Payments): Promise<boolean> {
  const { db } = deps.database;
  if (await isSeeded(db)) return false;
  const passwordHash = await hash(DEMO_PASSWORD);
  const data = rows(passwordHash);
  await transact(db, async (tx) => {
    await insertSeedRows(tx, toDate(deps.clock.now()), data);
    // R40: reference data loaded with fixed ids (stable demo links) still gets its audit rows.
    const seeded = [
      ...data.partners.map((x) => ['partner', x.id]),
      ...data.companies.map((x) => ['company', x.id]),
      ...data.users.map((x) => ['user', x.id]),
      ...data.products.map((x) => ['product', x.id]),
      ...data.plans.map((x) => ['plan', x.id]),
    ];
    for (const [objectType = '', objectId = ''] of seeded) {
      await appendAudit(tx, deps.clock, actorOf(systemPrincipal('cli')), {
        objectType,
        objectId,
        action: 'seed',
        reason: 'demo seed 000',
      });
    }
  });
  const as = async (email: string): Promise<Principal> => {
    const p = await principalOfUser(db, { email }, 'cli');
    if (!p) throw new Error(`demo user ${email} missing`);
    return p;
  };
  const [agent, agent2, desk, finance, sales] = (await Promise.all(
    [
      'agent@kaidan.demo',
      'agent2@kaidan.demo',
      'desk@kaidan.demo',
      'finance@kaidan.demo',
      'sales@kaidan.demo',
    ].map(as),
  )) as [Principal, Principal, Principal, Principal, Principal];
  const topup = async (owner: string, amount: string, bankRef: string, decide: boolean) => {
    const t = await fileTopup(deps, sales, {
      walletOwnerType: 'partner',
      walletOwnerId: owner,
      payer: '渠道对公账户',
      currency: 'CNY',
      amount,
      bankRef,
      submit: true,
    });
    if (decide)
      await decideRequest(deps, finance, { id: t.id, verdict: 'approve', comment: '银行流水已核对' });
  };
  await topup(ids.liyan, '100000.00', 'ICBC-20261101-0001', true);
  await topup(ids.lina, '20000.00', 'CMB-20261102-0417', true);
  await topup(ids.liyan, '30000.00', 'ICBC-20261120-0093', false);
  const year = { unit: 'year' as const, value: 1 };
  const first = await placeOrder(deps, agent, {
    companyId: ids.huihuang,
    productId: ids.steward,
    orderType: 'new',
    submit: true,
    lines: [
      { planId: ids.stock30, seats: 30, duration: year },
      { planId: ids.archive, seats: 30, duration: year },
      { planId: ids.interop, seats: 20, duration: year },
    ],
  });
  await approveOrder(deps, desk, first.id, '资料齐全');
  const jushi = await placeOrder(deps, agent2, {
    companyId: ids.jushi,
    productId: ids.steward,
    orderType: 'new',
    submit: true,
    lines: [{ planId: ids.pro60, seats: 1, duration: year }],
  });
  await approveOrder(deps, desk, jushi.id);
  const crm = await placeOrder(deps, agent, {
    companyId: ids.lingyun,
    productId: ids.crm,
    orderType: 'new',
    submit: true,
    lines: [{ planId: ids.crmStd, seats: 5, duration: year }],
  });
  await approveOrder(deps, desk, crm.id);
  await fileRefund(deps, agent, {
    orderIds: [crm.id],
    mode: 'settled_offline',
    reason: '节前下单走邮件核销，申请返款',
    evidence: '核销邮件：2026-11-19 白星',
  });
  await placeOrder(deps, agent, {
    companyId: ids.lingyun,
    productId: ids.guide,
    orderType: 'new',
    submit: true,
    lines: [{ planId: ids.guideStd, seats: 10, duration: year }],
  });
  await fileTransfer(deps, agent, { tenantId: 'wwd64e1baa41c4d6d6', reason: '客户要求转到我司服务' });
  // R3/R28: 辉煌's own wallet, so its IT user can renew self-service (approved at once, paid from it).
  const own = await fileTopup(deps, sales, {
    walletOwnerType: 'company',
    walletOwnerId: ids.huihuang,
    companyId: ids.huihuang,
    payer: '辉煌有限公司',
    currency: 'CNY',
    amount: '20000.00',
    bankRef: 'ICBC-20261121-0288',
    submit: true,
  });
  await decideRequest(deps, finance, { id: own.id, verdict: 'approve', comment: '银行流水已核对' });
  const customer = await as('it@huihuang.demo');
  await seedBilling(
    deps,
    { customer, desk, finance, sales, companyId: ids.huihuang, productId: ids.steward, planId: ids.archive },
    payments,
  );
  await seedDeviceDemo(deps, DEMO_PASSWORD);
  return true;
}
