import { REMINDER_DAYS } from '@kaidan/shared';
import { transact } from '../../platform/db/transact';
import type { DailyStep } from './daily-step';
import { insertEmail, recipientsOf } from './email-store';
import { renderReminder } from './reminder-email';
import { claimDueReminders, type DueReminder, linkReminders } from './reminder-store';

/**
 * Step `reminders`: devices expiring 30, 7 and 1 days after the day, active only, of companies with
 * notifications on — ONE email per company and threshold listing its devices, in the company's language,
 * to all its emails, through the outbox. The reminder keys make a re-run of the day send nothing again.
 */
export const expiryReminders: DailyStep = {
  name: 'reminders',
  run: (deps, day) =>
    transact(deps.database.db, async (tx) => {
      const clock = deps.clock;
      const due = await claimDueReminders(tx, day, REMINDER_DAYS);
      const groups = new Map<string, DueReminder[]>();
      for (const r of due) {
        const key = `${r.company_id}\u0000${r.days_before}`;
        const g = groups.get(key) ?? [];
        g.push(r);
        groups.set(key, g);
      }
      const to = await recipientsOf(tx, [...new Set(due.map((r) => r.company_id))]);
      let emails = 0;
      for (const devices of groups.values()) {
        const first = devices[0];
        const rcpt = first ? to.get(first.company_id) : undefined;
        if (!first || !rcpt) continue;
        // no dedupe key: the reminder keys just claimed make this email new by construction
        const { subject, body } = renderReminder(
          rcpt.email_language,
          rcpt.auto_renew,
          first.days_before,
          devices,
        );
        const id = await insertEmail(tx, clock, {
          companyId: first.company_id,
          kind: 'expiry_reminder',
          language: rcpt.email_language,
          recipients: rcpt.emails,
          subject,
          body,
        });
        if (!id) continue;
        await linkReminders(
          tx,
          id,
          devices.map((d) => d.device_id),
          first.days_before,
          day,
        );
        emails += 1;
      }
      return { reminders: due.length, emails };
    }),
};
