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
