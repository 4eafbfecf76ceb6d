// A feed longer than the item limit that lists its items oldest first: the items kept are its
// latest, not its oldest. Feeds listed newest first (nearly all) keep their first items.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FEED_LIMITS, parseFeed } from '../../src/formats/feeds';

const HOUR = 3_600_000;
const start = Date.parse('2024-01-01T00:00:00Z');
const dated = (i: number): string => new Date(start + i * HOUR).toUTCString();
const rss = (order: number[], dateOf: (i: number) => string | null = dated): string =>
  `<rss version="2.0"><channel><title>Archive</title><link>https://x.example/</link>${order
    .map((i) => {
      const date = dateOf(i);
      return `<item><title>Story ${i}</title><link>https://x.example/${i}</link>${date ? `<pubDate>${date}</pubDate>` : ''}</item>`;
    })
    .join('')}</channel></rss>`;
const titles = (xml: string, maxItems?: number): string[] => {
  const result = parseFeed(xml, maxItems === undefined ? {} : { maxItems });
  assert.ok(result.ok);
  return result.feed.items.map((i) => i.title);
};
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k);

test('a 600-item feed listed oldest first keeps its 500 latest items, in feed order', () => {
  assert.equal(FEED_LIMITS.maxItems, 500);
  const kept = titles(rss(range(0, 600)));
  assert.equal(kept.length, 500);
  assert.deepEqual(kept, range(100, 600).map((i) => `Story ${i}`));
  const json = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    items: range(0, 12).map((i) => ({ id: String(i), title: `J${i}`, date_published: new Date(start + i * HOUR).toISOString() })),
  });
  const result = parseFeed(json, { maxItems: 5 });
  assert.deepEqual(result.ok && result.feed.items.map((i) => i.title), ['J7', 'J8', 'J9', 'J10', 'J11']);
});

test('newest first, undated, or newest first under one old pinned item: the first items are kept', () => {
  assert.deepEqual(titles(rss(range(0, 600).reverse()), 500), range(100, 600).reverse().map((i) => `Story ${i}`));
  assert.deepEqual(titles(rss(range(0, 20), () => null), 5), range(0, 5).map((i) => `Story ${i}`));
  const pinned = [0, ...range(1, 20).reverse()];
  assert.deepEqual(titles(rss(pinned), 5), [0, 19, 18, 17, 16].map((i) => `Story ${i}`));
  // Not longer than the limit: every item, as listed.
  assert.deepEqual(titles(rss(range(0, 5)), 5), range(0, 5).map((i) => `Story ${i}`));
});
