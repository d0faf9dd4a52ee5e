import type { Exec, Tx } from './executor';

// One transaction helper for every use case (issue #11, ADR 0014). A use case opens its transaction with
// `transact(deps.database.db, …)`; called with deps whose database is already a transaction (`within`),
// it runs in that one instead, so a use case composes into another without an `…InTx` twin. Inside a
// request scope (ADR 0008/0009) the new transaction joins the scope's, as every `db.transaction()` does.

/** True for a Kysely Transaction: work on it is already inside one. */
export const isTransaction = (ex: Exec): ex is Tx => ex.isTransaction;

/** Runs `fn` in a new transaction on `ex`, or directly in `ex` when it already is one. */
export function transact<T>(ex: Exec, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return isTransaction(ex) ? fn(ex) : ex.transaction().execute(fn);
}
