// Issue #11 meets #12: the auto-approved order path must not pay a statement for webhooks nobody
// registered (http/order-statements.test.ts, MAX_STATEMENTS). emitEvent skips its one statement while
// this process knows there is no enabled endpoint at all; every emission answers the current count, a
// registration or re-enabling in this process clears the verdict at once, and it expires after
// EMPTY_TTL_MS so an endpoint registered by another process is seen within that bound (ADR 0016).

export const EMPTY_TTL_MS = 5_000;

let emptyUntil = 0;

/** True while an earlier emission in this process found no enabled endpoint, not longer ago than the TTL. */
export function knownEmpty(): boolean {
  return performance.now() < emptyUntil;
}

/** What an emission learnt: the number of enabled endpoints when its statement ran. */
export function sawEndpoints(count: number): void {
  emptyUntil = count === 0 ? performance.now() + EMPTY_TTL_MS : 0;
}

/** An endpoint was registered or enabled here: the next event must look again. */
export function endpointsChanged(): void {
  emptyUntil = 0;
}
