import { formatAmount } from '@kaidan/shared';
import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { setCalendarOverride } from '../modules/calendar';
import { bindRenewalPackage } from '../modules/devices';
import { placeOrder } from '../modules/orders';
import { createApiKey, principalOfUser } from '../modules/parties';
import { sandboxPayments, startOnlineTopup } from '../modules/payments';
import { placeRenewal, quoteRenewal } from '../modules/renewals';
import { decideRequest, fileCompanyRename, fileRefund, fileTopup } from '../modules/requests';
import { emitEvent, registerEndpoint } from '../modules/webhooks';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/database';
import { type Principal, systemPrincipal } from '../platform/principal';
import { DEMO_PASSWORD } from '../seed/demo-seed';
import { makeUser, signIn, TEST_PASSWORD } from '../testing/auth-factory';
import { fund } from '../testing/world';
import type { App } from './env';

// The people and objects of the authorization matrix, on top of the demo seed: two parties (a partner
// with its customer and that customer's user), the staff roles, and factories for objects a mutating
// cell may use up. Fixture only: reads ids with SQL, creates objects through the real use cases.

export const WHO = [
  'anonymous',
  'admin',
  'order_desk',
  'finance',
  'sales',
  'support',
  'agentA',
  'agentB',
  'customerA',
  'customerB',
] as const;
export type Who = (typeof WHO)[number];
export type Kind = 'staff' | 'partner' | 'customer';
export const kindOf = (w: Who): Kind =>
  w.startsWith('agent') ? 'partner' : w.startsWith('customer') ? 'customer' : 'staff';
/** The party a partner or customer user belongs to; staff act on party A's objects. */
export const partyOf = (w: Who): 'A' | 'B' => (w.endsWith('B') ? 'B' : 'A');

export interface Party {
  partnerId: string;
  companyId: string;
  tenantId: string;
  partnerWallet: string;
  companyWallet: string;
  paidOrder: string;
  componentId: string;
  /** a submitted request the party's agent filed, and one its customer user filed */
  agentRequest: string;
  customerRequest: string;
  agentNotification: string;
  /** issue #12: an endpoint the party's agent registered, and one delivery of an event to it */
  webhookEndpoint: string;
  webhookDelivery: string;
  /** issue #12: an online top-up each of the party's agent and customer started (sandbox, pending) */
  agentAttempt: string;
  customerAttempt: string;
  /** issue #13: a device of the party's company (demo seed), by Kaidan id and by the customer's id */
  device: string;
  deviceNo: string;
  /** issue #13, R20: a renewal order of that device the party's customer placed (awaiting payment) */
  deviceOrder: string;
  agent: Principal;
  customer: Principal;
}

const year = { unit: 'year' as const, value: 1 };
const GUIDE = { productId: 'prd_demo_guide', planId: 'pln_demo_guide_std' };

export async function buildMatrixWorld(app: Pick<App, 'request'>, database: Database, clock: Clock) {
  const { db } = database;
  const deps = { database, clock };
  const as = async (email: string) => {
    const p = await principalOfUser(db, { email }, 'api');
    if (!p) throw new Error(`no user ${email}`);
    return p;
  };
  const support = await makeUser(database, clock, { roles: ['support'] });
  const customerB = await makeUser(database, clock, { roles: ['customer'], companyId: 'cmp_demo_jushi' });
  const spare = await makeUser(database, clock, { roles: ['support'] });
  const credentials: Record<Exclude<Who, 'anonymous'>, [string, string]> = {
    admin: ['admin@kaidan.demo', DEMO_PASSWORD],
    order_desk: ['desk@kaidan.demo', DEMO_PASSWORD],
    finance: ['finance@kaidan.demo', DEMO_PASSWORD],
    sales: ['sales@kaidan.demo', DEMO_PASSWORD],
    support: [support.email, TEST_PASSWORD],
    agentA: ['agent@kaidan.demo', DEMO_PASSWORD],
    agentB: ['agent2@kaidan.demo', DEMO_PASSWORD],
    customerA: ['it@huihuang.demo', DEMO_PASSWORD],
    customerB: [customerB.email, TEST_PASSWORD],
  };
  const cookies: Record<Who, string> = { anonymous: '' } as Record<Who, string>;
  for (const [w, [email, password]] of Object.entries(credentials)) {
    cookies[w as Who] = await signIn(app, email, password);
  }
  const freshSession = (w: Who) => {
    if (w === 'anonymous') return Promise.resolve('');
    const [email, password] = credentials[w];
    return signIn(app, email, password);
  };
  const admin = await as('admin@kaidan.demo');
  const sales = await as('sales@kaidan.demo');
  const finance = await as('finance@kaidan.demo');
  const one = async (q: ReturnType<typeof sql<{ id: string }>>) => {
    const r = await q.execute(db);
    const id = r.rows[0]?.id;
    if (!id) throw new Error(`fixture query found nothing: ${q.compile(db).sql}`);
    return id;
  };
  // Party B's customer gets its own wallet, as 辉煌 has in the seed.
  const jushiTopup = await fileTopup(deps, sales, {
    walletOwnerType: 'company',
    walletOwnerId: 'cmp_demo_jushi',
    companyId: 'cmp_demo_jushi',
    payer: '巨石（北京）',
    currency: 'CNY',
    amount: '1000.00',
    bankRef: 'MATRIX-JUSHI-0001',
    submit: true,
  });
  await decideRequest(deps, finance, { id: jushiTopup.id, verdict: 'approve', comment: '已到账' });

  let seq = 0;
  // Endpoints on a port nothing listens on: the matrix never runs the worker, so nothing is sent.
  const webhookOf = async (agent: Principal) =>
    (await registerEndpoint(deps, agent, { url: 'https://127.0.0.1:9/matrix', eventTypes: ['order.paid'] }))
      .id;
  const deliveryTo = async (endpointId: string, partnerId: string) => {
    await db
      .transaction()
      .execute((tx) => emitEvent(tx, clock, { type: 'order.paid', partnerId, payload: { matrix: true } }));
    return one(sql<{ id: string }>`select id from webhook_deliveries where endpoint_id = ${endpointId}`);
  };
  // Started through the use case with a sandbox of its own: the matrix app runs without providers.
  const { payments } = sandboxPayments(clock, () => 'http://127.0.0.1:9');
  const attempt = async (p: Principal) => (await startOnlineTopup(deps, payments, p, { amount: '10.00' })).id;
  // R20: the party's first device bound to the demo's GPS package, quoted and confirmed by its customer.
  const renewalOf = async (customer: Principal, companyId: string) => {
    const device = await one(
      sql<{ id: string }>`select id from devices where company_id = ${companyId} order by device_no limit 1`,
    );
    const gps = await one(sql<{ id: string }>`select id from device_packages where code = 'GPS-M'`);
    await bindRenewalPackage(deps, systemPrincipal('cli'), { packageId: gps, deviceIds: [device] });
    const q = await quoteRenewal(deps, customer, { deviceIds: [device], months: 6 });
    const o = await placeRenewal(deps, customer, {
      deviceIds: [device],
      months: 6,
      expectedTotal: formatAmount(q.total, q.currency),
      quotedAt: q.quotedAt.toString(),
    });
    return o.id;
  };
  const party = async (partnerId: string, companyId: string, agentEmail: string, customer: Principal) => {
    const agent = await as(agentEmail);
    const wallet = (type: string, owner: string) =>
      one(sql<{ id: string }>`select id from wallets where owner_type = ${type} and owner_id = ${owner}`);
    const component = await one(
      sql<{ id: string }>`select id from components where company_id = ${companyId} order by id limit 1`,
    );
    // A customer may not file top-ups: its own request is a rename of its company.
    const filed = async (p: Principal) =>
      p.kind === 'customer'
        ? (await fileCompanyRename(deps, p, { companyId, nameZh: `改名${++seq}`, reason: '矩阵测试' })).id
        : (
            await fileTopup(deps, p, {
              walletOwnerType: 'partner',
              walletOwnerId: partnerId,
              payer: '对公账户',
              currency: 'CNY',
              amount: '10.00',
              bankRef: `MATRIX-${++seq}`,
              submit: true,
            })
          ).id;
    const hook = await webhookOf(agent);
    return {
      partnerId,
      companyId,
      webhookEndpoint: hook,
      webhookDelivery: await deliveryTo(hook, partnerId),
      tenantId: await one(sql<{ id: string }>`select tenant_id as id from companies where id = ${companyId}`),
      partnerWallet: await wallet('partner', partnerId),
      companyWallet: await wallet('company', companyId),
      paidOrder: await one(
        sql<{
          id: string;
        }>`select id from orders where company_id = ${companyId} and state = 'paid' order by created_at limit 1`,
      ),
      componentId: component,
      agentRequest: await filed(agent),
      customerRequest: await filed(customer),
      agentNotification: await one(
        sql<{ id: string }>`select id from notifications where user_id = ${agent.userId} order by id limit 1`,
      ),
      agentAttempt: await attempt(agent),
      customerAttempt: await attempt(customer),
      device: await one(
        sql<{
          id: string;
        }>`select id from devices where company_id = ${companyId} order by device_no limit 1`,
      ),
      deviceNo: await one(
        sql<{
          id: string;
        }>`select device_no as id from devices where company_id = ${companyId} order by device_no limit 1`,
      ),
      deviceOrder: await renewalOf(customer, companyId),
      agent,
      customer,
    } satisfies Party;
  };
  const parties = {
    A: await party('prt_demo_liyan', 'cmp_demo_huihuang', 'agent@kaidan.demo', await as('it@huihuang.demo')),
    B: await party('prt_demo_lina', 'cmp_demo_jushi', 'agent2@kaidan.demo', await as(customerB.email)),
  };

  // Item 10: a refund (返款) party A's agent filed for its customer's order, which that customer must not see.
  const partnerRefund = (
    await fileRefund(deps, parties.A.agent, {
      orderIds: [parties.A.paidOrder],
      mode: 'refund',
      reason: '矩阵：渠道返款',
      submit: false,
    })
  ).id;
  // Item 6: a suspended partner with an agent and a customer; it may read but not commit money.
  await sql`insert into partners (id, code, name_zh, state, created_at)
    values ('prt_mx_suspended', 'P-MX-SUSP', '暂停的渠道', 'suspended', now())`.execute(db);
  await sql`insert into companies (id, name_zh, partner_id, created_at)
    values ('cmp_mx_suspended', '暂停渠道的客户', 'prt_mx_suspended', now())`.execute(db);
  // Funded, so a refused order is refused for the suspension and not for a shortfall.
  await fund(db, clock, 'prt_mx_suspended', 10_000_000n, 'matrix-suspended');
  const suspended = await makeUser(database, clock, {
    roles: ['partner_agent'],
    partnerId: 'prt_mx_suspended',
  });
  const suspendedCookie = await signIn(app, suspended.email, suspended.password);

  // Objects a mutating cell uses up, made fresh for each cell.
  const fresh = {
    /** a draft order the party's agent placed for its customer */
    draft: async (x: Party, submit = false) => {
      // A new subsidiary each time, so an approval in one cell does not make the next order a repeat.
      const companyId = `cmp_mx_${++seq}`;
      await sql`insert into companies (id, name_zh, partner_id, parent_id, created_at)
        values (${companyId}, ${`矩阵子公司${seq}`}, ${x.partnerId}, ${x.companyId}, now())`.execute(db);
      const placed = await placeOrder(deps, x.agent, {
        companyId,
        productId: GUIDE.productId,
        orderType: 'new',
        submit,
        lines: [{ planId: GUIDE.planId, seats: 1, duration: year }],
      });
      return placed.id;
    },
    /** a top-up application of the party's agent: draft, or submitted */
    topup: async (x: Party, submit: boolean) =>
      (
        await fileTopup(deps, x.agent, {
          walletOwnerType: 'partner',
          walletOwnerId: x.partnerId,
          payer: '渠道对公账户',
          currency: 'CNY',
          amount: '10.00',
          bankRef: `MATRIX-T-${++seq}`,
          submit,
        })
      ).id,
    /** a webhook endpoint of the party's agent */
    webhookEndpoint: (x: Party) => webhookOf(x.agent),
    /** an API key of a user who is not in the matrix */
    apiKey: async () => (await createApiKey(deps, admin, spare.id, `k${++seq}`)).id,
    /** a day of 2030 an admin has overridden (R34), for a removal to take back */
    calendarDay: async () => {
      const day = Temporal.PlainDate.from('2030-01-01').add({ days: ++seq }).toString();
      await setCalendarOverride(deps, admin, { day, kind: 'holiday', note: '矩阵测试' });
      return day;
    },
  };
  const ids = {
    spareUser: spare.id,
    product: 'prd_demo_steward',
    plan: 'pln_demo_archive',
    ...GUIDE,
    // issue #13: the demo's device package category and a package bound to devices
    packageClass: await one(sql<{ id: string }>`select id from package_classes where code = 'DEV-SVC'`),
    devicePackage: await one(sql<{ id: string }>`select id from device_packages where code = 'GPS-M'`),
  };
  return {
    deps,
    cookies,
    freshSession,
    parties,
    fresh,
    ids,
    probes: { partnerRefund, suspendedCookie, suspendedCompany: 'cmp_mx_suspended' },
    next: () => ++seq,
  };
}

export type MatrixWorld = Awaited<ReturnType<typeof buildMatrixWorld>>;
