import { loadPdfkit } from '../../platform/lazy-libs';
import { cjkFontPath } from '../invoices';
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
 * R46: the statement as a PDF, drawn from its frozen figures so every download is the same document;
 * Chinese in the invoices' embedded Noto Sans Hans (searchable, copyable).
 */
export async function renderStatementPdf(s: StatementRow, lang: Lang): Promise<Buffer> {
  const PDFDocument = await loadPdfkit();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 36,
    font: cjkFontPath(),
    info: { Title: `${t(lang, 'title')} ${s.period_start}–${s.period_end}`, CreationDate: s.created_at },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.fontSize(18).text(t(lang, 'title'), { align: 'center' });
  doc.moveDown(0.5).fontSize(10);
  for (const [k, v] of heading(s, lang)) doc.text(`${k}: ${v}`);
  const row = (cells: string[], widths: number[]) => {
    const y = doc.y;
    let x = doc.page.margins.left;
    cells.forEach((c, i) => {
      doc.text(c, x, y, { width: (widths[i] ?? 80) - 4, lineBreak: false, ellipsis: true });
      x += widths[i] ?? 80;
    });
    doc.x = doc.page.margins.left;
    doc.y = y + 16;
  };
  doc.moveDown().fontSize(12).text(t(lang, 'balances'));
  doc.fontSize(10);
  const bw = [70, 100, 100, 100, 100, 100, 100];
  row(BALANCE_HEADER(lang), bw);
  for (const b of s.figures.balances) row(balanceCells(b), bw);
  if (s.figures.balances.length === 0) doc.text(t(lang, 'none'));
  doc.moveDown().fontSize(12).text(t(lang, 'lines'), doc.page.margins.left);
  doc.fontSize(10);
  const lw = [80, 90, 170, 90, 60, 50, 60, 100];
  row(LINE_HEADER(lang), lw);
  for (const cells of lineCells(s, lang)) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    row(cells, lw);
  }
  if (s.figures.lines.length === 0) doc.text(t(lang, 'none'));
  doc.end();
  return done;
}
