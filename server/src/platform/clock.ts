import { Temporal } from 'temporal-polyfill';

export const BUSINESS_ZONE = 'Asia/Shanghai';

// Domain code never reads the system time; it asks the injected clock, which tests move.
export interface Clock {
  now(): Temporal.Instant;
}

export const systemClock: Clock = { now: () => Temporal.Now.instant() };

export class FakeClock implements Clock {
  #now: Temporal.Instant;
  constructor(start: string | Temporal.Instant = '2026-11-20T02:00:00Z') {
    this.#now = typeof start === 'string' ? Temporal.Instant.from(start) : start;
  }
  now(): Temporal.Instant {
    return this.#now;
  }
  set(at: string): void {
    this.#now = Temporal.Instant.from(at);
  }
  advance(d: Temporal.DurationLike): void {
    this.#now = this.#now.toZonedDateTimeISO(BUSINESS_ZONE).add(d).toInstant();
  }
}

/** The business date (Asia/Shanghai) of an instant. */
export function businessDate(at: Temporal.Instant): Temporal.PlainDate {
  return at.toZonedDateTimeISO(BUSINESS_ZONE).toPlainDate();
}

export function today(clock: Clock): Temporal.PlainDate {
  return businessDate(clock.now());
}

export function toDate(at: Temporal.Instant): Date {
  return new Date(at.epochMilliseconds);
}
