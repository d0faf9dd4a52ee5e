import { z } from 'zod';
import { Amount, CurrencyCode } from './common';

export const Wallet = z.object({
  id: z.string(),
  ownerType: z.enum(['partner', 'company']),
  ownerId: z.string(),
  currency: CurrencyCode,
  balance: Amount,
  holds: Amount,
  available: Amount,
});

export const WalletDetail = z.object({
  wallet: Wallet,
  activeHolds: z.array(
    z.object({
      id: z.string(),
      refType: z.string(),
      refId: z.string(),
      /** the number of the order it holds for */
      refNumber: z.string().nullable(),
      amount: Amount,
      createdAt: z.string(),
    }),
  ),
});

export const LedgerLine = z.object({
  entryId: z.string(),
  kind: z.string(),
  refType: z.string(),
  refId: z.string(),
  /** the number of the order or request the line is for */
  refNumber: z.string().nullable(),
  memo: z.string().nullable(),
  /** signed from the wallet holder's view: credits to the wallet are positive */
  amount: Amount,
  at: z.string(),
});
