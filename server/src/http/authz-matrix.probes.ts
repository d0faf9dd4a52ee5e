import type { Call } from './authz-matrix.table';
import type { MatrixWorld } from './authz-matrix.world';

const id = (v: string) => ({ path: { id: v } });

/**
 * Cells a role × object grid cannot express: who a request is visible to and what a suspended partner may
 * do. `refused` is any 4xx but 401/404 (the branch fixing it picks the code); they run after the grid.
 */
export interface Probe {
  name: string;
  op: string;
  as: 'customerA' | 'suspendedAgent' | 'agentA';
  expect: 'ok' | 404 | 'refused';
  req: (w: MatrixWorld) => Call;
  pendingFix?: string;
}
const suspendedOrder = (w: MatrixWorld, submit: boolean) => ({
  body: {
    companyId: w.probes.suspendedCompany,
    productId: 'prd_demo_guide',
    orderType: 'new',
    submit,
    lines: [{ planId: 'pln_demo_guide_std', seats: 1, duration: { unit: 'year', value: 1 } }],
  },
});
export const PROBES: Probe[] = [
  {
    name: 'R32 a customer never sees its partner’s refund (返款) request',
    op: 'GET /api/v1/requests/{id}',
    as: 'customerA',
    expect: 404,
    req: (w) => id(w.probes.partnerRefund),
  },
  {
    name: 'the partner that filed a refund sees it',
    op: 'GET /api/v1/requests/{id}',
    as: 'agentA',
    expect: 'ok',
    req: (w) => id(w.probes.partnerRefund),
  },
  {
    name: 'a suspended partner’s agent still reads its orders',
    op: 'GET /api/v1/orders',
    as: 'suspendedAgent',
    expect: 'ok',
    req: () => ({}),
  },
  {
    name: 'a suspended partner’s agent may not commit its wallet',
    op: 'POST /api/v1/orders',
    as: 'suspendedAgent',
    expect: 'refused',
    req: (w) => suspendedOrder(w, true),
  },
  {
    name: 'a suspended partner’s agent may not file a top-up',
    op: 'POST /api/v1/topups',
    as: 'suspendedAgent',
    expect: 'refused',
    req: () => ({
      body: {
        walletOwnerType: 'partner',
        walletOwnerId: 'prt_mx_suspended',
        payer: '渠道',
        currency: 'CNY',
        amount: '10.00',
        bankRef: 'MX-SUSP-1',
        submit: true,
      },
    }),
  },
];
