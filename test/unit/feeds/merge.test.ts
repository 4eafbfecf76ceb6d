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

test('no item is dated after it was read: it keeps the date it was first given, else the moment it was read', () => {
  const hour = 3_600_000;
  const iso = (ms: number): string => new Date(ms).toISOString();
  // Local time labelled UTC: five hours ahead of the reader. A placeholder: a century ahead.
  const fresh = [item('zone', iso(now + 5 * hour)), item('placeholder', '2125-01-01T00:00:00.000Z'), item('fine', iso(now - hour))];
  const first = mergeFeedItems([], fresh, { now, windowDays: 30 });
  assert.deepEqual(first.map((i) => [i.id, i.published]), [['placeholder', iso(now)], ['zone', iso(now)], ['fine', iso(now - hour)]]);
  // An hour later the feed still says five hours ahead: the first reading's date stays, also for
  // an item the feed gives a new id at every answer.
  const renamed = { ...fresh[0]!, id: 'zone-2' };
  const second = mergeFeedItems(first, [...fresh, renamed], { now: now + hour, windowDays: 30 });
  assert.equal(second.find((i) => i.id === 'zone')?.published, iso(now));
  assert.equal(second.find((i) => i.id === 'zone-2')?.published, iso(now));
  // Once the feed's date has passed, it is the feed's own again (a later edit of the item, say).
  const later = mergeFeedItems(second, [item('zone', iso(now + 5 * hour))], { now: now + 6 * hour, windowDays: 30 });
  assert.equal(later.find((i) => i.id === 'zone')?.published, iso(now + 5 * hour));
  // The placeholder leaves with the window like any item once the feed stops listing it.
  assert.equal(mergeFeedItems(first, [], { now: now + 31 * 86_400_000, windowDays: 30 }).length, 0);
  // A kept copy ahead of a clock set back is settled too; what is not ahead is the very object given.
  const kept = mergeFeedItems([item('old-ahead', iso(now + hour))], [fresh[2]!], { now, windowDays: 30 });
  assert.deepEqual(kept.map((i) => i.published), [iso(now), iso(now - hour)]);
  assert.equal(kept[1], fresh[2]);
});

test('an article the feed gives a new id at every answer is one item, not one more per refresh', () => {
  const withId = (id: string, url: string, published: string): FeedItem => ({ ...item(id, published), url });
  let kept: FeedItem[] = [];
  for (let refresh = 0; refresh < 5; refresh++) {
    const fresh = [withId(`a-${refresh}`, 'https://x.example/a', '2025-08-19T00:00:00Z'), withId(`b-${refresh}`, 'https://x.example/b', '2025-08-18T00:00:00Z')];
    kept = mergeFeedItems(kept, fresh, { now: now + refresh * 3_600_000, windowDays: 30 });
  }
  assert.deepEqual(kept.map((i) => i.id), ['a-4', 'b-4']);
  // Earlier copies kept at one address (stored before this rule) leave as one; items without an address are kept by id.
  const stored = [withId('c-1', 'https://x.example/c', '2025-08-17T00:00:00Z'), withId('c-0', 'https://x.example/c', '2025-08-16T00:00:00Z'), item('n1', '2025-08-17T00:00:00Z'), item('n2', '2025-08-16T00:00:00Z')];
  const noUrl = (i: FeedItem): FeedItem => ({ ...i, url: null });
  assert.deepEqual(mergeFeedItems(stored.map((i, n) => (n < 2 ? i : noUrl(i))), [], { now, windowDays: 30 }).map((i) => i.id), ['c-1', 'n1', 'n2']);
});

test("a feed that dates every item when it was built: each item keeps the date it was first read with", () => {
  const hour = 3_600_000;
  const iso = (ms: number): string => new Date(ms).toISOString();
  const built = (at: number, ids: string[]): FeedItem[] => ids.map((id) => item(id, iso(at)));
  const first = mergeFeedItems([], built(now - 60_000, ['a', 'b', 'c']), { now, windowDays: 30 });
  assert.deepEqual(first.map((i) => i.published), [iso(now - 60_000), iso(now - 60_000), iso(now - 60_000)]);
  // Six hours later the feed dates everything anew and lists one more article.
  const later = mergeFeedItems(first, built(now + 6 * hour, ['d', 'a', 'b', 'c']), { now: now + 6 * hour + 1, windowDays: 30 });
  assert.deepEqual(later.map((i) => [i.id, i.published]), [['d', iso(now + 6 * hour)], ['a', iso(now - 60_000)], ['b', iso(now - 60_000)], ['c', iso(now - 60_000)]]);
  // A feed whose items have their own dates is taken at its word, a later date included (an update).
  const dated = [item('a', iso(now + hour)), item('b', iso(now - hour)), item('c', iso(now - 2 * hour))];
  assert.deepEqual(mergeFeedItems(first, dated, { now: now + 2 * hour, windowDays: 30 }).map((i) => i.published), dated.map((i) => i.published));
  // Two items with one date are not a built feed.
  const pair = [item('a', iso(now + hour)), item('b', iso(now + hour))];
  assert.deepEqual(mergeFeedItems(first, pair, { now: now + 2 * hour, windowDays: 30 }).slice(0, 2).map((i) => i.published), [iso(now + hour), iso(now + hour)]);
});
