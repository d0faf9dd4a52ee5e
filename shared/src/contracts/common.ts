import { z } from 'zod';

// Wire conventions shared by every module: amounts are decimal strings in the currency's minor scale,
// dates are ISO 'YYYY-MM-DD' (Asia/Shanghai business dates), ids are prefixed strings.
export const CurrencyCode = z.enum(['CNY', 'USD']);
export const Amount = z.string().regex(/^-?\d{1,15}(\.\d{1,2})?$/, 'decimal amount such as 1234.50');
export const IsoDate = z.iso.date();
export const Id = z.string().min(3).max(64);
export const Text = z.object({ zh: z.string(), en: z.string() });
export const Cursor = z.object({
  /** the opaque `nextCursor` of the previous page */
  after: z.string().max(600).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
/** The sortable columns of each list (keyset pagination on the column and the id, DESIGN §7). */
export const LIST_SORTS = {
  orders: ['created', 'amount', 'state'],
  requests: ['created', 'submitted', 'due'],
  ledger: ['at', 'amount'],
  notifications: ['created'],
  products: ['created', 'code', 'name'],
  companies: ['name', 'tenant', 'created'],
  partners: ['code', 'name', 'created'],
  users: ['email', 'name', 'created'],
  devices: ['deviceNo', 'type', 'expires', 'created'],
  devicePackages: ['code', 'name', 'amount', 'created'],
  billingConfigs: ['name', 'updated'],
  billingStatements: ['period', 'created'],
} as const;
export type SortValue<K extends string> = K | `-${K}`;
/** `sort=amount` ascending, `sort=-amount` descending; only the list's own columns are accepted. */
export const sortOf = <const K extends string>(
  keys: readonly [K, ...K[]],
  fallback: SortValue<NoInfer<K>>,
) => {
  const values = z.enum(keys.flatMap((k) => [k, `-${k}`]) as [SortValue<K>, ...SortValue<K>[]]);
  return (
    values
      // zod cannot see through the generic enum's mapped type; `fallback` is one of `values` by its type.
      .default(fallback as never)
      .describe(`one of ${keys.join(', ')}; a leading minus sorts descending`)
  );
};
/** What every list takes besides its own filters: text search and a business-date range (Asia/Shanghai). */
export const ListQuery = Cursor.extend({
  q: z.string().trim().max(100).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export const Comment = z.object({ comment: z.string().max(2000) });

/** One row of an object's audit trail (R40). */
export const AuditEntry = z.object({
  action: z.string(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  channel: z.string(),
  stateBefore: z.string().nullable(),
  stateAfter: z.string().nullable(),
  reason: z.string().nullable(),
  at: z.string(),
});
