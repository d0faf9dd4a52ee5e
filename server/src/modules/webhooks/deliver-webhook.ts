import { newId } from '@kaidan/shared';
import { Webhook } from 'standardwebhooks';
import { type Clock, toDate } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import type { JobRow } from '../../platform/jobs/jobs-store';
import { externalJob, type JobHandler } from '../../platform/jobs/worker';
import { guardedPost } from './guarded-post';
import { type AttemptRecord, deliveryToSend, recordAttempt } from './webhook-store';

/** A receiver gets this long to answer (issue #12). */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** Automatic attempts per delivery; after the last failed one the delivery is `failed` (a replay may follow). */
export const MAX_DELIVERY_ATTEMPTS = 8;
const EXCERPT = 500;

/** Exponential backoff after attempt n (1-based): 5 s, 20 s, 80 s, 5⅓ min, 21 min, 85 min, 5.7 h. */
export const retryDelayMs = (n: number): number => 5_000 * 4 ** (n - 1);

export interface DeliverConfig {
  clock: Clock;
  /** tests shorten it; the server uses DELIVERY_TIMEOUT_MS */
  timeoutMs?: number;
  /** deliver to loopback and private networks too: development and tests only (SSRF, guarded-post.ts) */
  allowPrivate?: boolean;
}

/** The body every endpoint receives (Standard Webhooks' recommended shape). */
export const bodyOf = (type: string, at: Date, data: Record<string, unknown>): string =>
  JSON.stringify({ type, timestamp: at.toISOString(), data });

async function post(url: string, headers: Record<string, string>, body: string, config: DeliverConfig) {
  const started = performance.now();
  const timeoutMs = config.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  try {
    const res = await guardedPost(
      url,
      { 'content-type': 'application/json', 'user-agent': 'Kaidan-Webhooks/1', ...headers },
      body,
      { timeoutMs, allowPrivate: config.allowPrivate ?? false, maxBytes: EXCERPT * 4 },
    );
    return { status: res.status, error: null, excerpt: res.text.slice(0, EXCERPT), started };
  } catch (e) {
    const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
    const error = timedOut ? `timeout after ${timeoutMs} ms` : `${String(e)}${cause}`;
    return { status: null, error: error.slice(0, EXCERPT), excerpt: '', started };
  }
}

/**
 * Job `webhook.deliver` {deliveryId, n, replay?}: one signed POST and its log row. A failed answer does
 * not fail the job — the attempt is logged and the next one scheduled as a job of its own (backoff, at
 * most MAX_DELIVERY_ATTEMPTS), so the log says when. Idempotent: attempt n runs only while the delivery
 * is pending with n − 1 attempts behind it; a replay always sends, with the same `webhook-id`.
 * It takes any executor: it holds no transaction of its own while it waits on the receiver beyond what
 * the worker gives it, and records each attempt in one statement.
 */
export function deliverWebhook(config: DeliverConfig): JobHandler {
  const run = async (ex: Exec, payload: Record<string, unknown>, _job?: JobRow): Promise<void> => {
    const id = typeof payload.deliveryId === 'string' ? payload.deliveryId : '';
    const replay = payload.replay === true;
    const n = typeof payload.n === 'number' ? payload.n : 0;
    const d = await deliveryToSend(ex, id);
    if (!d) return;
    if (!replay && (d.state !== 'pending' || d.attempts !== n - 1 || !d.enabled)) return;
    const now = config.clock.now();
    const at = toDate(now);
    const body = bodyOf(d.event_type, d.event_at, d.payload);
    // Same id on every retry and replay (receivers dedupe on it); a fresh timestamp each time.
    const signature = new Webhook(d.secret).sign(d.event_id, at, body);
    const headers = {
      'webhook-id': d.event_id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': signature,
    };
    const r = await post(d.url, headers, body, config);
    const durationMs = Math.round(performance.now() - r.started);
    const ok = r.status !== null && r.status >= 200 && r.status < 300;
    const rec: AttemptRecord = {
      id: newId('wha', now.epochMilliseconds),
      deliveryId: d.id,
      replay,
      statusCode: r.status,
      error: r.error,
      excerpt: r.excerpt,
      durationMs,
      at: toDate(config.clock.now()),
      state: ok ? 'delivered' : d.state,
      retry: null,
    };
    if (!ok && !replay) {
      if (n >= MAX_DELIVERY_ATTEMPTS) rec.state = 'failed';
      else {
        const next = new Date(rec.at.getTime() + retryDelayMs(n));
        rec.retry = { jobId: newId('job', now.epochMilliseconds), n: n + 1, at: next };
      }
    }
    await recordAttempt(ex, rec);
  };
  // External (issue #11, ADR 0013): the worker runs it on the pool, not inside a transaction held open
  // while the receiver thinks.
  return externalJob(run);
}
