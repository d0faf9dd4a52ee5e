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
import { baseZh } from './zh-CN-base';

// Chinese is the console's first language. Each area keeps its messages in `parts/`, both languages side by side.
export const zhCN = {
  ...baseZh,
  ...admin.zh,
  ...audit.zh,
  ...calendar.zh,
  ...dashboard.zh,
  ...desk.zh,
  ...invoices.zh,
  ...devices.zh,
  ...lists.zh,
  ...orderpay.zh,
  ...payments.zh,
  ...queue.zh,
  ...refunds.zh,
  ...requests.zh,
  ...shell.zh,
  ...webhooks.zh,
  ...deviceImports.zh,
  ...billing.zh,
  ...records.zh,
  ...renewals.zh,
};
export type MessageKey = keyof typeof zhCN;
