// The calibration's own tools: size-balanced query pairs, the orphan bar and the logistic fit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { balancedQueries, orphanBar, seededRandom, type DataFile, type Row } from '../../../scripts/lib/dataset';
import { fitLogistic } from '../../../scripts/lib/logistic';

const row = (story: string, i: number): Row => ({ id: `${story}-${i}`, story, title: `${story} report ${i}`, text: `About ${story}.`, source: null, date: null });
const file = (name: string, stories: string[]): DataFile => ({ name, datesMoved: false, rows: stories.flatMap((s) => [0, 1, 2].map((i) => row(s, i))) });

test('balanced queries: every story keeps one or two members, whatever the query, and is asked for as an orphan', () => {
  const dev = file('dev', ['quake', 'flood', 'vote', 'strike']);
  const other = file('other', ['fire', 'match']);
  const seen: { gold: string | null; sizes: number[] }[] = [];
  balancedQueries(dev, [other], {
    withDates: false,
    seed: 1,
    onQuery: (index, doc, gold) => {
      assert.equal(index.storyOf(doc.id), undefined, 'the query is never in the index');
      seen.push({ gold, sizes: [...index.stories.values()].map((s) => s.docs.size) });
    },
  });
  assert.equal(seen.filter((q) => q.gold === null).length, 4, 'one orphan per story');
  assert.ok(seen.length > 4);
  for (const q of seen) assert.ok(q.sizes.every((n) => n === 1 || n === 2), q.sizes.join(','));
  const orphan = seen.find((q) => q.gold === null)!;
  assert.equal(orphan.sizes.length, 5, 'the orphan’s own story is out, the other five are in');
});

test('the logistic fit recovers the weights that generated the labels', () => {
  const rnd = seededRandom(3);
  const truth = [-1, 2, -3];
  const xs = Array.from({ length: 4000 }, () => [1, rnd() * 4 - 2, rnd() * 4 - 2]);
  const ys = xs.map((x) => (rnd() < 1 / (1 + Math.exp(-x.reduce((z, v, i) => z + v * truth[i]!, 0))) ? 1 : 0));
  const w = fitLogistic({ n: xs.length, k: 3, row: (r, out) => out.set(xs[r]!), label: (r) => ys[r]! }, { lambda: 0.01, hessianStride: 3 });
  w.forEach((v, i) => assert.ok(Math.abs(v - truth[i]!) < 0.3, `weight ${i}: ${v} vs ${truth[i]}`));
});

test('the orphan bar lets through at most the given share of orphans', () => {
  const tops = Array.from({ length: 200 }, (_, i) => 1 - i / 200);
  const bar = orphanBar(tops, 0.02);
  assert.equal(tops.filter((t) => t > bar).length, 4, '2% of 200');
  assert.equal(orphanBar(tops, 0), 1, 'none: above the highest');
  assert.equal(orphanBar([], 0.02), 0);
});
