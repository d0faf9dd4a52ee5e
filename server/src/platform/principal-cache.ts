import type { Role } from './principal';

// Issue #11: every API request began with the key lookup, a join of api_keys and users that changes
// rarely. The cache keeps that row per credential hash in the process (ADR 0011). Three things keep it
// honest: each write that changes what a credential resolves to drops the user's entries here after it
// commits (`afterCommit`) and, through a trigger's NOTIFY, in every other process (principal-watch.ts); an
// entry older than MAX_AGE_MS is read again whatever happened; and while the NOTIFY connection is down the
// cache is off, so a missed notification cannot keep a revoked key alive.

/** Safety net: an entry is read again after this long even if no invalidation arrived. */
export const MAX_AGE_MS = 60_000;
/** Bound on entries (least recently used leaves first): one row is a few hundred bytes. */
export const MAX_ENTRIES = 10_000;

/** What a credential resolves to, as its store reads it; `expires_at` is judged on every use. */
export interface CachedCredential {
  credential_id: string;
  user_id: string;
  roles: Role[];
  partner_id: string | null;
  company_id: string | null;
  last_seen_at: Date | null;
  created_at: Date;
  expires_at: Date | null;
}

interface Entry {
  row: CachedCredential;
  loadedAt: number;
}

/** A read's ticket: an entry is only stored if nothing was invalidated since the read began. */
export type Ticket = number & { readonly ticket: unique symbol };

export interface PrincipalCacheOptions {
  /** False until a watcher reports that invalidations from other processes arrive (principal-watch.ts). */
  enabled?: boolean;
  maxAgeMs?: number;
  maxEntries?: number;
  /** Monotonic milliseconds for the max age (tests step it; the business clock may be moved). */
  now?: () => number;
}

export class PrincipalCache {
  // A Map iterates in insertion order; re-inserting on a hit makes the first key the least recently used.
  readonly #entries = new Map<string, Entry>();
  #generation = 0;
  #enabled: boolean;
  readonly #maxAge: number;
  readonly #max: number;
  readonly #now: () => number;

  constructor(o: PrincipalCacheOptions = {}) {
    this.#enabled = o.enabled ?? true;
    this.#maxAge = o.maxAgeMs ?? MAX_AGE_MS;
    this.#max = o.maxEntries ?? MAX_ENTRIES;
    this.#now = o.now ?? (() => performance.now());
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): CachedCredential | undefined {
    if (!this.#enabled) return undefined;
    const e = this.#entries.get(key);
    if (!e) return undefined;
    this.#entries.delete(key);
    if (this.#now() - e.loadedAt >= this.#maxAge) return undefined;
    this.#entries.set(key, e);
    return e.row;
  }

  /** Taken before the database read whose row `put` may store. */
  ticket(): Ticket {
    return this.#generation as Ticket;
  }

  /**
   * Stores a row read under `ticket`, unless an invalidation came in between: that read may have seen
   * the row from before the change (or before the watcher was listening) and must not outlive it.
   */
  put(key: string, row: CachedCredential, ticket: Ticket): void {
    if (!this.#enabled || ticket !== this.#generation) return;
    this.#entries.delete(key);
    this.#entries.set(key, { row, loadedAt: this.#now() });
    if (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
  }

  /** The entry has gone stale (expired session, say): the next use reads again. */
  delete(key: string): void {
    this.#entries.delete(key);
  }

  /** Drops every credential of the user: its key revoked, its roles, party or state changed, signed out. */
  dropUser(userId: string): void {
    this.#generation += 1;
    for (const [key, e] of this.#entries) if (e.row.user_id === userId) this.#entries.delete(key);
  }

  clear(): void {
    this.#generation += 1;
    this.#entries.clear();
  }

  /** Off (and empty) while invalidations from other processes might be missed; on again once they arrive. */
  setEnabled(on: boolean): void {
    this.clear();
    this.#enabled = on;
  }
}
