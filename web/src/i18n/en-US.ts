import { baseEn } from './en-US-base';
import * as admin from './parts/admin';
import * as audit from './parts/audit';
import * as billing from './parts/billing';
import * as calendar from './parts/calendar';
import * as dashboard from './parts/dashboard';
import * as desk from './parts/desk';
import * as deviceImports from './parts/device-imports';
import * as devices from './parts/devices';
import * as invoices from './parts/invoices';
import * as lists from './parts/lists';
import * as orderpay from './parts/orderpay';
import * as payments from './parts/payments';
import * as queue from './parts/queue';
import * as records from './parts/records';
import * as refunds from './parts/refunds';
import * as renewals from './parts/renewals';
import * as requests from './parts/requests';
import * as shell from './parts/shell';
import * as webhooks from './parts/webhooks';
import type { MessageKey } from './zh-CN';

export const enUS: Record<MessageKey, string> = {
  ...baseEn,
  ...admin.en,
  ...audit.en,
  ...calendar.en,
  ...dashboard.en,
  ...desk.en,
  ...invoices.en,
  ...devices.en,
  ...lists.en,
  ...orderpay.en,
  ...payments.en,
  ...queue.en,
  ...refunds.en,
  ...requests.en,
  ...shell.en,
  ...webhooks.en,
  ...deviceImports.en,
  ...billing.en,
  ...records.en,
  ...renewals.en,
};
