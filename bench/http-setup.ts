// The bench's world, made through the API as a deployment would be: staff sign in, the admin creates
// partners and their API-only agents, agents create their customers, sales files top-ups, finance approves.
import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD } from '../server/src/seed/demo-seed';

export const PRODUCT = 'prd_demo_guide';
export const PLAN = 'pln_demo_guide_std';
/** Enough for every order of a run; whole yuan. */
export const FUNDING_YUAN = 100_000_000n;

export type Auth = { cookie: string } | { key: string };

export async function api(
  base: string,
  auth: Auth | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(auth && 'cookie' in auth ? { cookie: auth.cookie } : {}),
      ...(auth && 'key' in auth ? { authorization: `Bearer ${auth.key}` } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, text };
}

async function must(p: ReturnType<typeof api>, what: string): Promise<Record<string, unknown>> {
  const r = await p;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 400)}`);
  return r.body;
}

async function signIn(base: string, email: string): Promise<Auth> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const cookie = /kaidan_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  return { cookie };
}

export interface BenchPartner {
  partnerId: string;
  walletId: string;
  agent: Auth;
  companies: string[];
}

export async function buildBenchWorld(base: string, partners: number, companiesOf: (i: number) => number) {
  const admin = await signIn(base, 'admin@kaidan.demo');
  const sales = await signIn(base, 'sales@kaidan.demo');
  const finance = await signIn(base, 'finance@kaidan.demo');
  // Orders of the bench are approved at once (R3): auto review for new and add-seats partner orders.
  const product = await must(api(base, admin, 'GET', `/api/v1/products/${PRODUCT}`), 'read product');
  type Policy = { orderType: string; channel: string; mode: string };
  const auto = ['new', 'add_seats'];
  const policies = (product.reviewPolicies as Policy[]).filter(
    (p) => !(auto.includes(p.orderType) && p.channel === 'partner'),
  );
  await must(
    api(base, admin, 'PUT', `/api/v1/products/${PRODUCT}/review-policies`, {
      version: product.version,
      policies: [...policies, ...auto.map((orderType) => ({ orderType, channel: 'partner', mode: 'auto' }))],
    }),
    'set review policy',
  );
  const tag = Date.now().toString(36).toUpperCase();
  const out: BenchPartner[] = [];
  for (let i = 0; i < partners; i++) {
    const partner = await must(
      api(base, admin, 'POST', '/api/v1/partners', { code: `B${tag}-${i}`, nameZh: `压测伙伴${tag}-${i}` }),
      'create partner',
    );
    const partnerId = String(partner.id);
    const user = await must(
      api(base, admin, 'POST', '/api/v1/users', {
        email: `bench-${tag.toLowerCase()}-${i}@bench.kaidan`,
        name: `压测代理${i}`,
        roles: ['partner_agent'],
        partnerId,
      }),
      'create agent',
    );
    const key = await must(
      api(base, admin, 'POST', `/api/v1/users/${user.id}/api-keys`, { name: 'bench' }),
      'api key',
    );
    const agent: Auth = { key: String(key.secret) };
    const companies: string[] = [];
    for (let c = 0; c < companiesOf(i); c++) {
      const company = await must(
        api(base, agent, 'POST', '/api/v1/companies', {
          nameZh: `压测客户${tag}-${i}-${c}`,
          tenantId: `ww${randomBytes(8).toString('hex')}`,
        }),
        'create company',
      );
      companies.push(String(company.id));
    }
    const topup = await must(
      api(base, sales, 'POST', '/api/v1/topups', {
        walletOwnerType: 'partner',
        walletOwnerId: partnerId,
        payer: `压测伙伴${i}对公账户`,
        currency: 'CNY',
        amount: `${FUNDING_YUAN}.00`,
        bankRef: `BENCH-${tag}-${i}`,
        submit: true,
      }),
      'file top-up',
    );
    await must(
      api(base, finance, 'POST', `/api/v1/requests/${topup.id}/approve`, { comment: '压测到账' }),
      'approve top-up',
    );
    // Each customer subscribes once; the bench's orders then add seats to that subscription.
    for (const c of companies)
      await must(api(base, agent, 'POST', '/api/v1/orders', newOrder(c)), 'first order');
    const wallets = await must(api(base, agent, 'GET', '/api/v1/wallets'), 'list wallets');
    const items = (wallets.items ?? wallets.data ?? []) as { id: string; ownerId?: string }[];
    const walletId = items.find((w) => w.ownerId === partnerId)?.id ?? items[0]?.id ?? '';
    out.push({ partnerId, walletId, agent, companies });
  }
  return out;
}

const newOrder = (companyId: string) => ({
  companyId,
  productId: PRODUCT,
  orderType: 'new',
  submit: true,
  lines: [{ planId: PLAN, seats: 5, duration: { unit: 'year', value: 1 } }],
});

/** The measured order: one more seat on the customer's subscription, auto-approved and paid at once. */
export const orderBody = (companyId: string) => ({
  companyId,
  productId: PRODUCT,
  orderType: 'add_seats',
  submit: true,
  lines: [{ planId: PLAN, seats: 1 }],
});
