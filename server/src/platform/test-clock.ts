import { Temporal } from 'temporal-polyfill';
import { BUSINESS_ZONE, type Clock } from './clock';
import type { Db } from './db/database';
import { AppError, invalid } from './errors';
import { loadTestClockOffset, saveTestClockOffset } from './test-clock-store';

/**
 * S-18, like Kill Bill's and Stripe's test clocks: real time plus an offset an admin moves forward, so the
 * server, its use cases and its jobs all see the moved time while it keeps flowing. Never backwards: rows
 * already written (ledger lines, audit, sessions, deadlines) would otherwise lie in the future.
 */
export class TestClock implements Clock {
  #offsetMs = 0;
  constructor(
    private readonly real: Clock,
    private readonly db: Db,
  ) {}

  now(): Temporal.Instant {
    return this.real.now().add({ milliseconds: this.#offsetMs });
  }

  realNow(): Temporal.Instant {
    return this.real.now();
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }

  /** Picks up the offset kept by an earlier run. */
  async load(): Promise<void> {
    this.#offsetMs = await loadTestClockOffset(this.db);
  }

  async set(at: Temporal.Instant): Promise<void> {
    const now = this.now();
    if (Temporal.Instant.compare(at, now) < 0) throw backwards('now', now);
    await this.#moveBy(at.epochMilliseconds - now.epochMilliseconds);
  }

  /** Calendar units (P1M, P3D) are added in Asia/Shanghai, as the business reads them. */
  async advance(by: Temporal.Duration): Promise<void> {
    if (by.sign < 0) throw backwards('advance', this.now());
    const now = this.now();
    let to: Temporal.Instant;
    try {
      to = now.toZonedDateTimeISO(BUSINESS_ZONE).add(by).toInstant();
    } catch {
      throw invalid('advance', 'TEST_CLOCK_OUT_OF_RANGE', {
        zh: '时长超出可表示的时间范围',
        en: 'The duration goes beyond the representable time',
      });
    }
    await this.#moveBy(to.epochMilliseconds - now.epochMilliseconds);
  }

  async #moveBy(ms: number): Promise<void> {
    const next = this.#offsetMs + ms;
    await saveTestClockOffset(this.db, next, new Date(this.real.now().epochMilliseconds));
    this.#offsetMs = next;
  }
}

const backwards = (field: string, now: Temporal.Instant) =>
  new AppError({
    status: 422,
    code: 'TEST_CLOCK_BACKWARDS',
    message: {
      zh: `测试时钟只能向前拨（当前 ${now.toString()}）`,
      en: `The test clock only moves forward (it is ${now.toString()})`,
    },
    fields: [
      {
        field,
        code: 'TEST_CLOCK_BACKWARDS',
        message: { zh: '不能早于当前测试时间', en: 'must not be before the test clock’s now' },
      },
    ],
    fixes: [
      {
        zh: '要回到更早的时间，请用新的数据库重新开始',
        en: 'To go back in time, start again on a fresh database',
      },
    ],
    details: { now: now.toString() },
  });
