import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';

// The only SQL of expiry reminders: one key per (device, expiry, days before), so a day run twice, or a
// device already reminded under another run, is never reminded again for the same expiry and threshold.

export interface DueReminder {
  device_id: string;
  device_no: string;
  type: string;
  expires_on: string;
  days_before: number;
  company_id: string;
  company_name: string;
  package_name: string | null;
}

/**
 * Records the reminders due on `day` and returns only the ones this call recorded: active devices
 * expiring `days` after `day`, of companies with notifications on and an address. One statement; a
 * concurrent run waits on the keys and then finds nothing new.
 */
export async function claimDueReminders(
  ex: Exec,
  day: string,
  days: readonly number[],
): Promise<DueReminder[]> {
  const thresholds = sql.join(days.map((d) => sql`(${d}::int)`));
  const { rows } = await sql<DueReminder>`with due as (
      select d.id, d.expires_on, t.days, d.company_id
      from billing_configs b
      join devices d on d.company_id = b.company_id and d.state = 'active'
      join (values ${thresholds}) as t (days) on d.expires_on = ${day}::date + t.days
      where b.notify and cardinality(b.emails) > 0),
    ins as (insert into billing_reminders (device_id, expires_on, days_before, company_id, day)
      select id, expires_on, days, company_id, ${day}::date from due
      on conflict do nothing
      returning device_id, expires_on, days_before, company_id)
    select ins.device_id, d.device_no, d.type, ins.expires_on, ins.days_before, ins.company_id,
      c.name_zh as company_name, p.name_zh as package_name
    from ins join devices d on d.id = ins.device_id join companies c on c.id = ins.company_id
      left join device_packages p on p.id = d.renewal_package_id
    order by ins.company_id, ins.days_before, d.device_no`.execute(ex);
  return rows;
}

export async function linkReminders(
  ex: Exec,
  emailId: string,
  deviceIds: readonly string[],
  daysBefore: number,
  day: string,
): Promise<void> {
  await sql`update billing_reminders set email_id = ${emailId}
    where device_id = any(${[...deviceIds]}::text[]) and days_before = ${daysBefore}
      and expires_on = ${day}::date + ${daysBefore}::int`.execute(ex);
}
