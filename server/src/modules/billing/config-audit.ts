import type { BillingSettings } from './billing';
import type { ConfigRow } from './billing-store';

/** The trail's before/after of a configuration (R40): its settings, or null when it had none. */
export function settingsOf(r: ConfigRow): BillingSettings | null {
  if (r.billing_cycle === null || r.email_language === null) return null;
  return {
    billingCycle: r.billing_cycle,
    autoRenew: r.auto_renew ?? false,
    notify: r.notify ?? false,
    emailLanguage: r.email_language,
    emails: r.emails ?? [],
  };
}

export const AUDIT_TYPE = 'billing_config';
