import { loadExcel } from '../../platform/lazy-libs';
import type { StatementRow } from './statement';
import {
  BALANCE_HEADER,
  balanceCells,
  heading,
  type Lang,
  LINE_HEADER,
  lineCells,
  t,
} from './statement-text';

/**
 * R46: the statement as a workbook — a balance sheet per currency and the period's lines. Amounts are
 * decimal text, as in every export, so no float ever touches money.
 */
export async function renderStatementXlsx(s: StatementRow, lang: Lang): Promise<Uint8Array> {
  const ExcelJS = await loadExcel();
  const book = new ExcelJS.Workbook();
  const summary = book.addWorksheet(t(lang, 'balances'));
  for (const [k, v] of heading(s, lang)) summary.addRow([k, v]);
  summary.addRow([]);
  summary.addRow(BALANCE_HEADER(lang)).font = { bold: true };
  for (const b of s.figures.balances) summary.addRow(balanceCells(b));
  const lines = book.addWorksheet(t(lang, 'lines'), { views: [{ state: 'frozen', ySplit: 1 }] });
  lines.addRow(LINE_HEADER(lang)).font = { bold: true };
  for (const cells of lineCells(s, lang)) lines.addRow(cells);
  for (const ws of [summary, lines])
    ws.columns.forEach((col) => {
      col.width = 18;
    });
  return new Uint8Array(await book.xlsx.writeBuffer());
}
