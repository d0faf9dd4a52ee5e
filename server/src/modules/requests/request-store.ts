import { newId } from '@kaidan/shared';
import { type RawBuilder, sql } from 'kysely';
import { type Clock, toDate } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import {
  type KeyedRow,
  keyset,
  onBusinessDates,
  type Sortable,
  type SortParam,
  textMatch,
} from '../../platform/keyset';
import type { Principal } from '../../platform/principal';
import { canMove, transition } from '../../platform/state-machine';
import { inCompanyScope } from '../parties';
import {
  type CommentRow,
  OWNER_TEAM,
  REQUEST_LIFECYCLE,
  type RequestCategory,
  type RequestRow,
  type RequestState,
} from './request';

const COLS = sql`r.id, r.number, r.category, r.owner_team, r.state, r.partner_id, r.company_id, r.payload,
  r.created_by, r.created_at, r.submitted_by, r.submitted_at, r.decided_by, r.decided_at, r.due_at, r.due_provisional, r.version,
  r.claimed_by, r.claimed_at, (select u.name from users u where u.id = r.claimed_by) as claimed_by_name`;

/**
 * Issue #10 item 10: a request is visible to staff and to the party that filed it — not to the customer a
 * partner's refund names, nor to a partner a customer's request concerns. A partner's request about one
 * customer follows that customer to its current owner (R17: the history moves with it); a request about no
 * single customer (a transfer, a batch over several) stays with the filing partner. A top-up is also seen
 * by the owner of the wallet it credits (R26: the wallet's settled and pending top-ups).
 */
export function requestScope(p: Principal): RawBuilder<unknown> {
  if (p.kind === 'partner') {
    return sql`case
      when r.category = 'topup' then r.partner_id = ${p.partnerId}
      when r.filer_kind <> 'partner' then false
      when r.company_id is null or r.category = 'transfer' then r.filer_party_id = ${p.partnerId}
      else ${inCompanyScope(p, sql.ref('r.company_id'))} end`;
  }
  if (p.kind === 'customer') {
    return sql`case
      when r.category = 'topup' then exists (select 1 from topups t where t.request_id = r.id
        and t.wallet_owner_type = 'company' and ${inCompanyScope(p, sql.ref('t.wallet_owner_id'))})
      when r.filer_kind <> 'customer' then false
      else ${inCompanyScope(p, sql.raw('coalesce(r.company_id, r.filer_party_id)'))} end`;
  }
  return sql`true`;
}

/** The party a request is filed by (item 10): a partner, a customer company, or staff (and jobs). */
const filerOf = (p: Principal): { kind: 'partner' | 'customer' | 'staff'; partyId: string | null } =>
  p.kind === 'partner' || p.kind === 'customer'
    ? { kind: p.kind, partyId: p.kind === 'partner' ? p.partnerId : p.companyId }
    : { kind: 'staff', partyId: null };

export async function insertRequest(
  ex: Exec,
  clock: Clock,
  p: Principal,
  r: {
    id: string;
    number: string;
    category: RequestCategory;
    partnerId: string | null;
    companyId: string | null;
    payload: unknown;
  },
): Promise<void> {
  const filer = filerOf(p);
  await sql`insert into requests (id, number, category, owner_team, state, partner_id, company_id, payload, created_by,
      created_at, filer_kind, filer_party_id)
    values (${r.id}, ${r.number}, ${r.category}, ${OWNER_TEAM[r.category]}, 'draft', ${r.partnerId}, ${r.companyId},
      ${JSON.stringify(r.payload)}::jsonb, ${p.userId}, ${toDate(clock.now())}, ${filer.kind}, ${filer.partyId})`.execute(
    ex,
  );
}

export async function findRequest(
  ex: Exec,
  p: Principal,
  id: string,
  lock = false,
): Promise<RequestRow | undefined> {
  const { rows } =
    await sql<RequestRow>`select ${COLS} from requests r where r.id = ${id} and ${requestScope(p)}
    ${lock ? sql`for update` : sql``}`.execute(ex);
  return rows[0];
}

export function moveRequest(
  ex: Exec,
  id: string,
  from: RequestState | RequestState[],
  to: RequestState,
  set?: Record<string, unknown>,
): Promise<boolean> {
  return transition(ex, {
    table: 'requests',
    id,
    from,
    to,
    machine: REQUEST_LIFECYCLE,
    ...(set ? { set } : {}),
  });
}

/**
 * A decision is one conditional UPDATE: the request must still be submitted and not held by a colleague
 * (issue #3), so a racing claim and decision cannot both win.
 */
export async function settleRequest(
  ex: Exec,
  id: string,
  to: RequestState,
  by: string | null,
  at: Date,
): Promise<boolean> {
  if (!canMove(REQUEST_LIFECYCLE, 'submitted', to)) throw new Error(`illegal transition submitted → ${to}`);
  const res = await sql`update requests set state = ${to}, decided_by = ${by}, decided_at = ${at},
      version = version + 1
    where id = ${id} and state = 'submitted' and (claimed_by is null or claimed_by = ${by})`.execute(ex);
  return (res.numAffectedRows ?? 0n) === 1n;
}

/** Takes a submitted, unclaimed request; false when it is decided or someone else holds it. */
export async function markClaimed(ex: Exec, id: string, by: string, at: Date): Promise<boolean> {
  const res = await sql`update requests set claimed_by = ${by}, claimed_at = ${at}, version = version + 1
    where id = ${id} and state = 'submitted' and claimed_by is null`.execute(ex);
  return (res.numAffectedRows ?? 0n) === 1n;
}

/** Gives a request back; `holder` null lets an admin release whoever holds it. */
export async function clearClaim(ex: Exec, id: string, holder: string | null): Promise<boolean> {
  const res = await sql`update requests set claimed_by = null, claimed_at = null, version = version + 1
    where id = ${id} and claimed_by is not null ${holder ? sql`and claimed_by = ${holder}` : sql``}`.execute(
    ex,
  );
  return (res.numAffectedRows ?? 0n) === 1n;
}

/** Who holds a request now, read after a conditional UPDATE lost, to name them in the refusal. */
export async function holderOf(ex: Exec, id: string): Promise<{ id: string; name: string } | undefined> {
  const { rows } = await sql<{ id: string; name: string }>`select u.id, u.name from requests r
    join users u on u.id = r.claimed_by where r.id = ${id}`.execute(ex);
  return rows[0];
}

/**
 * The number of the request still open on an order (R5 void) or a company (R7 rename), if any: one at a
 * time, checked before filing, with a unique partial index behind the check.
 */
export async function openRequestOn(
  ex: Exec,
  on: { category: 'void'; orderId: string } | { category: 'rename'; companyId: string },
): Promise<string | undefined> {
  const target =
    on.category === 'void' ? sql`payload ->> 'orderId' = ${on.orderId}` : sql`company_id = ${on.companyId}`;
  const { rows } = await sql<{ number: string }>`select number from requests
    where category = ${on.category} and ${target} and state in ('draft', 'submitted', 'returned')`.execute(
    ex,
  );
  return rows[0]?.number;
}

export async function setPayload(ex: Exec, id: string, payload: unknown): Promise<void> {
  await sql`update requests set payload = ${JSON.stringify(payload)}::jsonb, version = version + 1 where id = ${id}`.execute(
    ex,
  );
}

export async function addComment(
  ex: Exec,
  clock: Clock,
  requestId: string,
  authorId: string | null,
  action: string,
  body: string,
): Promise<void> {
  await sql`insert into request_comments (id, request_id, author_id, action, body, at)
    values (${newId('rcm', clock.now().epochMilliseconds)}, ${requestId}, ${authorId}, ${action}, ${body}, ${toDate(clock.now())})`.execute(
    ex,
  );
}

export async function commentsOf(ex: Exec, requestId: string): Promise<CommentRow[]> {
  const { rows } = await sql<CommentRow>`select id, author_id, action, body, at from request_comments
    where request_id = ${requestId} order by at, id`.execute(ex);
  return rows;
}

export interface QueueFilter {
  category?: RequestCategory | undefined;
  state?: RequestState | undefined;
  ownerTeam?: 'finance' | 'order_desk' | undefined;
  partnerId?: string | undefined;
  companyId?: string | undefined;
  /** request number, customer or partner name, tenant id */
  q?: string | undefined;
  /** business dates (Asia/Shanghai) of submission (creation for drafts), inclusive */
  from?: string | undefined;
  to?: string | undefined;
  /** only the requests this user holds (issue #3) */
  claimedBy?: string | undefined;
  /** R34: only the requests still open whose deadline passed before this instant (breaches) */
  overdueAt?: Date | undefined;
  sort?: RequestSort | undefined;
  /** opaque keyset cursor from the previous page */
  after?: string | undefined;
  limit: number;
}

export type RequestSort = SortParam<'created' | 'submitted' | 'due'>;
const SUBMITTED = sql`coalesce(r.submitted_at, r.created_at)`;
const REQUEST_SORT: Sortable<'created' | 'submitted' | 'due'> = {
  created: { expr: sql`r.created_at`, type: 'timestamptz' },
  submitted: { expr: SUBMITTED, type: 'timestamptz' },
  // Requests without a deadline (drafts, decided) sort after every deadline.
  due: { expr: sql`coalesce(r.due_at, 'infinity'::timestamptz)`, type: 'timestamptz' },
};
const REQUEST_ID = { expr: sql`r.id`, type: 'text' } as const;

export async function listRequests(
  ex: Exec,
  p: Principal,
  f: QueueFilter,
): Promise<(RequestRow & KeyedRow)[]> {
  const page = keyset('requests', REQUEST_SORT, REQUEST_ID, f.sort ?? '-created', f.after);
  const conds = [requestScope(p), page.where];
  if (f.category) conds.push(sql`r.category = ${f.category}`);
  if (f.state) conds.push(sql`r.state = ${f.state}`);
  if (f.ownerTeam) conds.push(sql`r.owner_team = ${f.ownerTeam}`);
  if (f.partnerId) conds.push(sql`r.partner_id = ${f.partnerId}`);
  if (f.companyId) conds.push(sql`r.company_id = ${f.companyId}`);
  if (f.claimedBy) conds.push(sql`r.claimed_by = ${f.claimedBy}`);
  if (f.overdueAt) conds.push(sql`r.state = 'submitted' and r.due_at < ${f.overdueAt}`);
  conds.push(...onBusinessDates(SUBMITTED, f.from, f.to));
  conds.push(
    ...textMatch(f.q, [
      sql`r.number`,
      sql`coalesce(c.name_zh, '')`,
      sql`coalesce(c.tenant_id, '')`,
      sql`coalesce(pt.name_zh, '')`,
    ]),
  );
  const { rows } = await sql<RequestRow & KeyedRow>`select ${COLS}, ${page.select} from requests r
    left join companies c on c.id = r.company_id left join partners pt on pt.id = r.partner_id
    where ${sql.join(conds, sql` and `)} order by ${page.orderBy} limit ${f.limit}`.execute(ex);
  return rows;
}
