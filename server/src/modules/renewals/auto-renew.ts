import type { Currency } from '@kaidan/shared';
import type { Temporal } from 'temporal-polyfill';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { type Principal, systemPrincipal } from '../../platform/principal';
import { chargeWallet, deliverRenewal } from './deliver-renewal';
import { recordRenewal } from './place-renewal';
import { priceRenewal } from './price-renewal';
import { type DeviceOrderRow, RENEWAL_PAY_WINDOW } from './renewal';
import { devicesDueForAutoRenew } from './renewal-store';

/** How many days before expiry the daily job renews a device of a company with auto-renew on (R38). */
export const AUTO_RENEW_LEAD_DAYS = 7;

export interface AutoRenewal {
  currency: Currency;
  deviceCount: number;
  /** the paid order, or null when it was refused */
  order: DeviceOrderRow | null;
  /** why it was refused (R13 a short balance names the numbers), for the job to notify the company */
  refusal: AppError | null;
}

/**
 * R38 auto-renew, one company and day: its own active, bound devices that expire within the lead days and
 * are on no open order are renewed by `months`, one order per currency, placed, delivered and paid from
 * the company's wallet in one transaction (wallet last). A short balance rolls that order back and is
 * answered as a refusal, not thrown, so the job notifies and goes on. Re-running the day renews nothing
 * twice: a renewed device expires past the window.
 */
export async function autoRenewCompany(
  deps: Deps,
  companyId: string,
  day: Temporal.PlainDate,
  months: number,
): Promise<AutoRenewal[]> {
  const now = toDate(deps.clock.now());
  const due = await devicesDueForAutoRenew(
    deps.database.db,
    companyId,
    day.toString(),
    day.add({ days: AUTO_RENEW_LEAD_DAYS }).toString(),
    now,
  );
  const byCurrency = new Map<Currency, string[]>();
  for (const d of due) {
    const list = byCurrency.get(d.currency) ?? [];
    if (list.length === 0) byCurrency.set(d.currency, list);
    list.push(d.id);
  }
  const job: Principal = { ...systemPrincipal('job'), companyId };
  const out: AutoRenewal[] = [];
  for (const [currency, deviceIds] of byCurrency) {
    try {
      const order = await transact(deps.database.db, async (tx) => {
        const priced = await priceRenewal(tx, job, { deviceIds, months }, now, {
          quotedAt: null,
          locked: true,
        });
        const placed = await recordRenewal(tx, deps, job, companyId, priced, 'auto_renew', {
          payment_method: 'wallet',
          payment_due_at: toDate(deps.clock.now().add(RENEWAL_PAY_WINDOW)),
        });
        await deliverRenewal(tx, deps.clock, job, placed, 'wallet', null);
        await chargeWallet(tx, deps.clock, placed, `${placed.number} auto-renew`);
        return { ...placed, state: 'paid' as const };
      });
      out.push({ currency, deviceCount: deviceIds.length, order, refusal: null });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out.push({ currency, deviceCount: deviceIds.length, order: null, refusal: e });
    }
  }
  return out;
}
