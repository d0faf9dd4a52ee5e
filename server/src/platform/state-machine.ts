import { sql } from 'kysely';
import type { Exec } from './db/database';
import { AppError } from './errors';

// A lifecycle is data: state → states it may move to. A transition is a conditional UPDATE on the
// current state, so two racing writers cannot both win; zero rows means someone else moved first.
export type Lifecycle<S extends string> = Readonly<Record<S, readonly S[]>>;

export function canMove<S extends string>(machine: Lifecycle<S>, from: S, to: S): boolean {
  return machine[from].includes(to);
}

export interface TransitionArgs<S extends string> {
  table: string;
  id: string;
  from: S | readonly S[];
  to: S;
  machine: Lifecycle<S>;
  /** Extra column assignments, e.g. { approved_at: now }. */
  set?: Record<string, unknown>;
}

export async function transition<S extends string>(ex: Exec, a: TransitionArgs<S>): Promise<boolean> {
  const froms = (Array.isArray(a.from) ? a.from : [a.from]) as S[];
  for (const f of froms) {
    if (!canMove(a.machine, f, a.to)) {
      throw new AppError({
        status: 500,
        code: 'ILLEGAL_TRANSITION',
        message: { zh: `非法状态变更 ${f} → ${a.to}`, en: `illegal transition ${f} → ${a.to}` },
      });
    }
  }
  const sets = [sql`state = ${a.to}`, sql`version = version + 1`];
  for (const [k, v] of Object.entries(a.set ?? {})) sets.push(sql`${sql.ref(k)} = ${v}`);
  const res = await sql`update ${sql.table(a.table)} set ${sql.join(sets)}
    where id = ${a.id} and state in (${sql.join(froms)})`.execute(ex);
  return (res.numAffectedRows ?? 0n) === 1n;
}
