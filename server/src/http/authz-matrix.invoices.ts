import { sql } from 'kysely';
import { issueInvoice, requestInvoice, reverseInvoice } from '../modules/invoices';
import { placeOrder } from '../modules/orders';
import type { Principal, Role } from '../platform/principal';
import { HUIHUANG_TAX_ID, SPECIAL_DETAILS } from '../testing/invoice-kit';
import { fundCompany } from '../testing/world';
import type { Ctx, Entry } from './authz-matrix.entry';
import type { Party } from './authz-matrix.world';

// Cells of the authorization matrix for invoices (docs/invoices.md). A customer user (or finance for it)
// requests; finance alone issues, refuses and reverses; the buyer (or finance, not the one who asked)
// confirms a red-letter form. Reads: the buyer company's users, its partner's agents, money staff.
const READERS: Role[] = ['admin', 'order_desk', 'finance', 'sales', 'partner_agent', 'customer'];
const id = (v: string) => ({ path: { id: v } });
/** A finance colleague outside the matrix (no user): issues and asks for reversals in the fixtures. */
const colleague: Principal = {
  userId: null,
  kind: 'staff',
  roles: ['finance'],
  partnerId: null,
  companyId: null,
  channel: 'api',
};

interface InvoiceFixture {
  order: string;
  request: string;
  invoice: string;
  reversal: string;
}
const fixtures = new Map<string, Promise<InvoiceFixture>>();
let n = 0;

/** Per party, once: paid self-service orders of new subsidiaries, a request, an invoice, a pending 专票 form. */
function fixtureOf({ x, w }: Ctx): Promise<InvoiceFixture> {
  const made = fixtures.get(x.companyId) ?? build(x, w.deps);
  fixtures.set(x.companyId, made);
  return made;
}

async function build(x: Party, deps: Ctx['w']['deps']): Promise<InvoiceFixture> {
  const paid = async () => {
    const companyId = `cmp_mxi_${++n}`;
    await sql`insert into companies (id, name_zh, partner_id, parent_id, created_at)
      values (${companyId}, ${`矩阵开票子公司${n}`}, ${x.partnerId}, ${x.companyId}, now())`.execute(
      deps.database.db,
    );
    await fundCompany(deps.database.db, deps.clock, companyId, 10_000_000n, `matrix-invoice-${n}`);
    const o = await placeOrder(deps, x.customer, {
      companyId,
      productId: 'prd_demo_guide',
      orderType: 'new',
      submit: true,
      lines: [{ planId: 'pln_demo_guide_std', seats: 1, duration: { unit: 'year', value: 1 } }],
    });
    return o.id;
  };
  const ask = async (orderId: string, special = false) =>
    (
      await requestInvoice(deps, x.customer, {
        orderIds: [orderId],
        type: special ? 'special' : 'normal',
        buyerTaxId: HUIHUANG_TAX_ID,
        ...(special ? SPECIAL_DETAILS : {}),
      })
    ).id;
  const order = await paid();
  const request = await ask(order);
  const issued = await issueInvoice(deps, colleague, await ask(await paid()));
  const special = await issueInvoice(deps, colleague, await ask(await paid(), true));
  const { reversal } = await reverseInvoice(deps, colleague, special.invoice.id, {
    reason: 'sales_return',
    buyerBooked: true,
  });
  return { order, request, invoice: issued.invoice.id, reversal: reversal.id };
}

const request = async (c: Ctx) => id((await fixtureOf(c)).request);
const invoice = async (c: Ctx) => id((await fixtureOf(c)).invoice);

export const INVOICE_MATRIX: Record<string, Entry> = {
  'POST /api/v1/invoice-requests': {
    allow: ['customer', 'finance'],
    scoped: true,
    req: async (c) => ({ body: { orderIds: [(await fixtureOf(c)).order], type: 'normal' } }),
  },
  'GET /api/v1/invoice-requests': { allow: 'signed-in' },
  'GET /api/v1/invoice-requests/{id}': { allow: READERS, scoped: true, hidden: ['support'], req: request },
  'POST /api/v1/invoice-requests/{id}/issue': { allow: ['finance'], scoped: true, req: request },
  'POST /api/v1/invoice-requests/{id}/refuse': {
    allow: ['finance'],
    scoped: true,
    req: async (c) => ({ ...(await request(c)), body: { comment: '矩阵：驳回' } }),
  },
  // Finance refuses rather than withdraws a customer's request (it withdraws only its own).
  'POST /api/v1/invoice-requests/{id}/withdraw': {
    allow: ['customer'],
    scoped: true,
    req: async (c) => ({ ...(await request(c)), body: { reason: '矩阵：撤回' } }),
  },
  'GET /api/v1/invoices': { allow: 'signed-in' },
  'GET /api/v1/invoices/{id}': { allow: READERS, scoped: true, hidden: ['support'], req: invoice },
  'GET /api/v1/invoices/{id}/pdf': { allow: READERS, scoped: true, hidden: ['support'], req: invoice },
  'POST /api/v1/invoices/{id}/reversals': {
    allow: ['finance'],
    scoped: true,
    req: async (c) => ({ ...(await invoice(c)), body: { reason: 'sales_return' } }),
  },
  'POST /api/v1/invoice-reversals/{id}/confirm': {
    allow: ['customer', 'finance'],
    scoped: true,
    req: async (c) => ({ path: { id: (await fixtureOf(c)).reversal }, body: { decision: 'confirm' } }),
  },
};
