import { newId } from '@kaidan/shared';
import { sql } from 'kysely';
import { type Clock, toDate } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import type { Text } from '../../platform/errors';
import { changeAndEnqueueJobWhen } from '../../platform/jobs/jobs-store';
import {
  type KeyedRow,
  keyset,
  onBusinessDates,
  type Sortable,
  type SortParam,
  textMatch,
} from '../../platform/keyset';
import { refNumber } from '../../platform/numbering-store';

export interface NotificationRow {
  id: string;
  kind: string;
  title_zh: string;
  title_en: string;
  ref_type: string;
  ref_id: string;
  /** the number of the order or request it is about (only in lists) */
  ref_number?: string | null;
  read_at: Date | null;
  created_at: Date;
}

export const EMAIL_JOB = 'notification.email';

/**
 * R4: an in-app notification, written in the transaction that made the decision, plus the outbox job
 * that emails it, so the email goes out iff the decision commits (at least once).
 */
export async function notify(
  ex: Exec,
  clock: Clock,
  userId: string | null,
  kind: string,
  title: Text,
  ref: { type: string; id: string },
): Promise<void> {
  if (!userId) return;
  const id = newId('ntf', clock.now().epochMilliseconds);
  // One statement: the notification, and its email job only for an active user with an address.
  await changeAndEnqueueJobWhen(
    ex,
    clock,
    sql`n as (insert into notifications (id, user_id, kind, title_zh, title_en, ref_type, ref_id, created_at)
      values (${id}, ${userId}, ${kind}, ${title.zh}, ${title.en}, ${ref.type}, ${ref.id}, ${toDate(clock.now())}))`,
    EMAIL_JOB,
    { notificationId: id },
    sql`exists (select 1 from users where id = ${userId} and state = 'active' and btrim(email) <> '')`,
  );
}

export interface NotificationEmailRow {
  title_zh: string;
  title_en: string;
  ref_type: string;
  ref_id: string;
  email: string;
  name: string;
  locale: 'zh-CN' | 'en-US';
  state: 'active' | 'disabled';
}

/** The notifications of a batch of email jobs with their recipients, in one read (issue #11). */
export async function notificationsForEmail(
  ex: Exec,
  ids: readonly string[],
): Promise<Map<string, NotificationEmailRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<NotificationEmailRow & { id: string }>`select n.id, n.title_zh, n.title_en,
      n.ref_type, n.ref_id, u.email, u.name, u.locale, u.state
    from notifications n join users u on u.id = n.user_id where n.id = any(${[...ids]}::text[])`.execute(ex);
  return new Map(rows.map((r) => [r.id, r]));
}

export async function notificationsOf(ex: Exec, userId: string, limit = 50): Promise<NotificationRow[]> {
  const { rows } = await sql<NotificationRow>`select id, kind, title_zh, title_en, ref_type, ref_id, read_at,
      created_at from notifications where user_id = ${userId} order by id desc limit ${limit}`.execute(ex);
  return rows;
}

export interface NotificationFilter {
  unread?: boolean | undefined;
  kind?: string | undefined;
  /** title text (zh or en) or reference id */
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: SortParam<'created'> | undefined;
  after?: string | undefined;
  limit: number;
}

const NOTIFICATION_SORT: Sortable<'created'> = { created: { expr: sql`n.created_at`, type: 'timestamptz' } };
const NOTIFICATION_ID = { expr: sql`n.id`, type: 'text' } as const;

/** The user's inbox as a keyset page. */
export async function listNotifications(
  ex: Exec,
  userId: string,
  f: NotificationFilter,
): Promise<(NotificationRow & KeyedRow)[]> {
  const page = keyset('notifications', NOTIFICATION_SORT, NOTIFICATION_ID, f.sort ?? '-created', f.after);
  const conds = [sql`n.user_id = ${userId}`, page.where];
  if (f.unread) conds.push(sql`n.read_at is null`);
  if (f.kind) conds.push(sql`n.kind = ${f.kind}`);
  conds.push(...onBusinessDates(sql`n.created_at`, f.from, f.to));
  conds.push(...textMatch(f.q, [sql`n.title_zh`, sql`n.title_en`, sql`n.ref_id`]));
  const { rows } = await sql<NotificationRow & KeyedRow>`select n.id, n.kind, n.title_zh, n.title_en,
      n.ref_type, n.ref_id, ${refNumber(sql`n.ref_type`, sql`n.ref_id`)} as ref_number, n.read_at, n.created_at, ${page.select}
    from notifications n where ${sql.join(conds, sql` and `)} order by ${page.orderBy} limit ${f.limit}`.execute(
    ex,
  );
  return rows;
}

export async function markRead(ex: Exec, clock: Clock, userId: string, id: string): Promise<boolean> {
  // Reading twice is harmless; only an id that is not the user's own finds no row.
  const res = await sql`update notifications set read_at = coalesce(read_at, ${toDate(clock.now())})
    where id = ${id} and user_id = ${userId}`.execute(ex);
  return (res.numAffectedRows ?? 0n) === 1n;
}
