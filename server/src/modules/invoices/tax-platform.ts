import type { InvoiceLineRow, InvoiceRow } from './invoice';
import { renderInvoicePdf } from './invoice-pdf';

// Issuing a fapiao goes through a tax platform (税务数字账户 / a 乐企 or 税控 service provider). Kaidan talks to
// it through this port; the one shipped records the issue locally (the invoice row is the record) and
// renders the PDF itself. A real platform adapter would issue under the number Kaidan drew and return its
// own reference and its PDF (docs/invoices.md).
export interface TaxPlatform {
  readonly name: string;
  /** Called inside the issuing transaction with the numbered invoice; answers the platform's reference. */
  issue(invoice: InvoiceRow, lines: readonly InvoiceLineRow[]): Promise<{ platformRef: string }>;
  /** The invoice as the buyer receives it (版式文件). */
  pdf(invoice: InvoiceRow, lines: readonly InvoiceLineRow[], original: InvoiceRow | null): Promise<Buffer>;
}

export const localTaxPlatform: TaxPlatform = {
  name: 'local',
  issue: async (invoice) => ({ platformRef: `local:${invoice.number}` }),
  pdf: (invoice, lines, original) => renderInvoicePdf(invoice, lines, original),
};
