import { createApp } from '../../app';
import { FakeClock } from '../../platform/clock';
import { makeUser, signIn } from '../../testing/auth-factory';
import { useTestDatabase } from '../../testing/test-db';

// Shared set-up of the catalog admin tests: an app, an admin and an order-desk cookie, and a product.
export interface Problem {
  code: string;
  message: { zh: string; en: string };
  fields: Array<{ field: string; code: string; message: { zh: string; en: string } }>;
}
export interface PlanOut {
  id: string;
  version: number;
  refundable: boolean;
  passThrough: boolean;
  validFrom: string | null;
  validTo: string | null;
  prices: Array<{ currency: string; minSeats: number; amount: string }>;
  bundleItems: Array<{ planId: string; seatsPerBundle: number }>;
}
export interface ProductOut {
  id: string;
  code: string;
  version: number;
  state: string;
  channels: string[];
  plans: PlanOut[];
  reviewPolicies: Array<{ orderType: string; channel: string; mode: string }>;
}

export async function catalogHarness() {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-11-20T02:00:00Z');
  const deps = { database, clock };
  const app = createApp(deps);
  const admin = await makeUser(database, clock, { roles: ['admin'] });
  const desk = await makeUser(database, clock, { roles: ['order_desk'] });
  const adminCookie = await signIn(app, admin.email, admin.password);
  const deskCookie = await signIn(app, desk.email, desk.password);
  const send = async (method: string, path: string, cookie: string | null, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const as = <T>(r: { body: unknown }) => r.body as T;

  const created = await send('POST', '/api/v1/products', adminCookie, {
    code: 'wecom-steward',
    nameZh: '企微管家',
    nameEn: 'WeCom Steward',
    kind: 'seat_app',
    category: 'SaaS',
    subcategory: '企微',
  });
  const product = as<ProductOut>(created);

  return { database, clock, deps, app, admin, desk, adminCookie, deskCookie, send, as, product, created };
}
