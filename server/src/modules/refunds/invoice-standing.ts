import type { Exec } from '../../platform/db/database';

/**
 * R30/R33: what the invoices module says about an order's fapiao: the total issued, the total reversed
 * by red-letter (红冲), and the invoice requests not yet issued (withdrawn with a self-service refund).
 * The port has exactly the shape `invoiceStandingOf` of the invoices module answers.
 */
export interface InvoiceStanding {
  issued: bigint;
  reversed: bigint;
  openRequests: string[];
}

export type InvoiceStandings = (ex: Exec, orderIds: string[]) => Promise<Map<string, InvoiceStanding>>;

export const NO_INVOICE: InvoiceStanding = { issued: 0n, reversed: 0n, openRequests: [] };

/**
 * PLACEHOLDER until the invoices module is wired in: Kaidan issues no fapiao yet, so every order stands
 * un-invoiced (the old `invoiceIssuedFor`, which always answered false). The invoices module's
 * `invoiceStandingOf` replaces this function at the one place it is chosen (`invoiceStandingOf` below).
 */
export const noInvoicesYet: InvoiceStandings = async (_ex, orderIds) =>
  new Map(orderIds.map((id) => [id, NO_INVOICE]));

/** The standing lookup the policy uses; the invoices module's answer replaces the placeholder here. */
export const invoiceStandingOf: InvoiceStandings = noInvoicesYet;

/** An issued invoice not fully red-letter reversed still covers the order (R30). */
export const invoiceOutstanding = (s: InvoiceStanding): bigint => s.issued - s.reversed;
