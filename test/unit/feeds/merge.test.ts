// Items kept across refreshes: fresh items win, old dated items stay for the reader's window,
// undated ones only while listed, and the list is bounded; between refreshes, items the feed no
// longer lists leave once older than the window.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeFeedItems, retainFeedItems, type FeedItem } from '../../../src/formats/feeds';

const item = (id: string, published: string | null, title = id): FeedItem => ({
  id, url: `https://x.example/${id}`, title, summary: '', published, author: null, categories: [], section: null, kind: 'report',
});
const now = Date.parse('2025-08-20T00:00:00Z');

test('fresh items replace their earlier copy; recent dropped-off items stay; old and undated ones go', () => {
  const previous = [item('a', '2025-08-19T00:00:00Z', 'old title'), item('b', '2025-08-18T00:00:00Z'), item('c', '2025-07-01T00:00:00Z'), item('d', null)];
  const fresh = [item('a', '2025-08-19T00:00:00Z', 'new title'), item('e', null)];
  const merged = mergeFeedItems(previous, fresh, { now, windowDays: 30 });
  assert.deepEqual(merged.map((i) => [i.id, i.title]), [['e', 'e'], ['a', 'new title'], ['b', 'b']]);
});

test('age and count are bounded by the window and the options', () => {
  const previous = Array.from({ length: 10 }, (_, n) => item(`p${n}`, new Date(now - n * 86_400_000).toISOString()));
  assert.equal(mergeFeedItems(previous, [], { now, windowDays: 3 }).length, 4);
  assert.deepEqual(mergeFeedItems(previous, [], { now, windowDays: 30, maxItems: 2 }).map((i) => i.id), ['p0', 'p1']);
  // A fresh item stays whatever its date: the feed lists it now.
  assert.deepEqual(mergeFeedItems([], [item('old', '2024-01-01T00:00:00Z')], { now, windowDays: 3 }).map((i) => i.id), ['old']);
});

test('between refreshes, items no longer listed leave once older than the window; listed ones stay', () => {
  const items = [item('listed-old', '2025-06-01T00:00:00Z'), item('recent', '2025-08-18T00:00:00Z'), item('old', '2025-07-01T00:00:00Z')];
  assert.deepEqual(retainFeedItems(items, ['listed-old'], { now, windowDays: 30 })?.map((i) => i.id), ['listed-old', 'recent']);
  assert.equal(retainFeedItems(items, ['listed-old', 'old'], { now, windowDays: 30 }), null, 'nothing leaves: nothing to store');
  assert.equal(retainFeedItems(items, undefined, { now, windowDays: 1 }), null, 'a record that never said what was listed keeps all');
  assert.deepEqual(retainFeedItems(items, [], { now, windowDays: 1 }), []);
});
