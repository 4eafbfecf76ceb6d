// Feed dates, article kinds and feed discovery from a page's HTML text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { articleKind, discoverFeeds, mergeFeedItems, parseFeed, parseFeedDate, type FeedItem } from '../../../src/formats/feeds';

test('RFC 822 and RFC 3339 dates in their real-world variants', () => {
  const cases: [string | null, string | null][] = [
    ['Fri, 15 Aug 2025 19:56:54 -0400', '2025-08-15T23:56:54.000Z'],
    ['Fri, 15 Aug 2025 19:56:54 GMT', '2025-08-15T19:56:54.000Z'],
    ['Mon, 15 Aug 2025 19:56:54 +0000', '2025-08-15T19:56:54.000Z'],
    ['15 Aug 2025 19:56 PDT', '2025-08-16T02:56:00.000Z'],
    ['Friday, 15 August 2025 19:56:54 +02:00', '2025-08-15T17:56:54.000Z'],
    ['Fri, 15 Aug 25 19:56:54 Z', '2025-08-15T19:56:54.000Z'],
    ['Fri, 15 Aug 2025 19:56:54', '2025-08-15T19:56:54.000Z'],
    ['2025-08-15T19:56:54-04:00', '2025-08-15T23:56:54.000Z'],
    ['2025-08-15T19:56:54.123+0530', '2025-08-15T14:26:54.000Z'],
    ['2025-08-15 19:56:54', '2025-08-15T19:56:54.000Z'],
    // A day without a time: noon UTC, which is that day from UTC-11 to UTC+11.
    ['2025-08-15', '2025-08-15T12:00:00.000Z'],
    // Offsets without minutes, or after GMT/UTC; zone names east of Europe.
    ['2025-08-15T19:56:54+05', '2025-08-15T14:56:54.000Z'],
    ['Fri, 15 Aug 2025 19:56:54 GMT+0100', '2025-08-15T18:56:54.000Z'],
    ['Fri, 15 Aug 2025 19:56:54 UTC+1', '2025-08-15T18:56:54.000Z'],
    ['Fri, 15 Aug 2025 19:56:54 +01', '2025-08-15T18:56:54.000Z'],
    ['Fri, 15 Aug 2025 19:56:54 JST', '2025-08-15T10:56:54.000Z'],
    ['Fri, 15 Aug 2025 19:56:54 IST', '2025-08-15T14:26:54.000Z'],
    ['Fri, 15 Aug 2025 19:56:54 AEST', '2025-08-15T09:56:54.000Z'],
    // Month and weekday names in the languages of European feeds.
    ['Lun, 07 Déc 2026 10:00:00 +0100', '2026-12-07T09:00:00.000Z'],
    ['mer., 15 juil. 2026 10:00:00 +0200', '2026-07-15T08:00:00.000Z'],
    ['lun., 15 juin 2026 10:00:00 +0200', '2026-06-15T08:00:00.000Z'],
    ['Mo, 07 Dez 2026 10:00:00 +0100', '2026-12-07T09:00:00.000Z'],
    ['Do, 07 Mai 2026 10:00:00 +0200', '2026-05-07T08:00:00.000Z'],
    ['Mié, 07 Dic 2026 10:00:00 -0300', '2026-12-07T13:00:00.000Z'],
    ['Sáb, 15 Ago 2026 10:00:00 -0300', '2026-08-15T13:00:00.000Z'],
    ['2025-02-30T10:00:00Z', null],
    ['0001-01-01T00:00:00Z', null],
    ['Fri, 15 Foo 2025 19:56:54 GMT', null],
    ['yesterday', null],
    ['', null],
    [null, null],
  ];
  for (const [raw, expected] of cases) assert.equal(parseFeedDate(raw), expected, String(raw));
});

test("a US zone's standard name is standard time in summer too: \"EST\" on a July date is -05:00, as it says", () => {
  // Feeds write "EST" all year. Read as EDT in summer, a feed that does mean EST (clocks kept on
  // standard time) would be dated an hour early, and nothing would notice; read as it says, a feed
  // that means EDT is dated an hour late, and an item that this puts after the refresh that read it
  // is given the refresh's time (item-dates.ts). So the name is taken at its word, never the calendar's.
  assert.equal(parseFeedDate('Tue, 15 Jul 2025 10:00:00 EST'), '2025-07-15T15:00:00.000Z');
  assert.equal(parseFeedDate('Wed, 15 Jan 2025 10:00:00 EST'), '2025-01-15T15:00:00.000Z');
  assert.equal(parseFeedDate('Tue, 15 Jul 2025 10:00:00 EDT'), '2025-07-15T14:00:00.000Z');
  assert.equal(parseFeedDate('Tue, 15 Jul 2025 10:00:00 PST'), '2025-07-15T18:00:00.000Z');
  assert.equal(parseFeedDate('Wed, 15 Jan 2025 10:00:00 CDT'), '2025-01-15T15:00:00.000Z', 'a summer name in winter is taken at its word too');
  // 10:00 EDT labelled EST, read at 10:30 EDT: dated 11:00, after the refresh, so the refresh's time.
  const item: FeedItem = { id: 'a', url: null, title: 't', summary: '', published: parseFeedDate('Tue, 15 Jul 2025 10:00:00 EST'), author: null, categories: [], section: null, kind: 'report' };
  const now = Date.parse('2025-07-15T14:30:00Z');
  assert.equal(mergeFeedItems([], [item], { now, windowDays: 30, maxItems: 10 })[0]?.published, '2025-07-15T14:30:00.000Z');
});

test('kinds come from whole URL path segments, categories and section', () => {
  assert.equal(articleKind('https://x.example/opinion/2025/08/16/slug', [], null), 'opinion');
  assert.equal(articleKind('https://x.example/news/comment/slug', [], null), 'opinion');
  assert.equal(articleKind('https://x.example/analysis/slug', [], null), 'analysis');
  assert.equal(articleKind('https://x.example/news/opinion-polls-tighten', [], null), 'report');
  assert.equal(articleKind(null, ['Op-Ed'], null), 'opinion');
  assert.equal(articleKind(null, ['Opinion polls'], null), 'report');
  assert.equal(articleKind(null, [], 'News Analysis'), 'analysis');
  assert.equal(articleKind('https://x.example/analysis/x', ['Opinion'], null), 'opinion', 'opinion wins');
  assert.equal(articleKind('https://x.example/%E0%A4%A/x', [], null), 'report', 'a malformed escape is no crash');
});

test('the label a headline opens with is a kind: an aggregator\'s item says nothing else of it', () => {
  const hub = 'https://hub.example/articles/cbmi123?oc=5';
  assert.equal(articleKind(hub, [], null, 'Opinion | Why the Alaska summit failed - The Daily Meridian'), 'opinion');
  assert.equal(articleKind(hub, [], null, 'OPINION: Trump gave Putin everything'), 'opinion');
  assert.equal(articleKind(hub, [], null, 'Analysis: What the summit means for Kyiv'), 'analysis');
  assert.equal(articleKind(hub, [], null, 'Editorial | The summit and after'), 'opinion');
  assert.equal(articleKind(hub, [], null, 'Opinion polls: Labour ahead'), 'report', 'a label is a kind only whole');
  assert.equal(articleKind(hub, [], null, 'Trump: the summit was productive'), 'report', 'a name before a colon is not a label');
  assert.equal(articleKind(hub, [], null, 'Ukraine war live: opinion divided after summit'), 'report');
  assert.equal(articleKind(hub, [], null, `${'a'.repeat(100_000)}: x`), 'report', 'bounded');
  // As a feed's items are read.
  const parsed = parseFeed(`<rss version="2.0"><channel><title>Hub</title><item><title>Opinion | Why the Alaska summit failed - The Daily Meridian</title><link>${hub}</link></item></channel></rss>`);
  assert.equal(parsed.ok && parsed.feed.items[0]?.kind, 'opinion');
});

test('feed discovery: rel tokens, case, bare attributes, <base>, dedup; no body links, comments or script URLs', () => {
  const html = readFileSync(new URL('../../fixtures/feeds/page-with-feeds.html', import.meta.url), 'utf8');
  assert.deepEqual(discoverFeeds(html, 'https://www.dailymeridian.example/world/2025/aug/16/story'), [
    { url: 'https://www.dailymeridian.example/world/rss', dialect: 'rss', title: 'Daily Meridian » World' },
    { url: 'https://www.dailymeridian.example/world/atom.xml', dialect: 'atom', title: 'World (Atom)' },
    { url: 'https://www.dailymeridian.example/world/feed.json', dialect: 'json', title: null },
  ]);
});

test('feed discovery resolves against the page URL when there is no <base>', () => {
  const html = '<head><link rel="alternate" type="application/atom+xml; charset=utf-8" href="../feed.atom"></head>';
  assert.deepEqual(discoverFeeds(html, 'https://blog.example.org/posts/one.html'), [
    { url: 'https://blog.example.org/feed.atom', dialect: 'atom', title: null },
  ]);
  assert.deepEqual(discoverFeeds('<head></head>', 'https://blog.example.org/'), []);
});
