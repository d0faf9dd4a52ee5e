import type { ActionChannel, ActorKind } from '@kaidan/shared';
import { newId } from '@kaidan/shared';
import { type RawBuilder, sql } from 'kysely';
import { type Clock, toDate } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { toJson } from '../../platform/json';

export interface Actor {
  kind: ActorKind;
  id: string | null;
  channel: ActionChannel;
}

export interface AuditEntry {
  objectType: string;
  objectId: string;
  action: string;
  stateBefore?: string | null;
  stateAfter?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export interface AuditRow {
  id: string;
  action: string;
  actor_kind: string;
  actor_id: string | null;
  channel: string;
  state_before: string | null;
  state_after: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  at: Date;
  /** the acting user's name when the actor is a user (a trail reads by name, not by id) */
  actor_name?: string | null;
}

/** R40: call with the transaction that makes the change, so the trail and the change commit together. */
export async function appendAudit(ex: Exec, clock: Clock, actor: Actor, e: AuditEntry): Promise<string> {
  const [id] = await appendAudits(ex, clock, [{ actor, entry: e }]);
  return id as string;
}

/** Several trail rows of one change in one statement (issue #11), in the order given. */
export async function appendAudits(
  ex: Exec,
  clock: Clock,
  rows: { actor: Actor; entry: AuditEntry }[],
): Promise<string[]> {
  const at = clock.now();
  const json = (v: unknown) => (v === undefined ? null : toJson(v));
  const ids = rows.map(() => newId('aud', at.epochMilliseconds));
  const values = rows.map(
    ({ actor, entry: e }, i) => sql`(${ids[i]}, ${e.objectType}, ${e.objectId}, ${e.action}, ${actor.kind},
      ${actor.id}, ${actor.channel}, ${e.stateBefore ?? null}, ${e.stateAfter ?? null}, ${json(e.before)}::jsonb,
      ${json(e.after)}::jsonb, ${e.reason ?? null}, ${toDate(at)})`,
  );
  if (values.length > 0) {
    await sql`insert into audit_log (id, object_type, object_id, action, actor_kind, actor_id, channel,
        state_before, state_after, before, after, reason, at) values ${sql.join(values)}`.execute(ex);
  }
  return ids;
}

/**
 * Trail rows for a set-based change of thousands of objects (a batch renewal, an import), in one
 * statement: `rows` is a SELECT yielding object_id, state_before, state_after, before (jsonb), after (jsonb)
 * per object. Ids share one time-ordered prefix and end in the row number, so they stay unique and sorted.
 */
export async function appendAuditSelect(
  ex: Exec,
  clock: Clock,
  actor: Actor,
  e: { objectType: string; action: string; reason?: string | null },
  rows: RawBuilder<unknown>,
): Promise<number> {
  const at = clock.now();
  const prefix = `${newId('aud', at.epochMilliseconds)}_`;
  const r =
    await sql`insert into audit_log (id, object_type, object_id, action, actor_kind, actor_id, channel,
      state_before, state_after, before, after, reason, at)
    select ${prefix} || lpad((row_number() over ())::text, 7, '0'), ${e.objectType}, s.object_id, ${e.action},
      ${actor.kind}, ${actor.id}, ${actor.channel}, s.state_before, s.state_after, s.before, s.after,
      ${e.reason ?? null}, ${toDate(at)}
    from (${rows}) as s`.execute(ex);
  return Number(r.numAffectedRows ?? 0n);
}

export async function listAudit(ex: Exec, objectType: string, objectId: string): Promise<AuditRow[]> {
  const { rows } = await sql<AuditRow>`select a.id, a.action, a.actor_kind, a.actor_id, a.channel,
      a.state_before, a.state_after, a.before, a.after, a.reason, a.at, u.name as actor_name
    from audit_log a left join users u on u.id = a.actor_id
    where a.object_type = ${objectType} and a.object_id = ${objectId} order by a.at, a.id`.execute(ex);
  return rows;
}

/** Who took any of `actions` on an object: the trail is append-only, so it can be relied on as evidence. */
export async function actorsOf(
  ex: Exec,
  objectType: string,
  objectId: string,
  actions: readonly string[],
): Promise<{ actor_id: string; action: string }[]> {
  const { rows } = await sql<{ actor_id: string; action: string }>`select distinct actor_id, action
    from audit_log where object_type = ${objectType} and object_id = ${objectId}
      and action in (${sql.join([...actions])}) and actor_id is not null`.execute(ex);
  return rows;
}
