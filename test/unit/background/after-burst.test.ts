// Work after a burst of changes runs one pass at a time, and a burst heard during a pass gets one
// more pass after it (src/background/after-burst.ts). The timers are the test's own (mock timers):
// each burst's timer is known to have fired, so "no second pass yet" is an outcome, not a guess.
import { mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { afterBurst } from '../../../src/background/after-burst';

/** Lets every promise settle (setImmediate is not mocked). */
const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

test('a burst during a pass waits for it, and is followed by exactly one more pass', async () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let inPass = 0;
    let most = 0;
    let passes = 0;
    const ends: (() => void)[] = [];
    const run = afterBurst(
      'test',
      async () => {
        inPass++;
        most = Math.max(most, inPass);
        passes++;
        await new Promise<void>((resolve) => ends.push(resolve));
        inPass--;
      },
      async () => ({}) as never,
    );
    run(10);
    mock.timers.tick(10);
    await flush();
    assert.equal(passes, 1);
    // Two bursts, each over, while the first pass runs: no pass beside it.
    for (let i = 0; i < 2; i++) {
      run(10);
      mock.timers.tick(10);
      await flush();
    }
    assert.equal(passes, 1, 'no second pass while the first runs');
    ends.shift()!();
    await flush();
    assert.equal(passes, 2, 'one more pass once it ends, for both bursts');
    ends.shift()!();
    await flush();
    assert.deepEqual([passes, inPass, most], [2, 0, 1]);
  } finally {
    mock.timers.reset();
  }
});
