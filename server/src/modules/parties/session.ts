import { Temporal } from 'temporal-polyfill';

// Console sessions slide: each use extends them by IDLE, but never past ABSOLUTE after sign-in, so a
// stolen cookie dies within a week even if it is kept busy. Touching at most every TOUCH_EVERY keeps
// reads from writing on every request.
export const SESSION_COOKIE = 'kaidan_session';
export const IDLE = Temporal.Duration.from({ hours: 12 });
export const ABSOLUTE = Temporal.Duration.from({ hours: 24 * 7 });
export const TOUCH_EVERY = Temporal.Duration.from({ minutes: 5 });
export const API_KEY_PREFIX = 'kd_live_';

export function sessionExpiry(createdAt: Temporal.Instant, now: Temporal.Instant): Temporal.Instant {
  const idle = now.add(IDLE);
  const cap = createdAt.add(ABSOLUTE);
  return Temporal.Instant.compare(idle, cap) < 0 ? idle : cap;
}
