import { z } from 'zod';
import { Amount, AuditEntry, CurrencyCode, Id } from './common';
import { RefundPayment, RefundPolicy } from './refunds';

export const RequestCategory = z.enum(['topup', 'refund', 'seat_reduction', 'transfer', 'void', 'rename']);
export const RequestState = z.enum(['draft', 'submitted', 'approved', 'returned', 'declined', 'withdrawn']);
/** What the caller may do with a request now, computed by the server (ADR 0007). */
export const RequestAction = z.enum(['edit', 'submit', 'withdraw', 'approve', 'return', 'decline']);
export type RequestAction = z.infer<typeof RequestAction>;

export const TopupInput = z.object({
  walletOwnerType: z.enum(['partner', 'company']),
  walletOwnerId: Id,
  companyId: Id.optional(),
  payer: z.string().min(1).max(200),
  currency: CurrencyCode,
  amount: Amount,
  bankRef: z.string().min(1).max(100),
  submit: z.boolean().optional(),
});
export const TopupEdit = TopupInput.pick({
  payer: true,
  currency: true,
  amount: true,
  bankRef: true,
}).partial();

export const RefundInput = z.object({
  orderIds: z.array(Id).min(1).max(200),
  mode: z.enum(['refund', 'settled_offline']).default('refund'),
  reason: z.string().min(1).max(2000),
  evidence: z.string().max(4000).optional(),
  submit: z.boolean().optional(),
});
export const RefundPreviewInput = RefundInput.pick({ orderIds: true, mode: true });

export const SeatReductionInput = z.object({
  companyId: Id,
  componentId: Id,
  seats: z.number().int().min(0),
  reason: z.string().min(1).max(2000),
});

export const TransferInput = z.object({
  tenantId: z.string().regex(/^ww[0-9a-f]{16}$/, 'ww + 16 lowercase hex characters'),
  toPartnerId: Id.optional(),
  reason: z.string().min(1).max(2000),
});

/**
 * R5: an archived order (countersigned contract returned) is voided only on evidence: the customer's
 * signed void document (客户签章的作废订单) or a manager's approval (经理特批), named by a reference the
 * desk can find (document number, scan location, approval mail).
 */
export const VoidEvidence = z.enum(['signed_void_document', 'manager_approval']);
export const VoidRequestInput = z.object({
  orderId: Id,
  evidence: VoidEvidence,
  reference: z.string().trim().min(1).max(500),
  reason: z.string().trim().min(1).max(2000),
});

/** R7: a company's new name (the English one kept when left out). */
export const CompanyName = z.object({
  nameZh: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200).optional(),
});
/** R7: after a renewal is approved, a rename is a request decided by the order desk. */
export const CompanyRenameInput = CompanyName.extend({
  companyId: Id,
  reason: z.string().trim().min(1).max(2000),
});

export const DecisionInput = z.object({ comment: z.string().min(1).max(2000) });

export const RefundLine = z.object({
  orderId: z.string(),
  orderNumber: z.string().optional(),
  orderLineId: z.string(),
  lineNo: z.number().optional(),
  planId: z.string().optional(),
  planName: z.object({ zh: z.string(), en: z.string().nullable() }).optional(),
  mode: z.enum(['refund', 'settled_offline']),
  amount: Amount,
});

export const Request = z.object({
  id: z.string(),
  number: z.string(),
  category: RequestCategory,
  ownerTeam: z.enum(['finance', 'order_desk']),
  state: RequestState,
  partnerId: z.string().nullable(),
  companyId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  /** R34: the deadline counted days of a year the business calendar does not cover, Monday–Friday */
  dueProvisional: z.boolean(),
  /** the member of the owning team handling it (issue #3); null while unclaimed */
  claimedBy: z.string().nullable(),
  claimedByName: z.string().nullable(),
  claimedAt: z.string().nullable(),
  /** R34: still open (submitted) after its deadline: a breach the queue flags */
  overdue: z.boolean(),
  topup: z
    .object({
      walletOwnerType: z.string(),
      walletOwnerId: z.string(),
      /** the partner's or company's name, and a partner's code, so no one reads an id */
      walletOwnerName: z.string(),
      walletOwnerCode: z.string().nullable(),
      companyId: z.string().nullable(),
      payer: z.string(),
      currency: CurrencyCode,
      amount: Amount,
      bankRef: z.string(),
    })
    .nullable(),
});

export const RequestDetail = z.object({
  request: Request,
  /** the buttons the caller may use now: the filer's edit, submit, withdraw (R25); the team's verdicts */
  actions: z.array(RequestAction),
  comments: z.array(
    z.object({
      authorId: z.string().nullable(),
      /** `comment`, or the verdict it came with: `approve`, `return` (退回修改), `decline` */
      action: z.string(),
      body: z.string(),
      at: z.string(),
    }),
  ),
  refundLines: z.array(RefundLine),
  /** R35: per payment the refund went back through, its refund number, state and arrival */
  refundPayments: z.array(RefundPayment),
  trail: z.array(AuditEntry),
});

export const Filed = z.object({ id: z.string(), number: z.string(), state: RequestState });
export const RefundPreview = z.object({
  currency: CurrencyCode.nullable(),
  total: Amount,
  lines: z.array(RefundLine),
  /** the policy's verdicts per order and line, refusals with their rule and fix (refunds module) */
  policy: RefundPolicy,
});
