import type { Currency } from '@kaidan/shared';
import { type RawBuilder, sql } from 'kysely';
import type { Exec } from '../../platform/db/executor';
import {
  type KeyedRow,
  keyset,
  onBusinessDates,
  type Sortable,
  type SortParam,
  textMatch,
} from '../../platform/keyset';
import { hasRole, type Principal } from '../../platform/principal';
import { inCompanyScope } from '../parties';
import type {
  InvoiceLineRow,
  InvoiceRow,
  InvoiceType,
  RequestLineRow,
  RequestRow,
  RequestState,
  ReversalRow,
  Series,
} from './invoice';

// The only SQL of the invoices module. Invoices and their lines are append-only (a trigger refuses any
// UPDATE or DELETE); requests and reversals move by conditional UPDATEs (platform/state-machine.ts).

/** Who sees invoices and requests: the buyer company's users (and its parents'), its partner, money staff. */
export function invoiceScope(p: Principal, column: RawBuilder<unknown>): RawBuilder<unknown> {
  if (p.kind === 'staff' || p.kind === 'system')
    return hasRole(p, 'finance', 'admin', 'order_desk', 'sales') ? sql`true` : sql`false`;
  return inCompanyScope(p, column);
}

/** An order line as invoicing sees it: what was paid, refunded and already invoiced (live). */
export interface InvoiceableLine {
  order_id: string;
  order_number: string;
  order_state: string;
  channel: string;
  company_id: string;
  partner_id: string | null;
  currency: Currency;
  line_id: string;
  line_no: number;
  amount: bigint;
  refunded: bigint;
  /** open requests plus issued blue lines less red-letter lines, for this order line */
  invoiced: bigint;
  product_zh: string;
  product_en: string | null;
  plan_zh: string;
  plan_en: string | null;
  tax_code: string;
  tax_rate_bp: number;
}

const INVOICED = sql`(select coalesce(sum(rl.amount), 0)::int8 from invoice_request_lines rl
    join invoice_requests r on r.id = rl.request_id where rl.order_line_id = l.id and r.state = 'requested')
  + (select coalesce(sum(il.amount), 0)::int8 from invoice_lines il where il.order_line_id = l.id)`;

/**
 * The lines of the caller's orders, each order row locked FOR UPDATE: two requests for one order queue
 * here, so the second sees the first's lines in `invoiced` and an order line is never invoiced twice.
 */
export async function lockInvoiceableLines(
  ex: Exec,
  p: Principal,
  orderIds: readonly string[],
): Promise<{ found: string[]; lines: InvoiceableLine[] }> {
  const { rows: found } = await sql<{ id: string }>`select o.id from orders o
    where o.id in (${sql.join([...orderIds])}) and ${inCompanyScope(p, sql.ref('o.company_id'))}
    order by o.id for update`.execute(ex);
  if (found.length === 0) return { found: [], lines: [] };
  const ids = found.map((r) => r.id);
  const { rows } = await sql<InvoiceableLine>`select o.id as order_id, o.number as order_number,
      o.state as order_state, o.channel, o.company_id, o.partner_id, o.currency, l.id as line_id, l.line_no,
      l.amount, l.refunded, ${INVOICED} as invoiced, pr.name_zh as product_zh, pr.name_en as product_en,
      pl.name_zh as plan_zh, pl.name_en as plan_en, pr.tax_code, pr.tax_rate_bp
    from orders o join order_lines l on l.order_id = o.id join plans pl on pl.id = l.plan_id
      join products pr on pr.id = o.product_id
    where o.id in (${sql.join(ids)}) order by o.number, l.line_no`.execute(ex);
  return { found: ids, lines: rows };
}

export interface BuyerCompany {
  id: string;
  name_zh: string;
  name_en: string | null;
  region: string;
  tax_id: string | null;
  address_en: string | null;
  landline: string | null;
}

export async function buyerCompany(ex: Exec, id: string): Promise<BuyerCompany | undefined> {
  const { rows } = await sql<BuyerCompany>`select id, name_zh, name_en, region, tax_id, address_en, landline
    from companies where id = ${id}`.execute(ex);
  return rows[0];
}

export type NewRequest = Omit<RequestRow, 'state' | 'decided_by' | 'decided_at' | 'comment' | 'version'>;
export type NewRequestLine = Omit<RequestLineRow, 'order_number'>;

export async function insertRequest(
  ex: Exec,
  r: NewRequest,
  lines: readonly NewRequestLine[],
): Promise<void> {
  await sql`insert into invoice_requests (id, company_id, payer_type, payer_id, currency, invoice_type, language,
      buyer_name, buyer_tax_id, buyer_address, buyer_phone, buyer_bank, buyer_account, email, total, tax_total,
      requested_by, requested_at)
    values (${r.id}, ${r.company_id}, ${r.payer_type}, ${r.payer_id}, ${r.currency}, ${r.invoice_type},
      ${r.language}, ${r.buyer_name}, ${r.buyer_tax_id}, ${r.buyer_address}, ${r.buyer_phone}, ${r.buyer_bank},
      ${r.buyer_account}, ${r.email}, ${r.total}, ${r.tax_total}, ${r.requested_by}, ${r.requested_at})`.execute(
    ex,
  );
  await sql`insert into invoice_request_lines (id, request_id, line_no, order_id, order_line_id, item_name,
      tax_code, tax_rate_bp, amount, tax)
    values ${sql.join(
      lines.map(
        (l) => sql`(${l.id}, ${l.request_id}, ${l.line_no}, ${l.order_id}, ${l.order_line_id}, ${l.item_name},
          ${l.tax_code}, ${l.tax_rate_bp}, ${l.amount}, ${l.tax})`,
      ),
    )}`.execute(ex);
}

const REQ = sql`r.id, r.company_id, r.payer_type, r.payer_id, r.currency, r.invoice_type, r.language,
  r.buyer_name, r.buyer_tax_id, r.buyer_address, r.buyer_phone, r.buyer_bank, r.buyer_account, r.email, r.total,
  r.tax_total, r.state, r.requested_by, r.requested_at, r.decided_by, r.decided_at, r.comment, r.version`;

/** One request in the caller's scope; `lock` takes its row lock for a decision. */
export async function requestInScope(
  ex: Exec,
  p: Principal,
  id: string,
  lock = false,
): Promise<RequestRow | undefined> {
  const { rows } = await sql<RequestRow>`select ${REQ} from invoice_requests r
    where r.id = ${id} and ${invoiceScope(p, sql.ref('r.company_id'))} ${lock ? sql`for update` : sql``}`.execute(
    ex,
  );
  return rows[0];
}

export async function requestLines(ex: Exec, requestIds: readonly string[]): Promise<RequestLineRow[]> {
  if (requestIds.length === 0) return [];
  const { rows } = await sql<RequestLineRow>`select rl.*, o.number as order_number
    from invoice_request_lines rl join orders o on o.id = rl.order_id
    where rl.request_id in (${sql.join([...requestIds])}) order by rl.request_id, rl.line_no`.execute(ex);
  return rows;
}

/** Requests still `requested` among `ids`, locked, for withdrawal with a refund (R33). */
export async function lockOpenRequests(ex: Exec, ids: readonly string[]): Promise<RequestRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<RequestRow>`select ${REQ} from invoice_requests r
    where r.id in (${sql.join([...ids])}) and r.state = 'requested' order by r.id for update`.execute(ex);
  return rows;
}

/**
 * The next number of a gap-free series. The UPDATE takes the series row's lock until the issuing
 * transaction ends: concurrent issues queue here, and a rollback returns the number (ADR 0021).
 */
export async function takeSeriesNumber(ex: Exec, series: Series, year: number): Promise<bigint> {
  await sql`insert into invoice_series (series, year) values (${series}, ${year})
    on conflict (series, year) do nothing`.execute(ex);
  const { rows } = await sql<{ last_no: bigint }>`update invoice_series set last_no = last_no + 1
    where series = ${series} and year = ${year} returning last_no`.execute(ex);
  const n = rows[0]?.last_no;
  if (n === undefined) throw new Error(`no series row ${series}/${year}`);
  return n;
}

export type NewInvoice = InvoiceRow;

export async function insertInvoice(
  ex: Exec,
  i: NewInvoice,
  lines: readonly InvoiceLineRow[],
): Promise<void> {
  await sql`insert into invoices (id, number, series, year, seq, kind, invoice_type, company_id, payer_type,
      payer_id, request_id, original_id, reversal_id, reason, currency, language, buyer_name, buyer_tax_id,
      buyer_address, buyer_phone, buyer_bank, buyer_account, total, tax_total, platform_ref, issued_by, issued_at,
      issue_date)
    values (${i.id}, ${i.number}, ${i.series}, ${i.year}, ${i.seq}, ${i.kind}, ${i.invoice_type}, ${i.company_id},
      ${i.payer_type}, ${i.payer_id}, ${i.request_id}, ${i.original_id}, ${i.reversal_id}, ${i.reason},
      ${i.currency}, ${i.language}, ${i.buyer_name}, ${i.buyer_tax_id}, ${i.buyer_address}, ${i.buyer_phone},
      ${i.buyer_bank}, ${i.buyer_account}, ${i.total}, ${i.tax_total}, ${i.platform_ref}, ${i.issued_by},
      ${i.issued_at}, ${i.issue_date})`.execute(ex);
  await sql`insert into invoice_lines (id, invoice_id, line_no, order_id, order_line_id, original_line_id,
      item_name, tax_code, tax_rate_bp, amount, tax)
    values ${sql.join(
      lines.map(
        (l) => sql`(${l.id}, ${l.invoice_id}, ${l.line_no}, ${l.order_id}, ${l.order_line_id},
          ${l.original_line_id}, ${l.item_name}, ${l.tax_code}, ${l.tax_rate_bp}, ${l.amount}, ${l.tax})`,
      ),
    )}`.execute(ex);
}

const INV = sql`i.id, i.number, i.series, i.year, i.seq, i.kind, i.invoice_type, i.company_id, i.payer_type,
  i.payer_id, i.request_id, i.original_id, i.reversal_id, i.reason, i.currency, i.language, i.buyer_name,
  i.buyer_tax_id, i.buyer_address, i.buyer_phone, i.buyer_bank, i.buyer_account, i.total, i.tax_total,
  i.platform_ref, i.issued_by, i.issued_at, i.issue_date`;

/** One invoice in scope; `lock` takes the blue invoice's row lock, under which reversals are decided. */
export async function invoiceInScope(
  ex: Exec,
  p: Principal,
  id: string,
  lock = false,
): Promise<InvoiceRow | undefined> {
  const { rows } = await sql<InvoiceRow>`select ${INV} from invoices i
    where i.id = ${id} and ${invoiceScope(p, sql.ref('i.company_id'))} ${lock ? sql`for update` : sql``}`.execute(
    ex,
  );
  return rows[0];
}

export async function invoiceOfRequest(ex: Exec, requestId: string): Promise<InvoiceRow | undefined> {
  const { rows } =
    await sql<InvoiceRow>`select ${INV} from invoices i where i.request_id = ${requestId}`.execute(ex);
  return rows[0];
}

export async function invoiceLines(ex: Exec, invoiceId: string): Promise<InvoiceLineRow[]> {
  const { rows } = await sql<InvoiceLineRow>`select * from invoice_lines where invoice_id = ${invoiceId}
    order by line_no`.execute(ex);
  return rows;
}

/** Red-letter invoices of a blue one, oldest first. */
export async function redInvoicesOf(ex: Exec, invoiceId: string): Promise<InvoiceRow[]> {
  const { rows } = await sql<InvoiceRow>`select ${INV} from invoices i where i.original_id = ${invoiceId}
    order by i.issued_at, i.id`.execute(ex);
  return rows;
}

/** Per blue line: amount and tax already reversed by issued red lines, and amounts held by open reversals. */
export interface LineReversed {
  line_id: string;
  red_amount: bigint;
  red_tax: bigint;
  held: bigint;
}

export async function reversedPerLine(ex: Exec, invoiceId: string): Promise<LineReversed[]> {
  const { rows } = await sql<LineReversed>`select l.id as line_id,
      (select coalesce(-sum(r.amount), 0)::int8 from invoice_lines r where r.original_line_id = l.id) as red_amount,
      (select coalesce(-sum(r.tax), 0)::int8 from invoice_lines r where r.original_line_id = l.id) as red_tax,
      (select coalesce(sum(rl.amount), 0)::int8 from invoice_reversal_lines rl
        join invoice_reversals v on v.id = rl.reversal_id
        where rl.invoice_line_id = l.id and v.state = 'pending_confirmation') as held
    from invoice_lines l where l.invoice_id = ${invoiceId} order by l.line_no`.execute(ex);
  return rows;
}

export type NewReversal = Omit<ReversalRow, 'version' | 'confirmed_by' | 'confirmed_at' | 'red_invoice_id'>;

export async function insertReversal(
  ex: Exec,
  r: NewReversal,
  lines: readonly { lineId: string; amount: bigint }[],
): Promise<void> {
  await sql`insert into invoice_reversals (id, invoice_id, company_id, reason, buyer_booked, state, requested_by,
      requested_at, comment)
    values (${r.id}, ${r.invoice_id}, ${r.company_id}, ${r.reason}, ${r.buyer_booked}, ${r.state},
      ${r.requested_by}, ${r.requested_at}, ${r.comment})`.execute(ex);
  await sql`insert into invoice_reversal_lines (reversal_id, invoice_line_id, amount)
    values ${sql.join(lines.map((l) => sql`(${r.id}, ${l.lineId}, ${l.amount})`))}`.execute(ex);
}

/** Issuing the red invoice of a reversal created as pending (the insert's CHECK needs both together). */
export async function insertIssuedReversal(
  ex: Exec,
  r: NewReversal & { red_invoice_id: string },
  lines: readonly { lineId: string; amount: bigint }[],
): Promise<void> {
  await sql`insert into invoice_reversals (id, invoice_id, company_id, reason, buyer_booked, state, red_invoice_id,
      requested_by, requested_at, comment)
    values (${r.id}, ${r.invoice_id}, ${r.company_id}, ${r.reason}, ${r.buyer_booked}, 'issued',
      ${r.red_invoice_id}, ${r.requested_by}, ${r.requested_at}, ${r.comment})`.execute(ex);
  await sql`insert into invoice_reversal_lines (reversal_id, invoice_line_id, amount)
    values ${sql.join(lines.map((l) => sql`(${r.id}, ${l.lineId}, ${l.amount})`))}`.execute(ex);
}

const REV = sql`v.id, v.invoice_id, v.company_id, v.reason, v.buyer_booked, v.state, v.red_invoice_id,
  v.requested_by, v.requested_at, v.confirmed_by, v.confirmed_at, v.comment, v.version`;

export async function reversalInScope(ex: Exec, p: Principal, id: string): Promise<ReversalRow | undefined> {
  const { rows } = await sql<ReversalRow>`select ${REV} from invoice_reversals v
    where v.id = ${id} and ${invoiceScope(p, sql.ref('v.company_id'))}`.execute(ex);
  return rows[0];
}

export async function reversalsOf(ex: Exec, invoiceId: string): Promise<ReversalRow[]> {
  const { rows } =
    await sql<ReversalRow>`select ${REV} from invoice_reversals v where v.invoice_id = ${invoiceId}
    order by v.requested_at, v.id`.execute(ex);
  return rows;
}

export async function reversalLines(
  ex: Exec,
  reversalId: string,
): Promise<{ invoice_line_id: string; amount: bigint }[]> {
  const { rows } = await sql<{ invoice_line_id: string; amount: bigint }>`select invoice_line_id, amount
    from invoice_reversal_lines where reversal_id = ${reversalId} order by invoice_line_id`.execute(ex);
  return rows;
}

/** Per order: blue invoiced, red-letter reversed (as a positive amount), open request ids (for refunds). */
export async function standingRows(
  ex: Exec,
  orderIds: readonly string[],
): Promise<{ order_id: string; issued: bigint; reversed: bigint; open_requests: string[] }[]> {
  if (orderIds.length === 0) return [];
  const { rows } = await sql<{
    order_id: string;
    issued: bigint;
    reversed: bigint;
    open_requests: string[];
  }>`select o.id as order_id,
      (select coalesce(sum(il.amount), 0)::int8 from invoice_lines il where il.order_id = o.id and il.amount > 0)
        as issued,
      (select coalesce(-sum(il.amount), 0)::int8 from invoice_lines il where il.order_id = o.id and il.amount < 0)
        as reversed,
      array(select distinct r.id from invoice_request_lines rl join invoice_requests r on r.id = rl.request_id
        where rl.order_id = o.id and r.state = 'requested' order by r.id) as open_requests
    from orders o where o.id in (${sql.join([...orderIds])})`.execute(ex);
  return rows;
}

export type InvoiceSort = 'issued' | 'total';
const INVOICE_SORTS: Sortable<InvoiceSort> = {
  issued: { expr: sql`i.issued_at`, type: 'timestamptz' },
  total: { expr: sql`i.total`, type: 'int8' },
};

export interface InvoiceFilter {
  principal: Principal;
  kind?: 'blue' | 'red' | undefined;
  type?: InvoiceType | undefined;
  /** buyer name or taxpayer id, or the invoice number */
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort: SortParam<InvoiceSort>;
  after?: string | undefined;
  limit: number;
}

export async function listInvoices(ex: Exec, f: InvoiceFilter): Promise<(InvoiceRow & KeyedRow)[]> {
  const k = keyset('invoices', INVOICE_SORTS, { expr: sql`i.id`, type: 'text' }, f.sort, f.after);
  const conds = [invoiceScope(f.principal, sql.ref('i.company_id')), k.where];
  if (f.kind) conds.push(sql`i.kind = ${f.kind}`);
  if (f.type) conds.push(sql`i.invoice_type = ${f.type}`);
  conds.push(...onBusinessDates(sql`i.issued_at`, f.from, f.to));
  conds.push(...textMatch(f.q, [sql`i.buyer_name`, sql`coalesce(i.buyer_tax_id, '')`, sql`i.number`]));
  const { rows } = await sql<InvoiceRow & KeyedRow>`select ${INV}, ${k.select} from invoices i
    where ${sql.join(conds, sql` and `)} order by ${k.orderBy} limit ${f.limit}`.execute(ex);
  return rows;
}

export interface RequestFilter {
  principal: Principal;
  state?: RequestState | undefined;
  type?: InvoiceType | undefined;
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  after?: string | undefined;
  limit: number;
}

const REQUEST_SORTS: Sortable<'requested'> = {
  requested: { expr: sql`r.requested_at`, type: 'timestamptz' },
};

export async function listRequests(ex: Exec, f: RequestFilter): Promise<(RequestRow & KeyedRow)[]> {
  const k = keyset(
    'invoice_requests',
    REQUEST_SORTS,
    { expr: sql`r.id`, type: 'text' },
    '-requested',
    f.after,
  );
  const conds = [invoiceScope(f.principal, sql.ref('r.company_id')), k.where];
  if (f.state) conds.push(sql`r.state = ${f.state}`);
  if (f.type) conds.push(sql`r.invoice_type = ${f.type}`);
  conds.push(...onBusinessDates(sql`r.requested_at`, f.from, f.to));
  conds.push(...textMatch(f.q, [sql`r.buyer_name`, sql`coalesce(r.buyer_tax_id, '')`]));
  const { rows } = await sql<RequestRow & KeyedRow>`select ${REQ}, ${k.select} from invoice_requests r
    where ${sql.join(conds, sql` and `)} order by ${k.orderBy} limit ${f.limit}`.execute(ex);
  return rows;
}
