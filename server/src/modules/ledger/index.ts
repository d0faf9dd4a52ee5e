// The ledger owns accounts, journal entries and postings: double entry, append-only, balanced per
// currency (enforced by a deferred trigger). Every balance in Kaidan is derived from it; wallets cache
// their own balance only to decide holds with one conditional UPDATE.
export type { AccountCode, EntryInput, LedgerLine, LineFilter, Posting } from './ledger-store';
export { accountLines, accountSum, ensureAccount, postEntry, unbalancedEntries } from './ledger-store';
