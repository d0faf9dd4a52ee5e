/**
 * At most `size` holders at a time and at most `queue` waiting; `acquire` answers null when the queue is
 * full so the caller can refuse at once instead of piling up work (e.g. argon2 verifications, which are
 * CPU- and memory-bound).
 */
export class Semaphore {
  #free: number;
  readonly #waiting: Array<() => void> = [];
  constructor(
    size: number,
    private readonly queue: number,
  ) {
    this.#free = size;
  }

  async run<T>(work: () => Promise<T>): Promise<{ value: T } | null> {
    if (this.#free > 0) this.#free -= 1;
    else if (this.#waiting.length >= this.queue) return null;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return { value: await work() };
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free += 1;
    }
  }
}
