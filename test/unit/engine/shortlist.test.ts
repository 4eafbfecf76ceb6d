// The short list of candidate stories is chosen without sorting every story a query reached: it
// must be exactly what the stable sort it replaced chose, ties included (the clusterer's stories
// depend on which candidates are scored in full, and in what order).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { shortlist } from '../../../src/engine/top-k';

test('shortlist is the stable sort by value, largest first, cut to k', () => {
  // Few distinct values, so that ties are common.
  const values = fc.array(fc.integer({ min: 0, max: 6 }).map((v) => v / 4), { maxLength: 200 });
  fc.assert(
    fc.property(values, fc.integer({ min: 1, max: 30 }), (vs, k) => {
      const items = vs.map((v, i): [number, number] => [i, v]);
      const want = [...items].sort((a, b) => b[1] - a[1]).slice(0, k);
      assert.deepEqual(shortlist(items, k), want);
    }),
    { numRuns: 500 },
  );
});
