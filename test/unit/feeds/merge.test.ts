// Items kept across refreshes: fresh items win, old dated items stay for a while, undated ones
// only while listed, and the list is bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeFeedItems, type FeedItem } from '../../../src/shared/feeds';

const item = (id: string, published: string | null, title = id): FeedItem => ({
  id, url: `https://x.example/${id}`, title, summary: '', published, author: null, categories: [], section: null, kind: 'report',
});
const now = Date.parse('2025-08-20T00:00:00Z');

test('fresh items replace their earlier copy; recent dropped-off items stay; old and undated ones go', () => {
  const previous = [item('a', '2025-08-19T00:00:00Z', 'old title'), item('b', '2025-08-18T00:00:00Z'), item('c', '2025-07-01T00:00:00Z'), item('d', null)];
  const fresh = [item('a', '2025-08-19T00:00:00Z', 'new title'), item('e', null)];
  const merged = mergeFeedItems(previous, fresh, { now });
  assert.deepEqual(merged.map((i) => [i.id, i.title]), [['e', 'e'], ['a', 'new title'], ['b', 'b']]);
});

test('age and count are bounded by the options', () => {
  const previous = Array.from({ length: 10 }, (_, n) => item(`p${n}`, new Date(now - n * 86_400_000).toISOString()));
  assert.equal(mergeFeedItems(previous, [], { now, maxAgeDays: 3 }).length, 4);
  assert.deepEqual(mergeFeedItems(previous, [], { now, maxItems: 2 }).map((i) => i.id), ['p0', 'p1']);
});
