import { formatAmount, newId } from '@kaidan/shared';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import {
  AppError,
  conflict,
  type FieldError,
  fieldError,
  notFound,
  refuseIfAny,
} from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { type InvoiceLanguage, type InvoiceType, itemName, type RequestRow } from './invoice';
import {
  type BuyerCompany,
  buyerCompany,
  type InvoiceableLine,
  insertRequest,
  lockInvoiceableLines,
  type NewRequestLine,
  requestInScope,
} from './invoice-store';
import { isUnifiedSocialCreditCode } from './tax-id';
import { splitTax } from './tax-split';

export interface InvoiceRequestInput {
  orderIds: string[];
  type: InvoiceType;
  /** optional: the server uses the company's legal name and refuses a different one */
  buyerName?: string | undefined;
  /** the company's taxpayer id when it has one on file (a different one is refused); else required */
  buyerTaxId?: string | undefined;
  buyerAddress?: string | undefined;
  buyerPhone?: string | undefined;
  buyerBank?: string | undefined;
  buyerAccount?: string | undefined;
  email?: string | undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** R29: only paid orders; one payer (a company: partner-paid orders are invoiced to the partner) and currency. */
function refuseUninvoiceable(lines: readonly InvoiceableLine[]): void {
  const unpaid = lines.find((l) => l.order_state !== 'paid');
  if (unpaid)
    throw new AppError({
      status: 409,
      code: 'ORDER_NOT_PAID',
      message: {
        zh: `R29：订单 ${unpaid.order_number} 尚未付款（状态 ${unpaid.order_state}），先付款后开票`,
        en: `R29: order ${unpaid.order_number} is not paid (state ${unpaid.order_state}); payment comes before invoice`,
      },
      fixes: [{ zh: '请在订单付款后再申请开票', en: 'Request the invoice once the order is paid' }],
      details: { order: unpaid.order_number, state: unpaid.order_state },
    });
  const partnerPaid = lines.find((l) => l.channel === 'partner' && l.partner_id);
  if (partnerPaid)
    throw conflict(
      'PARTNER_PAID_ORDER',
      {
        zh: `订单 ${partnerPaid.order_number} 由渠道钱包付款，发票开给付款的渠道，不开给客户`,
        en: `Order ${partnerPaid.order_number} was paid by the partner's wallet; its invoice goes to the partner, not the customer`,
      },
      { order: partnerPaid.order_number },
    );
  const first = lines[0];
  if (lines.some((l) => l.company_id !== first?.company_id || l.currency !== first?.currency))
    throw conflict('MIXED_PAYERS', {
      zh: '一张发票只能包含同一付款方、同一币种的订单',
      en: 'One invoice covers orders of one payer and one currency',
    });
}

function buyerOf(c: BuyerCompany, input: InvoiceRequestInput, lang: InvoiceLanguage): FieldError[] {
  const fields: FieldError[] = [];
  const name = lang === 'en' ? (c.name_en ?? c.name_zh) : c.name_zh;
  if (input.buyerName !== undefined && input.buyerName.trim() !== name)
    fields.push(
      fieldError(
        'buyerName',
        'BUYER_NAME_MISMATCH',
        `购买方名称应为公司登记名称「${name}」`,
        `The buyer name is the company's legal name "${name}"`,
      ),
    );
  const taxId = c.tax_id ?? input.buyerTaxId?.trim();
  if (c.tax_id && input.buyerTaxId !== undefined && input.buyerTaxId.trim() !== c.tax_id)
    fields.push(
      fieldError(
        'buyerTaxId',
        'TAX_ID_MISMATCH',
        `纳税人识别号应为公司登记的 ${c.tax_id}`,
        `The taxpayer id is the company's registered ${c.tax_id}`,
      ),
    );
  else if (lang === 'zh' && !taxId)
    fields.push(
      fieldError(
        'buyerTaxId',
        'REQUIRED',
        '企业开票须填写统一社会信用代码',
        'A company invoice needs its taxpayer id',
      ),
    );
  else if (lang === 'zh' && taxId && !isUnifiedSocialCreditCode(taxId))
    fields.push(
      fieldError(
        'buyerTaxId',
        'BAD_TAX_ID',
        '统一社会信用代码应为 18 位且校验位正确（GB 32100）',
        'The unified social credit code has 18 characters and a valid check character (GB 32100)',
      ),
    );
  if (input.type === 'special') {
    if (lang === 'en')
      fields.push(
        fieldError(
          'type',
          'SPECIAL_NEEDS_CN_BUYER',
          '专票只开给境内一般纳税人',
          'A special invoice is for a PRC VAT payer',
        ),
      );
    for (const f of ['buyerAddress', 'buyerPhone', 'buyerBank', 'buyerAccount'] as const)
      if (!input[f]?.trim())
        fields.push(
          fieldError(f, 'REQUIRED', '专票须填写地址、电话、开户行及账号', 'A special invoice needs this'),
        );
  }
  if (input.email !== undefined && !EMAIL.test(input.email))
    fields.push(fieldError('email', 'BAD_EMAIL', '邮箱格式不正确', 'Not a valid email address'));
  return fields;
}

/**
 * An invoice request over paid orders: the server derives the lines from the order lines (what was paid,
 * less refunded, less what is already invoiced), the item names, tax codes and rates from the catalog and
 * the tax from the amounts. A customer user asks for its own company's orders, finance for any.
 */
export async function requestInvoice(
  deps: Deps,
  p: Principal,
  input: InvoiceRequestInput,
): Promise<RequestRow> {
  requireRole(p, ['customer', 'finance'], { zh: '申请开票', en: 'request an invoice' });
  const orderIds = [...new Set(input.orderIds)];
  if (orderIds.length === 0 || orderIds.length > 100)
    refuseIfAny([
      fieldError('orderIds', 'REQUIRED', '请选择 1–100 个已付款订单', 'Choose 1–100 paid orders'),
    ]);
  return transact(deps.database.db, async (tx) => {
    const { found, lines } = await lockInvoiceableLines(tx, p, orderIds);
    const missing = orderIds.find((id) => !found.includes(id));
    if (missing) throw notFound({ zh: `订单 ${missing} `, en: `Order ${missing}` });
    refuseUninvoiceable(lines);
    const first = lines[0];
    const company = first && (await buyerCompany(tx, first.company_id));
    if (!first || !company) throw notFound({ zh: '订单', en: 'Order' });
    const lang: InvoiceLanguage = company.region === 'CN' ? 'zh' : 'en';
    refuseIfAny(buyerOf(company, input, lang));
    const open = lines.flatMap((l) => {
      const left = l.amount - l.refunded - l.invoiced;
      return left > 0n ? [{ l, left }] : [];
    });
    if (open.length === 0)
      throw conflict('NOTHING_TO_INVOICE', {
        zh: '所选订单已全部开票（或已退款），没有可开票金额',
        en: 'The chosen orders are fully invoiced (or refunded): nothing is left to invoice',
      });
    const taxed = splitTax(open.map(({ l, left }) => ({ amount: left, rateBp: l.tax_rate_bp })));
    const now = deps.clock.now();
    const id = newId('ivr', now.epochMilliseconds);
    const reqLines: NewRequestLine[] = open.map(({ l }, i) => ({
      id: newId('irl', now.epochMilliseconds),
      request_id: id,
      line_no: i + 1,
      order_id: l.order_id,
      order_line_id: l.line_id,
      item_name: itemName(
        l.tax_code,
        lang === 'en' ? (l.product_en ?? l.product_zh) : l.product_zh,
        lang === 'en' ? (l.plan_en ?? l.plan_zh) : l.plan_zh,
        lang,
      ),
      tax_code: l.tax_code,
      tax_rate_bp: l.tax_rate_bp,
      amount: taxed[i]?.amount ?? 0n,
      tax: taxed[i]?.tax ?? 0n,
    }));
    const total = reqLines.reduce((s, l) => s + l.amount, 0n);
    const taxTotal = reqLines.reduce((s, l) => s + l.tax, 0n);
    const clean = (v: string | undefined) => v?.trim() || null;
    await insertRequest(
      tx,
      {
        id,
        company_id: company.id,
        payer_type: 'company',
        payer_id: company.id,
        currency: first.currency,
        invoice_type: input.type,
        language: lang,
        buyer_name: lang === 'en' ? (company.name_en ?? company.name_zh) : company.name_zh,
        buyer_tax_id: company.tax_id ?? clean(input.buyerTaxId),
        buyer_address: clean(input.buyerAddress),
        buyer_phone: clean(input.buyerPhone),
        buyer_bank: clean(input.buyerBank),
        buyer_account: clean(input.buyerAccount),
        email: clean(input.email),
        total,
        tax_total: taxTotal,
        requested_by: p.userId,
        requested_at: toDate(now),
      },
      reqLines,
    );
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'invoice_request',
      objectId: id,
      action: 'invoice.requested',
      stateAfter: 'requested',
      after: {
        type: input.type,
        orders: [...new Set(open.map(({ l }) => l.order_number))],
        total: formatAmount(total, first.currency),
        tax: formatAmount(taxTotal, first.currency),
      },
    });
    const row = await requestInScope(tx, p, id);
    if (!row) throw new Error('invoice request not recorded');
    return row;
  });
}
