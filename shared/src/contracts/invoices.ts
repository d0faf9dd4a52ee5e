import { z } from 'zod';
import { Amount, CurrencyCode, Cursor, Id, IsoDate, page, sortOf } from './common';

// Issue #12 fapiao (docs/invoices.md): invoice requests over paid orders, issued invoices (blue, and
// red-letter ones with negative amounts), red-letter reversals. The vocabulary is defined once, here.

export const INVOICE_TYPES = ['normal', 'special'] as const;
export const INVOICE_KINDS = ['blue', 'red'] as const;
export const INVOICE_REQUEST_STATES = ['requested', 'issued', 'withdrawn', 'refused'] as const;
/** The official red-letter reasons: 开票有误, 销货退回, 服务中止, 销售折让. */
export const REVERSAL_REASONS = [
  'invoicing_error',
  'sales_return',
  'service_stopped',
  'sales_allowance',
] as const;
export const REVERSAL_STATES = ['pending_confirmation', 'issued', 'cancelled'] as const;

export const InvoiceType = z.enum(INVOICE_TYPES);
export const InvoiceKind = z.enum(INVOICE_KINDS);
export const InvoiceRequestState = z.enum(INVOICE_REQUEST_STATES);
export const ReversalReason = z.enum(REVERSAL_REASONS);
export const ReversalState = z.enum(REVERSAL_STATES);

const Text = z.string().trim().max(200);

export const InvoiceRequestInput = z.object({
  orderIds: z.array(Id).min(1).max(100),
  type: InvoiceType,
  buyerName: Text.optional().describe(
    'optional; the server uses the company’s legal name and refuses another',
  ),
  buyerTaxId: z.string().trim().max(40).optional().describe('统一社会信用代码 (18 characters, GB 32100)'),
  buyerAddress: Text.optional(),
  buyerPhone: z.string().trim().max(40).optional(),
  buyerBank: Text.optional(),
  buyerAccount: z.string().trim().max(60).optional(),
  email: z.string().trim().max(200).optional(),
});
export type InvoiceRequestInput = z.input<typeof InvoiceRequestInput>;

export const Buyer = z.object({
  name: z.string(),
  taxId: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  bank: z.string().nullable(),
  account: z.string().nullable(),
});

export const InvoiceRequestLine = z.object({
  lineNo: z.number().int(),
  orderId: z.string(),
  orderNumber: z.string(),
  itemName: z.string(),
  taxCode: z.string(),
  taxRate: z.string().describe('e.g. "6%"'),
  amount: Amount.describe('tax-inclusive'),
  net: Amount,
  tax: Amount,
});

export const InvoiceRequest = z.object({
  id: z.string(),
  companyId: z.string(),
  type: InvoiceType,
  language: z.enum(['zh', 'en']),
  buyer: Buyer,
  email: z.string().nullable(),
  currency: CurrencyCode,
  total: Amount,
  tax: Amount,
  state: InvoiceRequestState,
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
  version: z.number().int(),
});
export type InvoiceRequest = z.infer<typeof InvoiceRequest>;

export const InvoiceRequestDetail = InvoiceRequest.extend({
  lines: z.array(InvoiceRequestLine),
  invoiceId: z.string().nullable(),
});
export type InvoiceRequestDetail = z.infer<typeof InvoiceRequestDetail>;

export const Invoice = z.object({
  id: z.string(),
  number: z.string(),
  kind: InvoiceKind,
  type: InvoiceType,
  companyId: z.string(),
  requestId: z.string().nullable(),
  originalId: z.string().nullable(),
  reason: ReversalReason.nullable(),
  language: z.enum(['zh', 'en']),
  buyer: Buyer,
  currency: CurrencyCode,
  total: Amount.describe('tax-inclusive; negative on a red-letter invoice'),
  tax: Amount,
  issueDate: IsoDate,
  issuedAt: z.string(),
});
export type Invoice = z.infer<typeof Invoice>;

export const InvoiceLine = z.object({
  id: z.string(),
  lineNo: z.number().int(),
  orderId: z.string(),
  originalLineId: z.string().nullable(),
  itemName: z.string(),
  taxCode: z.string(),
  taxRate: z.string(),
  amount: Amount,
  net: Amount,
  tax: Amount,
  /** blue lines: what may still be reversed (less issued red lines and pending forms) */
  reversible: Amount.nullable(),
});

export const Reversal = z.object({
  id: z.string(),
  reason: ReversalReason,
  buyerBooked: z.boolean(),
  state: ReversalState,
  redInvoiceId: z.string().nullable(),
  requestedAt: z.string(),
  confirmedAt: z.string().nullable(),
  lines: z.array(z.object({ lineId: z.string(), amount: Amount })),
});
export type Reversal = z.infer<typeof Reversal>;

export const InvoiceDetail = Invoice.extend({
  lines: z.array(InvoiceLine),
  original: Invoice.nullable(),
  reds: z.array(Invoice),
  reversals: z.array(Reversal),
});
export type InvoiceDetail = z.infer<typeof InvoiceDetail>;

export const ReversalInput = z.object({
  reason: ReversalReason,
  lines: z
    .array(z.object({ lineId: Id, amount: Amount }))
    .min(1)
    .max(200)
    .optional()
    .describe('omitted: reverse everything not yet reversed'),
  buyerBooked: z.boolean().optional().describe('专票: the buyer has booked it (入账/用于抵扣)'),
  comment: z.string().trim().max(500).optional(),
});
export type ReversalInput = z.input<typeof ReversalInput>;

export const ReversalResult = z.object({ reversal: Reversal, red: Invoice.nullable() });
export type ReversalResult = z.infer<typeof ReversalResult>;

export const ConfirmationInput = z.object({ decision: z.enum(['confirm', 'decline']) });
export const CommentInput = z.object({ comment: z.string().trim().min(1).max(500) });
export const ReasonInput = z.object({ reason: z.string().trim().min(1).max(500) });

export const InvoiceQuery = Cursor.extend({
  kind: InvoiceKind.optional(),
  type: InvoiceType.optional(),
  q: z.string().trim().max(100).optional().describe('buyer name, taxpayer id or invoice number'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sort: sortOf(['issued', 'total'], '-issued'),
});
export const InvoiceRequestQuery = Cursor.extend({
  state: InvoiceRequestState.optional(),
  type: InvoiceType.optional(),
  q: z.string().trim().max(100).optional().describe('buyer name or taxpayer id'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export const InvoicePage = page(Invoice);
export const InvoiceRequestPage = page(InvoiceRequest);
