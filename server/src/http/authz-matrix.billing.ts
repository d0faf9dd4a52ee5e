import {
  BILLING_STEPS,
  type BillingSettings,
  putBillingConfig,
  runBillingDayNow,
  viewStatements,
} from '../modules/billing';
import type { Role } from '../platform/principal';
import { systemPrincipal } from '../platform/principal';
import type { Entry } from './authz-matrix.entry';
import type { MatrixWorld, Party } from './authz-matrix.world';

// Cells of the authorization matrix for billing (issue #13, R38, R46; docs/billing.md "Roles"): admin,
// sales, tech support and the customer configure within the company scope; everyone signed in reads in
// scope. Spread into MATRIX. Fixtures make a configuration and a statement per party on first use.
const CONFIGURE: Role[] = ['admin', 'sales', 'support', 'customer'];
const STALE = 999_999;
const SETTINGS: BillingSettings = {
  billingCycle: 'monthly',
  autoRenew: false,
  notify: true,
  emailLanguage: 'zh-CN',
  emails: ['matrix@example.com'],
};
const sys = systemPrincipal('cli');

/** The party's company has a configuration (so a DELETE finds one and answers 409 on the stale version). */
async function configured(w: MatrixWorld, x: Party): Promise<string> {
  await putBillingConfig(w.deps, sys, { companyId: x.companyId, ...SETTINGS, version: undefined }).catch(
    () => undefined, // already configured: the fixture needs one, not a fresh one
  );
  return x.companyId;
}

const statements = new Map<string, string>();
/** A statement of the party's company: its October, made by running 1 November. */
async function statementOf(w: MatrixWorld, x: Party): Promise<string> {
  const known = statements.get(x.companyId);
  if (known) return known;
  await configured(w, x);
  await runBillingDayNow(w.deps, sys, '2026-11-01', BILLING_STEPS);
  const [s] = await viewStatements(w.deps, sys, { companyId: x.companyId, depth: 'direct' }, { limit: 1 });
  if (!s) throw new Error(`no statement for ${x.companyId}`);
  statements.set(x.companyId, s.id);
  return s.id;
}

export const BILLING_MATRIX: Record<string, Entry> = {
  'GET /api/v1/billing-configs': { allow: 'signed-in' },
  // Out-of-scope ids in a batch are named in one 422 (tested in billing-configs.test.ts), not a 404.
  'POST /api/v1/billing-configs/batch': {
    allow: CONFIGURE,
    req: ({ x }) => ({ body: { companyIds: [x.companyId], settings: SETTINGS } }),
  },
  'GET /api/v1/billing-configs/{companyId}': {
    allow: 'signed-in',
    scoped: true,
    req: ({ x }) => ({ path: { companyId: x.companyId } }),
  },
  'PUT /api/v1/billing-configs/{companyId}': {
    allow: CONFIGURE,
    scoped: true,
    req: async ({ x, w }) => ({
      path: { companyId: await configured(w, x) },
      body: { ...SETTINGS, version: STALE },
    }),
  },
  'DELETE /api/v1/billing-configs/{companyId}': {
    allow: CONFIGURE,
    scoped: true,
    req: async ({ x, w }) => ({
      path: { companyId: await configured(w, x) },
      query: { version: String(STALE) },
    }),
  },
  'GET /api/v1/billing-statements': { allow: 'signed-in' },
  'GET /api/v1/billing-statements/{id}': {
    allow: 'signed-in',
    scoped: true,
    req: async ({ x, w }) => ({ path: { id: await statementOf(w, x) } }),
  },
  'GET /api/v1/billing-statements/{id}/pdf': {
    allow: 'signed-in',
    scoped: true,
    req: async ({ x, w }) => ({ path: { id: await statementOf(w, x) } }),
  },
  'GET /api/v1/billing-statements/{id}/xlsx': {
    allow: 'signed-in',
    scoped: true,
    req: async ({ x, w }) => ({ path: { id: await statementOf(w, x) } }),
  },
};
