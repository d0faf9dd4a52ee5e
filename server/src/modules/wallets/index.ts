// Wallets own prepaid balances per owner and currency, their holds (reserve → capture | release) and
// offline top-up applications. Balances come from the ledger; the wallet row caches balance and held so
// a hold is one conditional UPDATE guarded by CHECK (balance − held ≥ 0).
export { captureFunds, releaseFunds } from './capture-funds';
export { creditWallet } from './credit-wallet';
export { debitFunds } from './debit-funds';
export type { DebitPosting } from './debit-store';
export { type HoldInput, holdFunds } from './hold-funds';
export { openWallet } from './open-wallet';
export { getWallet, listWallets, walletLedger } from './view-wallet';
export type { HoldRow, OwnerType, WalletRow } from './wallet-store';
export { activeHolds, findWallet, holdsOfRef, walletById, walletsOf } from './wallet-store';
