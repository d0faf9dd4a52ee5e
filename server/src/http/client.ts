import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { HttpConfig } from './env';

/**
 * The client's address for throttling. Behind a trusted proxy it is the last X-Forwarded-For entry (the
 * one our proxy appended; earlier entries are the client's own claims); otherwise the socket's peer.
 * Requests without a socket (app.request in tests) count as 'unknown'.
 */
export function clientAddress(c: Context, config: HttpConfig = {}): string {
  if (config.trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    const last = hops.at(-1);
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Whether the console is served over https, so the session cookie is Secure: decided by configuration
 * (PUBLIC_URL), and by X-Forwarded-Proto only when the proxy that sets it is trusted.
 */
export function servedOverHttps(c: Context, config: HttpConfig = {}): boolean {
  if (config.publicUrl?.startsWith('https:')) return true;
  if (config.trustProxy && c.req.header('x-forwarded-proto') === 'https') return true;
  return new URL(c.req.url).protocol === 'https:' && !config.publicUrl;
}
