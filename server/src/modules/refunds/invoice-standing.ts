import type { Exec } from '../../platform/db/database';
import { invoiceStandingOf as invoicesStandingOf } from '../invoices';

/**
 * R30/R33: what the invoices module says about an order's fapiao: the total issued, the total reversed
 * by red-letter (红冲), and the invoice requests not yet issued (withdrawn with the refund).
 */
export interface InvoiceStanding {
  issued: bigint;
  reversed: bigint;
  openRequests: string[];
}

export type InvoiceStandings = (ex: Exec, orderIds: string[]) => Promise<Map<string, InvoiceStanding>>;

export const NO_INVOICE: InvoiceStanding = { issued: 0n, reversed: 0n, openRequests: [] };

/** The standing lookup the policy uses: the invoices module's, read in the caller's transaction. */
export const invoiceStandingOf: InvoiceStandings = (ex, orderIds) => invoicesStandingOf(ex, orderIds);

/** An issued invoice not fully red-letter reversed still covers the order (R30). */
export const invoiceOutstanding = (s: InvoiceStanding): bigint => s.issued - s.reversed;
