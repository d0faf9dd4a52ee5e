import type { EmailLanguage } from '@kaidan/shared';
import { newId } from '@kaidan/shared';
import { sql } from 'kysely';
import { type Clock, toDate } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { enqueueJob } from '../../platform/jobs/jobs-store';

// The only SQL of billing emails: a company's email rendered once, in its language, to its notification
// addresses, plus its outbox job in the same transaction (the email goes out iff the run commits).
export const BILLING_EMAIL_JOB = 'billing.email';

export interface Recipients {
  company_id: string;
  email_language: EmailLanguage;
  emails: string[];
  auto_renew: boolean;
}

/** Where a company's billing emails go: only with notifications on and an address (R38). */
export async function recipientsOf(
  ex: Exec,
  companyIds: readonly string[],
): Promise<Map<string, Recipients>> {
  if (companyIds.length === 0) return new Map();
  const { rows } = await sql<Recipients>`select company_id, email_language, emails, auto_renew
    from billing_configs where company_id = any(${[...companyIds]}::text[]) and notify
      and cardinality(emails) > 0`.execute(ex);
  return new Map(rows.map((r) => [r.company_id, r]));
}

export interface EmailInput {
  companyId: string;
  kind: string;
  language: EmailLanguage;
  recipients: string[];
  subject: string;
  body: string;
}

/** The email and its outbox job; with a `dedupeKey` already used, neither (null): a re-run sends nothing. */
export async function insertEmail(
  ex: Exec,
  clock: Clock,
  e: EmailInput,
  dedupeKey: string | null = null,
): Promise<string | null> {
  const id = newId('bem', clock.now().epochMilliseconds);
  const { rows } = await sql<{ id: string }>`insert into billing_emails (id, company_id, kind, language,
      recipients, subject, body, dedupe_key, created_at)
    values (${id}, ${e.companyId}, ${e.kind}, ${e.language}, ${e.recipients}::text[], ${e.subject}, ${e.body},
      ${dedupeKey}, ${toDate(clock.now())})
    on conflict (dedupe_key) do nothing returning id`.execute(ex);
  if (rows.length === 0) return null;
  await enqueueJob(ex, clock, BILLING_EMAIL_JOB, { emailId: id });
  return id;
}

export interface EmailRow {
  id: string;
  language: EmailLanguage;
  recipients: string[];
  subject: string;
  body: string;
}

export async function emailsById(ex: Exec, ids: readonly string[]): Promise<Map<string, EmailRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<EmailRow>`select id, language, recipients, subject, body from billing_emails
    where id = any(${[...ids]}::text[])`.execute(ex);
  return new Map(rows.map((r) => [r.id, r]));
}

export interface EmailListRow extends EmailRow {
  company_id: string;
  kind: string;
  created_at: Date;
}

/** A company's billing emails, newest first (tests and the CLI's report). */
export async function emailsOf(ex: Exec, companyId: string): Promise<EmailListRow[]> {
  const { rows } = await sql<EmailListRow>`select id, company_id, kind, language, recipients, subject, body,
      created_at from billing_emails where company_id = ${companyId} order by id desc`.execute(ex);
  return rows;
}
