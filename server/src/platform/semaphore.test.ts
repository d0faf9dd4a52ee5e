import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Semaphore } from './semaphore';

describe('S-12 the semaphore bounding argon2 verifications', () => {
  it('S-12 runs at most `size` at once, queues up to `queue`, refuses beyond', async () => {
    const sem = new Semaphore(2, 3);
    let running = 0;
    let peak = 0;
    const release: (() => void)[] = [];
    const work = () =>
      new Promise<number>((resolve) => {
        running++;
        peak = Math.max(peak, running);
        release.push(() => {
          running--;
          resolve(1);
        });
      });
    const runs = Array.from({ length: 6 }, () => sem.run(work));
    const refused = await runs[5];
    assert.equal(refused, null, 'the sixth finds the queue full');
    while (release.length > 0 || running > 0) {
      await new Promise((r) => setImmediate(r));
      release.shift()?.();
    }
    const done = await Promise.all(runs.slice(0, 5));
    assert.deepEqual(
      done.map((d) => d?.value),
      [1, 1, 1, 1, 1],
    );
    assert.equal(peak, 2);
  });
});
