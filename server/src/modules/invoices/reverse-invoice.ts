import { formatAmount, newId, parseAmount } from '@kaidan/shared';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { AppError, conflict, fieldError, invalid, refuseIfAny } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { type InvoiceRow, REASON_TEXT, type ReversalReason, type ReversalRow } from './invoice';
import {
  insertIssuedReversal,
  insertReversal,
  invoiceInScope,
  invoiceLines,
  reversalInScope,
  reversedPerLine,
} from './invoice-store';
import { issueRedLetter, type ReversedLine } from './red-letter';
import { invoiceNotFound } from './refusals';
import { localTaxPlatform, type TaxPlatform } from './tax-platform';

export interface ReversalInput {
  reason: ReversalReason;
  /** omitted: everything not yet reversed (full reversal); else per line, a tax-inclusive amount */
  lines?: { lineId: string; amount: string }[] | undefined;
  /** 专票 only: the buyer booked it (入账 / 用于抵扣), so the buyer confirms the 红字发票信息确认单 first */
  buyerBooked?: boolean | undefined;
  comment?: string | undefined;
}

export interface ReversalResult {
  reversal: ReversalRow;
  red: InvoiceRow | null;
}

/**
 * R30 红冲 by finance: full or partial (by line and amount), with an official reason, never more than is
 * left of the original. Decided under the blue invoice's row lock, so concurrent partial reversals queue
 * and the second sees the first (the database checks the same sum, per line). A 普票, or a 专票 the buyer
 * has not booked, is reversed at once with a red-letter invoice; a booked 专票 waits for the buyer's
 * confirmation of the 红字发票信息确认单 (confirm-reversal.ts).
 */
export async function reverseInvoice(
  deps: Deps,
  p: Principal,
  invoiceId: string,
  input: ReversalInput,
  platform: TaxPlatform = localTaxPlatform,
): Promise<ReversalResult> {
  requireRole(p, ['finance'], { zh: '红冲发票', en: 'reverse invoices' });
  return transact(deps.database.db, async (tx) => {
    const blue = await invoiceInScope(tx, p, invoiceId, true);
    if (!blue) throw invoiceNotFound();
    if (blue.kind !== 'blue')
      throw conflict('NOT_A_BLUE_INVOICE', {
        zh: '红字发票不能再红冲',
        en: 'A red-letter invoice cannot itself be reversed',
      });
    if (blue.invoice_type === 'special' && input.buyerBooked === undefined)
      refuseIfAny([
        fieldError(
          'buyerBooked',
          'REQUIRED',
          '专票红冲须说明购买方是否已入账（用于抵扣）',
          'For a special invoice, say whether the buyer has booked it (claimed the input VAT)',
        ),
      ]);
    const blueLines = await invoiceLines(tx, blue.id);
    const done = await reversedPerLine(tx, blue.id);
    const leftOf = (lineId: string) => {
      const l = blueLines.find((x) => x.id === lineId);
      const d = done.find((x) => x.line_id === lineId);
      return l ? l.amount - (d?.red_amount ?? 0n) - (d?.held ?? 0n) : null;
    };
    const full = blueLines.flatMap((l) => {
      const left = leftOf(l.id) ?? 0n;
      return left > 0n ? [{ lineId: l.id, amount: left }] : [];
    });
    let lines: ReversedLine[];
    if (input.lines === undefined) lines = full;
    else {
      lines = input.lines.map((x, i) => {
        const amount = parseAmount(x.amount, blue.currency);
        const left = leftOf(x.lineId);
        if (left === null)
          throw invalid(`lines.${i}.lineId`, 'NOT_ON_INVOICE', {
            zh: `发票 ${blue.number} 上没有该行`,
            en: `No such line on invoice ${blue.number}`,
          });
        if (amount === null || amount <= 0n)
          throw invalid(`lines.${i}.amount`, 'BAD_AMOUNT', {
            zh: '红冲金额须为正数，最多两位小数',
            en: 'The amount is positive with at most two decimals',
          });
        if (amount > left) throw exceeds(blue, left, amount, `lines.${i}.amount`);
        return { lineId: x.lineId, amount };
      });
      if (new Set(lines.map((l) => l.lineId)).size !== lines.length)
        throw invalid('lines', 'DUPLICATE_LINE', { zh: '同一行只能出现一次', en: 'Each line at most once' });
    }
    if (lines.length === 0)
      throw conflict('NOTHING_TO_REVERSE', {
        zh: `发票 ${blue.number} 已全部红冲（或正在等待确认）`,
        en: `Invoice ${blue.number} is fully reversed (or awaiting confirmation)`,
      });
    // 开票有误 voids the invoice as issued: only the whole of what is left can be reversed for it.
    const isFull = full.every((f) => lines.some((l) => l.lineId === f.lineId && l.amount === f.amount));
    if (input.reason === 'invoicing_error' && !isFull)
      throw invalid('reason', 'ERROR_NEEDS_FULL', {
        zh: '“开票有误”须全额红冲，部分红冲请选择销货退回、服务中止或销售折让',
        en: '"Invoicing error" reverses in full; for a partial reversal choose sales return, service stopped or sales allowance',
      });
    const now = deps.clock.now();
    const id = newId('rvs', now.epochMilliseconds);
    const pending = blue.invoice_type === 'special' && input.buyerBooked === true;
    const base = {
      id,
      invoice_id: blue.id,
      company_id: blue.company_id,
      reason: input.reason,
      buyer_booked: input.buyerBooked ?? false,
      requested_by: p.userId,
      requested_at: toDate(now),
      comment: input.comment?.trim() || null,
    };
    let red: InvoiceRow | null = null;
    if (pending) await insertReversal(tx, { ...base, state: 'pending_confirmation' }, lines);
    else {
      red = (
        await issueRedLetter(
          tx,
          deps.clock,
          p,
          platform,
          blue,
          blueLines,
          done,
          { id, reason: input.reason },
          lines,
        )
      ).invoice;
      await insertIssuedReversal(tx, { ...base, state: 'issued', red_invoice_id: red.id }, lines);
    }
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'invoice',
      objectId: blue.id,
      action: pending ? 'invoice.reversal_requested' : 'invoice.reversed',
      after: {
        reversal: id,
        reason: REASON_TEXT[input.reason].zh,
        red: red?.number ?? null,
        lines: lines.map((l) => ({ line: l.lineId, amount: l.amount.toString() })),
      },
      reason: input.comment ?? null,
    });
    const reversal = await reversalInScope(tx, p, id);
    if (!reversal) throw new Error('reversal not recorded');
    return { reversal, red };
  });
}

const exceeds = (blue: InvoiceRow, left: bigint, asked: bigint, field: string) =>
  new AppError({
    status: 409,
    code: 'REVERSAL_EXCEEDS_ORIGINAL',
    message: {
      zh: `R30：红冲金额不能超过原发票 ${blue.number} 该行剩余可红冲金额 ${formatAmount(left, blue.currency)}`,
      en: `R30: a red-letter reversal never exceeds the original: ${blue.number} has ${formatAmount(left, blue.currency)} left on this line`,
    },
    fields: [
      {
        field,
        code: 'REVERSAL_EXCEEDS_ORIGINAL',
        message: { zh: '超过剩余可红冲金额', en: 'More than is left to reverse' },
      },
    ],
    details: { left: formatAmount(left, blue.currency), asked: formatAmount(asked, blue.currency) },
  });
