import type { Role } from '../platform/principal';
import type { Ctx, Entry } from './authz-matrix.entry';

// Cells of the authorization matrix for payments (issue #12, docs/payments.md). Kept apart so the one
// table stays under the file-size rule; spread into MATRIX.
const MONEY_READERS: Role[] = ['admin', 'order_desk', 'finance', 'sales', 'partner_agent', 'customer'];
const id = (v: string) => ({ path: { id: v } });
const attemptOf = ({ x, kind }: Ctx) => (kind === 'customer' ? x.customerAttempt : x.agentAttempt);

export const PAYMENT_MATRIX: Record<string, Entry> = {
  // Issue #12 (docs/payments.md): a partner's agent or a customer user tops up its own wallet online;
  // without a configured provider the allowed get 409 PAYMENT_PROVIDER_UNAVAILABLE. Support keeps devices,
  // not money: an attempt is not in its scope.
  'POST /api/v1/payments/topups': {
    allow: ['partner_agent', 'customer'],
    req: () => ({ body: { amount: '10.00' } }),
  },
  'GET /api/v1/payments/topups': { allow: 'signed-in' },
  'GET /api/v1/payments/attempts/{id}': {
    allow: MONEY_READERS,
    scoped: true,
    hidden: ['support'],
    req: (c) => id(attemptOf(c)),
  },
  // R29 (ADR 0020): the pay screen is seen as the order is; the customer pays online, the customer or
  // sales records a bank transfer, finance (never the recorder) decides it. The matrix's paid order and
  // top-up attempt answer the allowed 409 (not awaiting payment, not a transfer).
  'GET /api/v1/orders/{id}/payments': { allow: 'signed-in', scoped: true, req: ({ x }) => id(x.paidOrder) },
  'POST /api/v1/orders/{id}/payments': {
    allow: ['customer', 'sales'],
    scoped: true,
    req: ({ x }) => ({ ...id(x.paidOrder), body: { method: 'offline', bankReference: 'MATRIX-0001' } }),
  },
  'GET /api/v1/payments/offline': { allow: ['finance', 'admin'] },
  'POST /api/v1/payments/attempts/{id}/confirm': {
    allow: ['finance'],
    req: (c) => ({ ...id(attemptOf(c)), body: { comment: '矩阵' } }),
  },
  'POST /api/v1/payments/attempts/{id}/decline': {
    allow: ['finance'],
    req: (c) => ({ ...id(attemptOf(c)), body: { comment: '矩阵' } }),
  },
  // Present only with a provider configured (the notify endpoint, public: the signature is the check)
  // or the sandbox (its pay button).
  'POST /api/v1/payments/notify/{provider}': { allow: 'public', optional: true },
  'POST /api/v1/sandbox/payments/{id}/pay': {
    allow: MONEY_READERS,
    scoped: true,
    hidden: ['support'],
    optional: true,
    req: (c) => id(attemptOf(c)),
  },
};
