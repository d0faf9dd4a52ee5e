import { z } from 'zod';

// Wire conventions shared by every module: amounts are decimal strings in the currency's minor scale,
// dates are ISO 'YYYY-MM-DD' (Asia/Shanghai business dates), ids are prefixed strings.
export const CurrencyCode = z.enum(['CNY', 'USD']);
export const Amount = z.string().regex(/^-?\d{1,15}(\.\d{1,2})?$/, 'decimal amount such as 1234.50');
export const IsoDate = z.iso.date();
export const Id = z.string().min(3).max(64);
export const Text = z.object({ zh: z.string(), en: z.string() });
export const Cursor = z.object({
  after: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export const Comment = z.object({ comment: z.string().max(2000) });

/** One row of an object's audit trail (R40). */
export const AuditEntry = z.object({
  action: z.string(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  channel: z.string(),
  stateBefore: z.string().nullable(),
  stateAfter: z.string().nullable(),
  reason: z.string().nullable(),
  at: z.string(),
});
