import { externalBatchJob, type JobHandler } from '../../platform/jobs/worker';
import type { Mailer, MailMessage } from '../../platform/mailer';
import { type NotificationEmailRow, notificationsForEmail } from './notification-store';

export interface EmailConfig {
  mailer: Mailer;
  /** Where the console is reachable, e.g. `https://kaidan.example.com`; links in emails point there. */
  publicUrl: string;
}

export const DEFAULT_PUBLIC_URL = 'http://localhost:3000';

const REF_LABEL: Record<string, { zh: string; en: string }> = {
  order: { zh: '订单', en: 'Order' },
  request: { zh: '申请', en: 'Request' },
};

/** The console page a notification points at: the order itself, or the review queue for requests. */
function linkOf(publicUrl: string, n: Pick<NotificationEmailRow, 'ref_type' | 'ref_id'>): string {
  const base = publicUrl.replace(/\/+$/, '');
  if (n.ref_type === 'order') return `${base}/orders/${encodeURIComponent(n.ref_id)}`;
  if (n.ref_type === 'request') return `${base}/queue`;
  return base;
}

/** A short plain-text email in the recipient's language (DESIGN §2: zh-CN and en-US). */
export function renderNotificationEmail(n: NotificationEmailRow, publicUrl: string): MailMessage {
  const label = REF_LABEL[n.ref_type] ?? { zh: n.ref_type, en: n.ref_type };
  const link = linkOf(publicUrl, n);
  if (n.locale === 'en-US') {
    return {
      to: n.email,
      subject: `[Kaidan] ${n.title_en}`,
      text: `Hello ${n.name},\n\n${n.title_en}\n\n${label.en}: ${n.ref_id}\nOpen: ${link}\n\n— Kaidan\n`,
    };
  }
  return {
    to: n.email,
    subject: `[开单 Kaidan] ${n.title_zh}`,
    text: `${n.name}，您好：\n\n${n.title_zh}\n\n${label.zh}：${n.ref_id}\n查看：${link}\n\n—— 开单 Kaidan\n`,
  };
}

const notificationIdOf = (payload: Record<string, unknown>): string =>
  typeof payload.notificationId === 'string' ? payload.notificationId : '';

/**
 * Job `notification.email`: sends one notification by email. A refusal by the SMTP server throws, so
 * the worker retries with backoff; a recipient disabled since the decision gets nothing. External and
 * batched (issue #11): one read for a claimed batch's notifications, outside any transaction, and no
 * connection held while the SMTP server answers.
 */
export function sendNotificationEmail(config: EmailConfig): JobHandler {
  return externalBatchJob<NotificationEmailRow>({
    async load(ex, jobs) {
      const found = await notificationsForEmail(
        ex,
        jobs.map((j) => notificationIdOf(j.payload)),
      );
      const byJob = new Map<string, NotificationEmailRow>();
      for (const j of jobs) {
        const n = found.get(notificationIdOf(j.payload));
        if (n) byJob.set(j.id, n);
      }
      return byJob;
    },
    async send(n) {
      if (n?.state !== 'active' || !n.email.trim()) return;
      await config.mailer.send(renderNotificationEmail(n, config.publicUrl));
    },
  });
}
