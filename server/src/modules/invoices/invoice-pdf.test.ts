import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { invoiceKit } from '../../testing/invoice-kit';
import { pdfObjects, pdfText, toUnicodeMaps } from '../../testing/pdf-inspect';
import { useTestDatabase } from '../../testing/test-db';
import { P } from '../../testing/world';
import { invoicePdf, issueInvoice, reverseInvoice } from '.';

// The invoice PDF renders Chinese: Noto Sans Hans embedded as a subset whose ToUnicode map covers the
// buyer's name, and the amounts printed (read back from the content streams through that map).
describe('invoice PDF (CJK)', async () => {
  const database = await useTestDatabase();
  const { deps, paidOrder, ask } = await invoiceKit(database);

  it('embeds a Noto Sans Hans subset whose ToUnicode map covers the buyer’s Chinese name; prints the amounts', async () => {
    const o = await paidOrder();
    const r = await ask([o.id]);
    const { invoice } = await issueInvoice(deps, P.finance, r.id);
    const { pdf } = await invoicePdf(deps, P.customer, invoice.id);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const { text, fonts, embedded } = pdfText(pdf);
    assert.ok(embedded, 'the font program is embedded (FontFile3)');
    assert.ok(
      fonts.some((f) => /^[A-Z]{6}\+NotoSansHans-Regular$/.test(f)),
      `a subset of Noto Sans Hans: ${fonts.join(', ')}`,
    );
    const mapped = new Set(toUnicodeMaps(pdfObjects(pdf)).values());
    for (const ch of invoice.buyer_name) assert.ok(mapped.has(ch), `ToUnicode maps ${ch}`);
    assert.ok(text.includes(invoice.buyer_name), 'the buyer’s name is drawn');
    assert.ok(text.includes(invoice.number));
    // 100.00 tax-inclusive at 6%: 94.34 + 5.66, and 壹佰圆整 in capitals.
    for (const s of ['94.34', '5.66', '100.00', '壹佰圆整', '3040201000000000000', '电子发票（普通发票）'])
      assert.ok(text.includes(s), `prints ${s}`);
    const again = await invoicePdf(deps, P.finance, invoice.id);
    assert.equal(again.pdf.length, pdf.length, 'rendered from the immutable rows: the same document');
  });

  it('a red-letter invoice has its own PDF: negative amounts, the original’s number and the reason', async () => {
    const o = await paidOrder();
    const r = await ask([o.id]);
    const { invoice } = await issueInvoice(deps, P.finance, r.id);
    const { red } = await reverseInvoice(deps, P.finance, invoice.id, { reason: 'sales_return' });
    assert.ok(red);
    const { text } = pdfText((await invoicePdf(deps, P.customer, red.id)).pdf);
    for (const s of ['红字发票', invoice.number, red.number, '销货退回', '-100.00', '-5.66', '负壹佰圆整'])
      assert.ok(text.includes(s), `prints ${s}`);
  });

  it('R6: a foreign buyer’s invoice is in English', async () => {
    const o = await paidOrder();
    await sql`update companies set region = 'DE', name_en = 'Huihuang Europe GmbH' where id = ${o.quote.company.id}`.execute(
      database.db,
    );
    const r = await ask([o.id], { buyerTaxId: undefined });
    const { invoice } = await issueInvoice(deps, P.finance, r.id);
    const { text } = pdfText((await invoicePdf(deps, P.customer, invoice.id)).pdf);
    for (const s of ['Electronic fapiao', 'Huihuang Europe GmbH', 'Total incl. tax', '*IT services*'])
      assert.ok(text.includes(s), `prints ${s}`);
  });
});
