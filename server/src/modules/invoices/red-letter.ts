import type { Clock } from '../../platform/clock';
import type { Tx } from '../../platform/db/executor';
import type { Principal } from '../../platform/principal';
import type { InvoiceLineRow, InvoiceRow, ReversalReason } from './invoice';
import type { LineReversed } from './invoice-store';
import { recordInvoice } from './record-invoice';
import type { TaxPlatform } from './tax-platform';
import { taxOf } from './tax-split';

export interface ReversedLine {
  lineId: string;
  amount: bigint;
}

/**
 * The red line's tax. Reversing all that is left of a line takes back exactly the tax left on it, so a
 * fully reversed invoice nets to zero to the fen; a partial amount carries its own tax, rounded half-up,
 * never more than the tax left.
 */
export function redTax(line: InvoiceLineRow, done: LineReversed | undefined, amount: bigint): bigint {
  const leftAmount = line.amount - (done?.red_amount ?? 0n);
  const leftTax = line.tax - (done?.red_tax ?? 0n);
  if (amount === leftAmount) return leftTax;
  const t = taxOf(amount, line.tax_rate_bp);
  return t > leftTax ? leftTax : t;
}

/** Issues the red-letter invoice (negative amounts, the red series) of a reversal, inside the caller's tx. */
export function issueRedLetter(
  tx: Tx,
  clock: Clock,
  p: Principal,
  platform: TaxPlatform,
  blue: InvoiceRow,
  blueLines: readonly InvoiceLineRow[],
  done: readonly LineReversed[],
  reversal: { id: string; reason: ReversalReason; requested_by?: string | null },
  lines: readonly ReversedLine[],
): Promise<{ invoice: InvoiceRow; lines: InvoiceLineRow[] }> {
  const drafts = lines.map((r) => {
    const line = blueLines.find((l) => l.id === r.lineId);
    if (!line) throw new Error(`line ${r.lineId} not on ${blue.number}`);
    const tax = redTax(
      line,
      done.find((d) => d.line_id === line.id),
      r.amount,
    );
    return {
      order_id: line.order_id,
      order_line_id: line.order_line_id,
      original_line_id: line.id,
      item_name: line.item_name,
      tax_code: line.tax_code,
      tax_rate_bp: line.tax_rate_bp,
      amount: -r.amount,
      tax: -tax,
    };
  });
  return recordInvoice(
    tx,
    clock,
    p,
    platform,
    {
      ...blue,
      kind: 'red',
      request_id: null,
      original_id: blue.id,
      reversal_id: reversal.id,
      reason: reversal.reason,
      total: drafts.reduce((s, d) => s + d.amount, 0n),
      tax_total: drafts.reduce((s, d) => s + d.tax, 0n),
    },
    drafts,
    // A buyer confirming the form does not issue the invoice: the finance colleague who filed it does.
    p.kind === 'customer' ? (reversal.requested_by ?? null) : p.userId,
  );
}
