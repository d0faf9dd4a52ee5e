import type { EmailLanguage } from '@kaidan/shared';
import type { Clock } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { externalBatchJob, type JobHandler } from '../../platform/jobs/worker';
import type { Mailer } from '../../platform/mailer';
import { type EmailRow, emailsById, insertEmail, recipientsOf } from './email-store';

export interface BillingEmailConfig {
  mailer: Mailer;
  /** Where the console is reachable; the email links to it. */
  publicUrl: string;
}

export interface Rendered {
  subject: string;
  body: string;
}

/**
 * A billing email to a company, in its configured language, to all of its notification emails, through
 * the outbox (R38). Nothing when the company has no configuration, notifications off or no address — the
 * returned null says so — as it does when `dedupeKey` was used before (e.g. `auto_renew_refused:<company>:<day>`),
 * so a re-run of the day emails nothing twice. Exported for the daily job's other steps (auto-renew refused
 * for a short balance).
 */
export async function queueCompanyEmail(
  ex: Exec,
  clock: Clock,
  companyId: string,
  kind: string,
  render: (language: EmailLanguage, autoRenew: boolean) => Rendered,
  dedupeKey: string | null = null,
): Promise<string | null> {
  const to = (await recipientsOf(ex, [companyId])).get(companyId);
  if (!to) return null;
  const { subject, body } = render(to.email_language, to.auto_renew);
  return insertEmail(
    ex,
    clock,
    {
      companyId,
      kind,
      language: to.email_language,
      recipients: to.emails,
      subject,
      body,
    },
    dedupeKey,
  );
}

const idOf = (payload: Record<string, unknown>): string =>
  typeof payload.emailId === 'string' ? payload.emailId : '';

const linkLine = (e: EmailRow, publicUrl: string): string => {
  const url = `${publicUrl.replace(/\/+$/, '')}/billing`;
  return e.language === 'en-US' ? `Open: ${url}` : `查看：${url}`;
};

/**
 * Job `billing.email`: one message to all of the company's addresses (one email per company, as seed
 * 003's 推送邮箱 are one team's inboxes). External and batched like `notification.email`: no transaction
 * is held while the SMTP server answers; a refusal retries the job with backoff.
 */
export function sendBillingEmail(config: BillingEmailConfig): JobHandler {
  return externalBatchJob<EmailRow>({
    async load(ex, jobs) {
      const found = await emailsById(
        ex,
        jobs.map((j) => idOf(j.payload)),
      );
      const byJob = new Map<string, EmailRow>();
      for (const j of jobs) {
        const e = found.get(idOf(j.payload));
        if (e) byJob.set(j.id, e);
      }
      return byJob;
    },
    async send(e) {
      if (!e || e.recipients.length === 0) return;
      await config.mailer.send({
        to: e.recipients.join(', '),
        subject: e.subject,
        text: `${e.body}\n${linkLine(e, config.publicUrl)}\n`,
      });
    },
  });
}
