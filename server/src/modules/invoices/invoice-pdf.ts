import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { formatAmount } from '@kaidan/shared';
import { loadPdfkit } from '../../platform/lazy-libs';
import { amountInWords } from './amount-words';
import { type InvoiceLineRow, type InvoiceRow, REASON_TEXT, SELLER, TYPE_TEXT } from './invoice';

// The invoice's PDF (版式文件), rendered from the immutable invoice rows, so every download is the same
// document. Chinese is drawn in Noto Sans Hans, embedded as a subset with its ToUnicode map (pdfkit does
// both for a registered OpenType font), so the buyer's name renders and can be searched and copied.

/** The font file, found through the package's own resolution (its exports name no font path). */
export function cjkFontPath(): string {
  const main = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
  return join(dirname(main), '..', 'fonts', 'NotoSansHans-Regular.otf');
}

type Lang = 'zh' | 'en';
const L = {
  title: { zh: '电子发票', en: 'Electronic fapiao' },
  red: { zh: '红字发票', en: 'Red-letter (reversal) invoice' },
  number: { zh: '发票号码', en: 'Invoice no.' },
  date: { zh: '开票日期', en: 'Date of issue' },
  buyer: { zh: '购买方', en: 'Buyer' },
  seller: { zh: '销售方', en: 'Seller' },
  name: { zh: '名称', en: 'Name' },
  taxId: { zh: '统一社会信用代码/纳税人识别号', en: 'Taxpayer id' },
  address: { zh: '地址、电话', en: 'Address, phone' },
  bank: { zh: '开户行及账号', en: 'Bank and account' },
  item: { zh: '项目名称', en: 'Item' },
  code: { zh: '税收分类编码', en: 'Tax code' },
  net: { zh: '金额', en: 'Amount' },
  rate: { zh: '税率', en: 'Rate' },
  tax: { zh: '税额', en: 'Tax' },
  totals: { zh: '合计', en: 'Total' },
  gross: { zh: '价税合计', en: 'Total incl. tax' },
  original: { zh: '对应蓝字发票号码', en: 'Reverses invoice no.' },
  reason: { zh: '红冲原因', en: 'Reason' },
} as const;

const rate = (bp: number) => `${bp / 100}%`;

export async function renderInvoicePdf(
  inv: InvoiceRow,
  lines: readonly InvoiceLineRow[],
  original: InvoiceRow | null,
): Promise<Buffer> {
  const lang: Lang = inv.language;
  const t = (k: keyof typeof L) => (lang === 'en' ? `${L[k].en}` : L[k].zh);
  const amount = (v: bigint) => formatAmount(v, inv.currency);
  const PDFDocument = await loadPdfkit();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 36,
    font: cjkFontPath(),
    info: {
      Title: `${inv.number}`,
      Author: SELLER.name.zh,
      CreationDate: inv.issued_at,
      ModDate: inv.issued_at,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const kindText = TYPE_TEXT[inv.invoice_type][lang];
  const heading = lang === 'en' ? `${t('title')} (${kindText})` : `${t('title')}（${kindText}）`;
  doc
    .fontSize(18)
    .fillColor(inv.kind === 'red' ? '#c00000' : '#000000')
    .text(heading, { align: 'center' });
  if (inv.kind === 'red') doc.fontSize(12).text(t('red'), { align: 'center' });
  doc.fillColor('#000000').fontSize(10);
  doc.text(`${t('number')}: ${inv.number}    ${t('date')}: ${inv.issue_date}`, { align: 'right' });
  if (inv.kind === 'red' && original && inv.reason)
    doc.text(`${t('original')}: ${original.number}    ${t('reason')}: ${REASON_TEXT[inv.reason][lang]}`, {
      align: 'right',
    });
  doc.moveDown(0.5);

  const top = doc.y;
  const half = (doc.page.width - 72) / 2;
  const party = (x: number, title: string, rows: [string, string][]) => {
    doc.fontSize(11).text(title, x, top, { width: half - 8 });
    doc.fontSize(9);
    for (const [k, v] of rows) doc.text(`${k}: ${v}`, x, undefined, { width: half - 8 });
  };
  const buyerRows: [string, string][] = [
    [t('name'), inv.buyer_name],
    [t('taxId'), inv.buyer_tax_id ?? '—'],
  ];
  if (inv.invoice_type === 'special')
    buyerRows.push(
      [t('address'), `${inv.buyer_address ?? ''} ${inv.buyer_phone ?? ''}`],
      [t('bank'), `${inv.buyer_bank ?? ''} ${inv.buyer_account ?? ''}`],
    );
  party(36, t('buyer'), buyerRows);
  const afterBuyer = doc.y;
  party(36 + half, t('seller'), [
    [t('name'), SELLER.name[lang]],
    [t('taxId'), SELLER.taxId],
    [t('address'), SELLER.address],
    [t('bank'), SELLER.bank],
  ]);
  doc.y = Math.max(afterBuyer, doc.y) + 12;

  const cols = [
    { key: t('item'), x: 36, w: 300 },
    { key: t('code'), x: 340, w: 130 },
    { key: t('net'), x: 474, w: 100 },
    { key: t('rate'), x: 578, w: 50 },
    { key: t('tax'), x: 632, w: 100 },
  ];
  const row = (cells: string[]) => {
    const y = doc.y;
    let bottom = y;
    cells.forEach((c, i) => {
      const col = cols[i];
      if (!col) return;
      doc.text(c, col.x, y, { width: col.w, align: i >= 2 ? 'right' : 'left' });
      bottom = Math.max(bottom, doc.y);
    });
    doc.x = 36;
    doc.y = bottom + 4;
  };
  doc.fontSize(9);
  row(cols.map((c) => c.key));
  for (const l of lines)
    row([l.item_name, l.tax_code, amount(l.amount - l.tax), rate(l.tax_rate_bp), amount(l.tax)]);
  row([t('totals'), '', amount(inv.total - inv.tax_total), '', amount(inv.tax_total)]);
  doc.moveDown(0.5);
  const words = inv.currency === 'CNY' ? `（${amountInWords(inv.total)}）` : '';
  doc.fontSize(11).text(`${t('gross')}: ${inv.currency} ${amount(inv.total)} ${words}`, 36, undefined, {
    width: doc.page.width - 72,
  });
  doc.end();
  return done;
}
