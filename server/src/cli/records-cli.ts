import { parseArgs } from 'node:util';
import { BillingOrderQuery, DeviceOrderQuery, TopupRecordQuery } from '@kaidan/shared/contracts/records';
import { toCsv } from '../http/export';
import { principalOfUser } from '../modules/parties';
import { exportBillingOrders, exportDeviceOrders, exportTopupRecords } from '../modules/records';
import {
  BILLING_ORDER_HEADER,
  billingOrderCsvRow,
  DEVICE_ORDER_HEADER,
  deviceOrderCsvRow,
  TOPUP_RECORD_HEADER,
  topupRecordCsvRow,
} from '../modules/records/records-present';
import type { Deps } from '../platform/deps';
import { AppError } from '../platform/errors';

const USAGE = `kaidan records device-orders|billing-orders|topups [--company <id>] [--depth direct|all] [--partner <id>]
  [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--state <s>] [--method <m>] [--currency CNY|USD] [--source <s>]
  [--type topup|renewal|value_added] [--channel online|offline] [--sort <col>] --as <email>`;

/**
 * R39 exports from a terminal: the same filtered list as the console's export, as CSV on stdout, read as
 * the named user (its scope and role apply: finance's billing orders refuse anyone else).
 */
export async function recordsCli(deps: Deps, argv: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: Object.fromEntries(
      [
        'as',
        'company',
        'depth',
        'partner',
        'from',
        'to',
        'state',
        'method',
        'currency',
        'source',
        'type',
        'channel',
        'sort',
      ].map((k) => [k, { type: 'string' as const }]),
    ),
  });
  const [list] = positionals;
  const p = values.as ? await principalOfUser(deps.database.db, { email: String(values.as) }, 'cli') : null;
  if (!p) {
    out(`--as must name an active user\n${USAGE}`);
    return 2;
  }
  const raw = {
    companyId: values.company,
    depth: values.depth,
    partnerId: values.partner,
    from: values.from,
    to: values.to,
    state: values.state,
    paymentMethod: values.method,
    currency: values.currency,
    source: values.source,
    type: values.type,
    channel: values.channel,
    sort: values.sort,
  };
  const csv = (header: string[], rows: unknown[][]) => {
    out(
      toCsv(header, rows)
        .replace(/^\uFEFF/, '')
        .trimEnd(),
    );
    return 0;
  };
  try {
    if (list === 'device-orders') {
      const q = DeviceOrderQuery.omit({ after: true, limit: true }).strip().safeParse(raw);
      if (!q.success) return bad(out, q.error.message);
      const { companyId, depth, ...f } = q.data;
      const rows = await exportDeviceOrders(deps, p, { companyId, depth }, f);
      return csv(DEVICE_ORDER_HEADER, rows.map(deviceOrderCsvRow));
    }
    if (list === 'billing-orders') {
      const q = BillingOrderQuery.omit({ after: true, limit: true }).strip().safeParse(raw);
      if (!q.success) return bad(out, q.error.message);
      const { companyId, depth, ...f } = q.data;
      const rows = await exportBillingOrders(deps, p, { companyId, depth }, f);
      return csv(BILLING_ORDER_HEADER, rows.map(billingOrderCsvRow));
    }
    if (list === 'topups') {
      const q = TopupRecordQuery.omit({ after: true, limit: true }).strip().safeParse(raw);
      if (!q.success) return bad(out, q.error.message);
      const { companyId, depth, ...f } = q.data;
      const rows = await exportTopupRecords(deps, p, { companyId, depth }, f);
      return csv(TOPUP_RECORD_HEADER, rows.map(topupRecordCsvRow));
    }
    out(USAGE);
    return 2;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    out(`${e.code}: ${e.text.zh} / ${e.text.en}`);
    return 1;
  }
}

function bad(out: (line: string) => void, message: string): number {
  out(`${message}\n${USAGE}`);
  return 2;
}
