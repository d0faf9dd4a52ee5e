import { newId } from '@kaidan/shared';
import { sql } from 'kysely';
import { type Clock, toDate } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import type { Text } from '../../platform/errors';

export interface NotificationRow {
  id: string;
  kind: string;
  title_zh: string;
  title_en: string;
  ref_type: string;
  ref_id: string;
  read_at: Date | null;
  created_at: Date;
}

/** R4: an in-app notification, written in the transaction that made the decision. */
export async function notify(
  ex: Exec,
  clock: Clock,
  userId: string | null,
  kind: string,
  title: Text,
  ref: { type: string; id: string },
): Promise<void> {
  if (!userId) return;
  await sql`insert into notifications (id, user_id, kind, title_zh, title_en, ref_type, ref_id, created_at)
    values (${newId('ntf', clock.now().epochMilliseconds)}, ${userId}, ${kind}, ${title.zh}, ${title.en},
      ${ref.type}, ${ref.id}, ${toDate(clock.now())})`.execute(ex);
}

export async function notificationsOf(ex: Exec, userId: string, limit = 50): Promise<NotificationRow[]> {
  const { rows } = await sql<NotificationRow>`select id, kind, title_zh, title_en, ref_type, ref_id, read_at,
      created_at from notifications where user_id = ${userId} order by id desc limit ${limit}`.execute(ex);
  return rows;
}

export async function markRead(ex: Exec, clock: Clock, userId: string, id: string): Promise<boolean> {
  // Reading twice is harmless; only an id that is not the user's own finds no row.
  const res = await sql`update notifications set read_at = coalesce(read_at, ${toDate(clock.now())})
    where id = ${id} and user_id = ${userId}`.execute(ex);
  return (res.numAffectedRows ?? 0n) === 1n;
}
