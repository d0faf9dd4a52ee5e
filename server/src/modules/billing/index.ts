// Billing (issue #13, R38, R46, seed 003 账户配置 / 收费账户配置): each company's billing account
// configuration (cycle, auto-renew, notifications, email language, emails) within the company scope, and
// the daily renewal job `billing.daily` — expiry reminders through the outbox and the statement of each
// closed period. Other modules add steps to the job (`DailyStep`) and email a company (`queueCompanyEmail`).

export { type BillingSettings, closedPeriodOn, periodStartOf } from './billing';
export { type BillingEmailConfig, queueCompanyEmail, sendBillingEmail } from './billing-email';
export { autoRenewCompanies } from './billing-store';
export { type ConfigureResult, configureCompanies } from './configure-companies';
export {
  BILLING_DAILY_JOB,
  BILLING_STEPS,
  billingDailyJob,
  type DayResult,
  nextRunAt,
  runBillingDay,
  scheduleBillingDaily,
} from './daily-job';
export type { DailyStep } from './daily-step';
export { deleteBillingConfig } from './delete-billing-config';
export { BILLING_EMAIL_JOB, emailsOf } from './email-store';
export { expiryReminders } from './expiry-reminders';
export { makeStatements } from './make-statements';
export { type PutConfigInput, putBillingConfig } from './put-billing-config';
export { runBillingDayNow } from './run-billing-day';
export { runsOf } from './run-store';
export { movedTo, type StatementRow } from './statement';
export { viewBillingConfig, viewBillingConfigs } from './view-billing-configs';
export { statementFile, viewStatement, viewStatements } from './view-statements';
