import { z } from 'zod';
import { BILLING_CYCLES, DEVICE_DEPTHS, EMAIL_LANGUAGES } from '../vocabulary';
import { Amount, CurrencyCode, Id, IsoDate, LIST_SORTS, ListQuery, sortOf } from './common';

// Billing account configuration (R38) and statements (R46) on the wire (issue #13, seed 003 账户配置).
// Emails are checked by the server's rules so a refusal names each bad address in zh and en.
export const BillingCycle = z.enum(BILLING_CYCLES);
export const EmailLanguage = z.enum(EMAIL_LANGUAGES);

/** The settings of one company (出账周期, 自动续费, 是否推送, 推送邮件语言, 推送邮箱). */
export const BillingSettings = z.object({
  billingCycle: BillingCycle,
  autoRenew: z.boolean(),
  notify: z.boolean(),
  emailLanguage: EmailLanguage,
  emails: z.array(z.string().max(254)).max(10).describe('notification emails, at most 10'),
});

/** A company in scope with its configuration, or `configured: false` and nulls when it has none. */
export const BillingConfig = z.object({
  companyId: z.string(),
  companyName: z.string(),
  parentId: z.string().nullable(),
  configured: z.boolean(),
  billingCycle: BillingCycle.nullable(),
  autoRenew: z.boolean().nullable(),
  notify: z.boolean().nullable(),
  emailLanguage: EmailLanguage.nullable(),
  emails: z.array(z.string()),
  updatedAt: z.string().nullable(),
  version: z.number().int().nullable(),
});

export const BillingConfigQuery = ListQuery.omit({ from: true, to: true }).extend({
  companyId: Id.optional().describe('the company to look from; default your own (or your whole scope)'),
  depth: z.enum(DEVICE_DEPTHS).default('all').describe('direct: that company alone; all: with subsidiaries'),
  configured: z.enum(['true', 'false']).optional(),
  sort: sortOf(LIST_SORTS.billingConfigs, 'name'),
});

/** PUT creates (no version) or replaces (the version read) one company's configuration. */
export const BillingConfigPut = BillingSettings.extend({
  version: z.number().int().optional().describe('required when the company already has a configuration'),
});
export const VersionQuery = z.object({ version: z.coerce.number().int() });

/** 配置所选公司: the same settings for several companies at once, all or nothing. */
export const BillingConfigBatch = z.object({
  companyIds: z.array(Id).min(1).max(500),
  settings: BillingSettings,
});
export const BillingConfigBatchResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

/** One currency of a statement: opening + top-ups + refunds − payments + other = closing. */
export const StatementBalance = z.object({
  currency: CurrencyCode,
  opening: Amount,
  topups: Amount,
  payments: Amount,
  refunds: Amount,
  other: Amount,
  closing: Amount,
});
export const StatementLine = z.object({
  date: IsoDate,
  kind: z.string().describe('order, renewal, topup, payment or refund'),
  reference: z.string(),
  description: z.string(),
  currency: CurrencyCode,
  amount: Amount,
  devices: z.number().int().nullable(),
  months: z.number().int().nullable(),
});
export const BillingStatement = z.object({
  id: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  billingCycle: BillingCycle,
  periodStart: IsoDate,
  periodEnd: IsoDate,
  balances: z.array(StatementBalance),
  lines: z.array(StatementLine),
  createdAt: z.string(),
});
export const BillingStatementQuery = ListQuery.omit({ q: true }).extend({
  companyId: Id.optional(),
  depth: z.enum(DEVICE_DEPTHS).default('all'),
  sort: sortOf(LIST_SORTS.billingStatements, '-period'),
});

/** `kaidan billing run` and the job: what each step of a day made. */
export const BillingRunResult = z.object({
  day: IsoDate,
  steps: z.array(z.object({ step: z.string(), created: z.record(z.string(), z.number()) })),
});
