import type { Kysely, Transaction } from 'kysely';

// Stores write SQL with Kysely's `sql` tag and type each row themselves; the builder stays loose.
export type DB = Record<string, Record<string, unknown>>;
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the pool or an open transaction: store functions accept both. */
export type Exec = Db | Tx;
