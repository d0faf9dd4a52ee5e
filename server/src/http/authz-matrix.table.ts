import { REFUND_PAYMENT_READERS } from '../modules/refunds';
import type { Role } from '../platform/principal';
import { BILLING_MATRIX } from './authz-matrix.billing';
import { CALENDAR_MATRIX } from './authz-matrix.calendar';
import { DEVICE_MATRIX } from './authz-matrix.devices';
import type { Ctx, Entry } from './authz-matrix.entry';
import { INVOICE_MATRIX } from './authz-matrix.invoices';
import { PAYMENT_MATRIX } from './authz-matrix.payments';
import { RECORD_MATRIX } from './authz-matrix.records';
import { RENEWAL_MATRIX } from './authz-matrix.renewals';
import { WEBHOOK_MATRIX } from './authz-matrix.webhooks';
import type { Party } from './authz-matrix.world';

// The authorization matrix (DESIGN §1, docs/auth.md "Authorization matrix"): for every operation of
// /openapi.json, who may call it and how to reach its handler. authz-matrix.test.ts runs every entry
// as anonymous, each staff role, a partner's agent and a customer's user on their own party's object,
// and (when scoped) the same users on the other party's object.
//
// Expected answers: anonymous → 401 (public operations excepted); a role not in `allow` → 403 on its
// own party's object (404 for the roles in `hidden`: the kind of object is outside their scope), and
// 403 or 404 on another party's object; an allowed role on its own object → anything but 401/403/404
// or 5xx (409/422 from state are fine); an allowed role on another party's object → 404.

export type { Call, Ctx, Entry } from './authz-matrix.entry';

const STAFF: Role[] = ['admin', 'order_desk', 'finance', 'sales', 'support'];
const DESK: Role[] = ['order_desk', 'admin'];
const ADMIN: Role[] = ['admin'];
const ORDERING: Role[] = ['partner_agent', 'customer', 'sales', 'order_desk', 'admin'];
const COMPANIES: Role[] = ['admin', 'order_desk', 'sales', 'partner_agent'];
const FILERS: Role[] = ['partner_agent', 'sales', 'order_desk', 'admin'];
const STALE = 999_999; // a version no row has: an allowed caller gets 409 and nothing changes
const id = (v: string) => ({ path: { id: v } });
const guideOrder = (x: Party) => ({
  companyId: x.companyId,
  productId: 'prd_demo_guide',
  orderType: 'new',
  lines: [{ planId: 'pln_demo_guide_std', seats: 1, duration: { unit: 'year', value: 1 } }],
});
const decision = { comment: '矩阵测试' };
/** the request a caller of this kind files: the agent's top-up for partners and staff */
const requestOf = ({ x, kind }: Ctx) => (kind === 'customer' ? x.customerRequest : x.agentRequest);
const walletOf = ({ x, kind }: Ctx) => (kind === 'customer' ? x.companyWallet : x.partnerWallet);
export const MATRIX: Record<string, Entry> = {
  'GET /api/v1/health': { allow: 'public' },
  'POST /api/v1/auth/login': {
    allow: 'public',
    req: () => ({ body: { email: 'nobody@kaidan.test', password: 'not-a-password' } }),
  },
  'POST /api/v1/auth/logout': { allow: 'public', freshSession: true, req: () => ({ body: {} }) },
  'GET /api/v1/me': { allow: 'signed-in' },

  'GET /api/v1/partners': { allow: 'signed-in' },
  'POST /api/v1/partners': {
    allow: ADMIN,
    req: ({ w }) => ({ body: { code: `P-MX${w.next()}`, nameZh: '矩阵渠道' } }),
  },
  'GET /api/v1/partners/export': { allow: ADMIN },
  'GET /api/v1/partners/{id}': {
    allow: [...STAFF, 'partner_agent'],
    scoped: true,
    hidden: ['customer'],
    req: ({ x }) => id(x.partnerId),
  },
  'PATCH /api/v1/partners/{id}': {
    allow: ADMIN,
    req: ({ x }) => ({ ...id(x.partnerId), body: { version: STALE, nameZh: '改名' } }),
  },

  'GET /api/v1/companies': { allow: 'signed-in' },
  'POST /api/v1/companies': {
    allow: COMPANIES,
    req: ({ w }) => ({ body: { nameZh: `矩阵公司${w.next()}` } }),
  },
  'GET /api/v1/companies/export': { allow: 'signed-in' },
  'GET /api/v1/companies/{id}': { allow: 'signed-in', scoped: true, req: ({ x }) => id(x.companyId) },
  'PATCH /api/v1/companies/{id}': {
    allow: COMPANIES,
    scoped: true,
    req: ({ x }) => ({ ...id(x.companyId), body: { version: STALE } }),
  },
  'GET /api/v1/companies/{id}/contacts': {
    allow: 'signed-in',
    scoped: true,
    req: ({ x }) => id(x.companyId),
  },
  'POST /api/v1/companies/{id}/contacts': {
    allow: [...COMPANIES, 'customer'],
    scoped: true,
    req: ({ x }) => ({ ...id(x.companyId), body: { name: '联系人', email: 'contact@example.com' } }),
  },
  'GET /api/v1/companies/{id}/entitlements': {
    allow: 'signed-in',
    scoped: true,
    req: ({ x }) => id(x.companyId),
  },

  'GET /api/v1/users': { allow: ADMIN },
  'POST /api/v1/users': {
    allow: ADMIN,
    req: ({ w }) => ({ body: { email: `mx${w.next()}@kaidan.test`, name: '矩阵', roles: ['support'] } }),
  },
  'GET /api/v1/users/export': { allow: ADMIN },
  'PATCH /api/v1/users/{id}': {
    allow: ADMIN,
    req: ({ w }) => ({ ...id(w.ids.spareUser), body: { version: STALE } }),
  },
  'POST /api/v1/users/{id}/disable': { allow: ADMIN, req: ({ w }) => ({ ...id(w.ids.spareUser), body: {} }) },
  'POST /api/v1/users/{id}/enable': { allow: ADMIN, req: ({ w }) => ({ ...id(w.ids.spareUser), body: {} }) },
  'GET /api/v1/users/{id}/api-keys': { allow: ADMIN, req: ({ w }) => id(w.ids.spareUser) },
  'POST /api/v1/users/{id}/api-keys': {
    allow: ADMIN,
    req: ({ w }) => ({ ...id(w.ids.spareUser), body: {} }),
  },
  // A key is its user's and the admins': anyone else is told it does not exist.
  'POST /api/v1/api-keys/{id}/revoke': {
    allow: ADMIN,
    hidden: ['order_desk', 'finance', 'sales', 'support', 'partner_agent', 'customer'],
    req: async ({ w }) => ({ ...id(await w.fresh.apiKey()), body: {} }),
  },

  'GET /api/v1/products': { allow: 'signed-in' },
  'POST /api/v1/products': {
    allow: ADMIN,
    req: ({ w }) => ({ body: { code: `mx-${w.next()}`, nameZh: '矩阵产品', kind: 'seat_app' } }),
  },
  'GET /api/v1/products/export': { allow: 'signed-in' },
  'GET /api/v1/products/{id}': { allow: 'signed-in', req: ({ w }) => id(w.ids.product) },
  'PATCH /api/v1/products/{id}': {
    allow: ADMIN,
    req: ({ w }) => ({ ...id(w.ids.product), body: { version: STALE } }),
  },
  'PUT /api/v1/products/{id}/review-policies': {
    allow: ADMIN,
    req: ({ w }) => ({ ...id(w.ids.product), body: { version: STALE, policies: [] } }),
  },
  'POST /api/v1/products/{id}/plans': {
    allow: ADMIN,
    req: ({ w }) => ({
      ...id(w.ids.product),
      body: { code: `mx-${w.next()}`, nameZh: '矩阵套餐', kind: 'addon', pricingMethod: 'seat_year' },
    }),
  },
  'GET /api/v1/plans/{id}': { allow: 'signed-in', req: ({ w }) => id(w.ids.plan) },
  'PATCH /api/v1/plans/{id}': {
    allow: ADMIN,
    req: ({ w }) => ({ ...id(w.ids.plan), body: { version: STALE } }),
  },
  'PUT /api/v1/plans/{id}/prices': {
    allow: ADMIN,
    req: ({ w }) => ({ ...id(w.ids.plan), body: { version: STALE, prices: [] } }),
  },
  'PUT /api/v1/plans/{id}/bundle-items': {
    allow: ADMIN,
    req: ({ w }) => ({ ...id(w.ids.plan), body: { version: STALE, items: [] } }),
  },

  // A quote and a refund preview are reads: every signed-in caller, narrowed by scope.
  'POST /api/v1/orders/quote': {
    allow: 'signed-in',
    scoped: true,
    req: ({ x }) => ({ body: guideOrder(x) }),
  },
  'POST /api/v1/orders': { allow: ORDERING, scoped: true, req: ({ x }) => ({ body: guideOrder(x) }) },
  'GET /api/v1/orders': { allow: 'signed-in' },
  'GET /api/v1/orders/export': { allow: 'signed-in' },
  'GET /api/v1/orders/{id}': { allow: 'signed-in', scoped: true, req: ({ x }) => id(x.paidOrder) },
  // The partner's draft: the creator deletes or submits it; a submit commits the partner's wallet (R2).
  // The creator check of delete and void answers 409 *_NOT_CREATOR to a staff member who sees the order.
  'DELETE /api/v1/orders/{id}': {
    allow: [...ORDERING, 'finance', 'support'],
    scoped: true,
    req: async ({ x, w }) => id(await w.fresh.draft(x)),
  },
  'POST /api/v1/orders/{id}/submit': {
    allow: ['partner_agent'],
    scoped: true,
    req: async ({ x, w }) => ({ ...id(await w.fresh.draft(x)), body: {} }),
  },
  'POST /api/v1/orders/{id}/approve': {
    allow: DESK,
    scoped: true,
    req: async ({ x, w }) => ({ ...id(await w.fresh.draft(x, true)), body: {} }),
  },
  'POST /api/v1/orders/{id}/reject': {
    allow: DESK,
    scoped: true,
    req: async ({ x, w }) => ({ ...id(await w.fresh.draft(x, true)), body: { reason: '矩阵测试' } }),
  },
  'POST /api/v1/orders/{id}/void': {
    allow: [...ORDERING, 'finance', 'support'],
    scoped: true,
    req: async ({ x, w }) => ({ ...id(await w.fresh.draft(x, true)), body: {} }),
  },
  'POST /api/v1/orders/{id}/receive': {
    allow: DESK,
    scoped: true,
    req: async ({ x, w }) => ({ ...id(await w.fresh.draft(x, true)), body: {} }),
  },
  'POST /api/v1/orders/{id}/cancel-contract-arrival': {
    allow: DESK,
    scoped: true,
    req: ({ x }) => ({ ...id(x.paidOrder), body: { reason: '矩阵测试' } }),
  },
  // R7: the creator (the agent placed the paid order) or the desk names the renewal's new company name.
  'POST /api/v1/orders/{id}/company-name': {
    allow: ['partner_agent', ...DESK],
    scoped: true,
    req: ({ x }) => ({ ...id(x.paidOrder), body: { nameZh: '新名称' } }),
  },
  'POST /api/v1/orders/{id}/archive': {
    allow: DESK,
    scoped: true,
    req: ({ x }) => ({ ...id(x.paidOrder), body: {} }),
  },
  'POST /api/v1/orders/{id}/contract-arrived': {
    allow: DESK,
    scoped: true,
    req: ({ x }) => ({ ...id(x.paidOrder), body: {} }),
  },

  'GET /api/v1/wallets': { allow: 'signed-in' },
  // Support keeps devices, not money: a wallet is not in its scope.
  'GET /api/v1/wallets/{id}': {
    allow: ['admin', 'order_desk', 'finance', 'sales', 'partner_agent', 'customer'],
    scoped: true,
    hidden: ['support'],
    req: (c) => id(walletOf(c)),
  },
  'GET /api/v1/wallets/{id}/ledger': {
    allow: ['admin', 'order_desk', 'finance', 'sales', 'partner_agent', 'customer'],
    scoped: true,
    hidden: ['support'],
    req: (c) => id(walletOf(c)),
  },
  'GET /api/v1/wallets/{id}/ledger/export': {
    allow: ['admin', 'order_desk', 'finance', 'sales', 'partner_agent', 'customer'],
    scoped: true,
    hidden: ['support'],
    req: (c) => id(walletOf(c)),
  },

  'GET /api/v1/refunds/self-service': { allow: ['customer'] },
  'GET /api/v1/refund-payments': { allow: REFUND_PAYMENT_READERS },
  'POST /api/v1/refunds/preview': {
    allow: 'signed-in',
    scoped: true,
    req: ({ x }) => ({ body: { orderIds: [x.paidOrder], mode: 'refund' } }),
  },
  'POST /api/v1/refunds': {
    allow: ORDERING,
    scoped: true,
    req: ({ x }) => ({
      body: { orderIds: [x.paidOrder], mode: 'refund', reason: '矩阵测试', submit: false },
    }),
  },
  'POST /api/v1/seat-reductions': {
    allow: [...FILERS, 'customer'],
    scoped: true,
    req: ({ x }) => ({
      body: { companyId: x.companyId, componentId: x.componentId, seats: 1, reason: '矩阵' },
    }),
  },
  'POST /api/v1/transfers': {
    allow: FILERS,
    req: ({ x, w }) => ({
      body: {
        tenantId: w.parties[x === w.parties.A ? 'B' : 'A'].tenantId,
        toPartnerId: x.partnerId,
        reason: '矩阵',
      },
    }),
  },
  'POST /api/v1/void-requests': {
    allow: FILERS,
    scoped: true,
    req: ({ x }) => ({
      body: { orderId: x.paidOrder, evidence: 'manager_approval', reference: 'MX-1', reason: '矩阵测试' },
    }),
  },
  'POST /api/v1/company-renames': {
    allow: [...FILERS, 'customer'],
    scoped: true,
    req: ({ x }) => ({ body: { companyId: x.companyId, nameZh: '矩阵新名', reason: '矩阵测试' } }),
  },
  'POST /api/v1/topups': {
    allow: ['sales', 'partner_agent', 'admin'],
    req: ({ x, w }) => ({
      body: {
        walletOwnerType: 'partner',
        walletOwnerId: x.partnerId,
        payer: '渠道对公账户',
        currency: 'CNY',
        amount: '10.00',
        bankRef: `MX-${w.next()}`,
      },
    }),
  },
  'PATCH /api/v1/topups/{id}': {
    allow: ['partner_agent'],
    scoped: true,
    hidden: ['customer'],
    req: async ({ x, w }) => ({ ...id(await w.fresh.topup(x, false)), body: { amount: '20.00' } }),
  },

  'GET /api/v1/requests': { allow: 'signed-in' },
  'GET /api/v1/requests/export': { allow: 'signed-in' },
  'GET /api/v1/requests/{id}': { allow: 'signed-in', scoped: true, req: (c) => id(requestOf(c)) },
  'POST /api/v1/requests/{id}/submit': {
    allow: ['partner_agent'],
    scoped: true,
    hidden: ['customer'],
    req: async ({ x, w }) => ({ ...id(await w.fresh.topup(x, false)), body: {} }),
  },
  // R25: only the filer withdraws (403 WITHDRAW_NOT_CREATOR to anyone else who sees the request).
  'POST /api/v1/requests/{id}/withdraw': {
    allow: ['partner_agent'],
    scoped: true,
    hidden: ['customer'],
    req: async ({ x, w }) => ({ ...id(await w.fresh.topup(x, true)), body: {} }),
  },
  'POST /api/v1/requests/{id}/comments': {
    allow: 'signed-in',
    scoped: true,
    req: (c) => ({ ...id(requestOf(c)), body: decision }),
  },
  // A top-up is finance's: it claims and decides it; the filer never does (R25).
  'POST /api/v1/requests/{id}/claim': {
    allow: ['finance', 'admin'],
    scoped: true,
    hidden: ['customer'],
    req: async ({ x, w }) => ({ ...id(await w.fresh.topup(x, true)), body: {} }),
  },
  'POST /api/v1/requests/{id}/release': {
    allow: [...STAFF, 'partner_agent'],
    scoped: true,
    hidden: ['customer'],
    req: async ({ x, w }) => ({ ...id(await w.fresh.topup(x, true)), body: {} }),
  },
  'POST /api/v1/requests/{id}/approve': {
    allow: ['finance', 'admin'],
    scoped: true,
    hidden: ['customer'],
    req: async ({ x, w }) => ({ ...id(await w.fresh.topup(x, true)), body: decision }),
  },
  'POST /api/v1/requests/{id}/return': {
    allow: ['finance', 'admin'],
    scoped: true,
    hidden: ['customer'],
    req: async ({ x, w }) => ({ ...id(await w.fresh.topup(x, true)), body: decision }),
  },
  'POST /api/v1/requests/{id}/decline': {
    allow: ['finance', 'admin'],
    scoped: true,
    hidden: ['customer'],
    req: async ({ x, w }) => ({ ...id(await w.fresh.topup(x, true)), body: decision }),
  },

  'PUT /api/v1/components/{id}/external-end': {
    allow: ['partner_agent', 'order_desk', 'sales', 'admin'],
    scoped: true,
    req: ({ x }) => ({ ...id(x.componentId), body: { externalEnd: null } }),
  },

  'GET /api/v1/notifications': { allow: 'signed-in' },
  'GET /api/v1/notifications/export': { allow: 'signed-in' },
  // A notification is its recipient's (here the agent's); everyone else is told it does not exist.
  'POST /api/v1/notifications/{id}/read': {
    allow: ['partner_agent'],
    scoped: true,
    hidden: [...STAFF, 'customer'],
    req: ({ x }) => ({ ...id(x.agentNotification), body: {} }),
  },
  'GET /api/v1/audit/{objectType}/{objectId}': {
    allow: STAFF,
    req: ({ x }) => ({ path: { objectType: 'order', objectId: x.paidOrder } }),
  },
  'GET /api/v1/dashboard': { allow: 'signed-in' },
  ...PAYMENT_MATRIX,
  ...INVOICE_MATRIX,
  ...WEBHOOK_MATRIX,
  ...CALENDAR_MATRIX, // R34: admins alone edit the business calendar
  ...DEVICE_MATRIX, // issue #13: device packages (support, admin) and devices in scope
  ...RENEWAL_MATRIX, // issue #13, R20: renewal orders (customers renew and pay their own)
  ...BILLING_MATRIX, // issue #13: billing configurations and statements in the company scope (R38, R46)
  ...RECORD_MATRIX, // issue #13 slice 5: device orders, billing orders (finance, admin), top-up records

  // Issue #10 item 18: exists only with KAIDAN_TEST_CLOCK=1.
  'GET /api/v1/test-clock': { allow: ADMIN, optional: true },
  'POST /api/v1/test-clock': { allow: ADMIN, optional: true, req: () => ({ body: { advance: 'PT0S' } }) },
};
