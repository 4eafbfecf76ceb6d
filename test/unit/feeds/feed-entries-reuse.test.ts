// A refresh hands FeedEntries the very item objects it parsed last time (known-items.ts), and their
// entries are reused rather than made again. An entry depends on the feed as well as the item: the
// same item object read in another feed (an opinion section, an aggregator) must read as that
// feed makes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeedEntries } from '../../../src/background/feeds/feed-entries';
import type { Feed, FeedItem } from '../../../src/formats/feeds';

const item: FeedItem = {
  id: 'g1',
  url: 'https://paper.example/2026/03/council-votes',
  title: 'Council votes on the budget',
  summary: 'The council voted on Tuesday.',
  published: '2026-03-10T10:00:00.000Z',
  author: null,
  categories: [],
  section: null,
  kind: 'report',
};
const feed = (title: string, homeUrl: string): Feed => ({ dialect: 'rss', title, homeUrl, items: [item] });

test('the same item object reads as each feed that holds it makes it', () => {
  const entries = new FeedEntries();
  entries.update([['https://paper.example/rss', feed('The Paper', 'https://paper.example/')]]);
  const id = [...entries.ids()][0]!;
  assert.equal(entries.get(id)?.article.kind, 'report');
  assert.equal(entries.get(id)?.own, true);

  // Its opinion section's feed lists it too, and comes first by address: the entry is that feed's.
  entries.update([['https://paper.example/opinion/rss', feed('The Paper | Opinion', 'https://paper.example/')]]);
  assert.equal(entries.get(id)?.article.kind, 'opinion');

  // An aggregator's copy of the very object is not the outlet's own.
  const other = new FeedEntries();
  other.update([['https://aggregator.example/feed', feed('Aggregator', 'https://aggregator.example/')]]);
  assert.equal(other.get(id)?.own, false);
  assert.equal(other.get(id)?.article.outlet, 'paper.example');

  // And read again in its own feed, it is the outlet's report, as at first.
  other.update([['https://paper.example/rss', feed('The Paper', 'https://paper.example/')]]);
  assert.equal(other.get(id)?.own, true);
  assert.equal(other.get(id)?.article.kind, 'report');
});

test('an entry is made again when its feed names another home or section, and an item without an address is keyed by its feed', () => {
  const entries = new FeedEntries();
  entries.update([['https://feeds.example/paper', feed('The Paper', 'https://paper.example/')]]);
  const id = [...entries.ids()][0]!;
  assert.equal(entries.get(id)?.own, true);
  // The same feed now names another site as its home: the item is no longer that site's own.
  entries.update([['https://feeds.example/paper', feed('The Paper', 'https://elsewhere.example/')]]);
  assert.equal(entries.get(id)?.own, false);
  // And retitles itself as an opinion section: its items are opinions.
  entries.update([['https://feeds.example/paper', feed('The Paper | Opinion', 'https://elsewhere.example/')]]);
  assert.equal(entries.get(id)?.article.kind, 'opinion');

  const bare: FeedItem = { ...item, url: null, id: 'no-link-1' };
  const held = (url: string): string[] => {
    const e = new FeedEntries();
    e.update([[url, { dialect: 'rss', title: 'The Paper', homeUrl: 'https://paper.example/', items: [bare] }]]);
    return [...e.ids()];
  };
  assert.notDeepEqual(held('https://paper.example/rss'), held('https://paper.example/world/rss'));
});
