import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** The port use cases send email through; the wiring root picks the implementation. */
export interface Mailer {
  /** Resolves once the SMTP server accepted the message; rejects on any refusal so the job retries. */
  send(message: MailMessage): Promise<void>;
  /** Closes open SMTP connections (at shutdown). */
  close?(): void;
}

export const DEFAULT_MAIL_FROM = 'Kaidan <no-reply@kaidan.local>';

/** SMTP connections the pool keeps open at most (the worker sends up to its concurrency at a time). */
export const SMTP_POOL_CONNECTIONS = 8;
/** An idle pooled connection is closed after this long: kept across a burst, not held open for nothing. */
export const SMTP_POOL_IDLE_MS = 1000;

/**
 * nodemailer over SMTP, e.g. `smtp://127.0.0.1:2525` or `smtps://user:pass@mail.example.com`. Pooled
 * (issue #11): a message reuses an open connection instead of a TCP + EHLO (+ TLS, AUTH) handshake each.
 */
export function smtpMailer(url: string, from = DEFAULT_MAIL_FROM): Mailer {
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: SMTP_POOL_CONNECTIONS,
    idleTimeout: SMTP_POOL_IDLE_MS,
  });
  return {
    close: () => transport.close(),
    async send(m) {
      // Quoted-printable keeps Chinese text readable in raw mail logs and is what receivers expect.
      await transport.sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        textEncoding: 'quoted-printable',
      });
    },
  };
}

/** Without SMTP configured the job still completes: the email is logged and dropped, never queued forever. */
export function loggingMailer(log: Pick<Logger, 'info'>): Mailer {
  return {
    async send(m) {
      log.info({ to: m.to, subject: m.subject }, 'SMTP_URL is not set; email dropped');
    },
  };
}

export function mailerFromEnv(env: NodeJS.ProcessEnv, log: Pick<Logger, 'info'>): Mailer {
  return env.SMTP_URL ? smtpMailer(env.SMTP_URL, env.MAIL_FROM || DEFAULT_MAIL_FROM) : loggingMailer(log);
}
