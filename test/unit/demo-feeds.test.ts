// The demo outlets' feeds, read by the extension's own feed parser and clustered by its own feed
// stories builder (with the starter pack as the labelled pack, as in the browser): the made-up
// event becomes one story of four outlets' reports, each item links to its page on the demo site at
// its outlet's host, and the unrelated page is in no feed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { demoFeeds, outletHost } from '../../scripts/lib/demo-feeds';
import { buildDemoSite, demoArticles, DEMO_UNRELATED_PATH, demoEventPaths } from '../../scripts/lib/demo-site';
import { buildFeedStories, type FeedSnapshot } from '../../src/background/feeds/feed-stories';
import { parseFeed } from '../../src/formats/feeds';
import type { Pack } from '../../src/formats/model';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const PORT = 8720;
const originOf = (host: string): string => `http://${host}:${PORT}`;
const site = buildDemoSite({ now: NOW });
const feeds = demoFeeds(demoArticles({ now: NOW }), originOf);
const starter = JSON.parse(readFileSync(new URL('../../assets/packs/starter.json', import.meta.url), 'utf8')) as Pack;

function snapshots(): FeedSnapshot[] {
  return feeds.map((f) => {
    const feedUrl = `${originOf(outletHost(f.outlet))}${f.path}`;
    const parsed = parseFeed(f.xml, { url: feedUrl });
    assert.ok(parsed.ok, `${f.path}: ${parsed.ok ? '' : parsed.error}`);
    return { feedUrl, feed: parsed.feed };
  });
}

test('one feed per outlet of the made-up event, in RSS and Atom, titled with the outlet', () => {
  assert.deepEqual(feeds.map((f) => f.path).sort(), ['/feeds/7news.xml', '/feeds/ani.xml', '/feeds/hot-buzz.xml', '/feeds/socialnews-xyz.xml']);
  assert.deepEqual(snapshots().map((s) => s.feed.dialect).sort(), ['atom', 'atom', 'rss', 'rss']);
  for (const { feed } of snapshots()) assert.match(feed.title ?? '', / \| Top stories$/);
});

test('every item links to a page of the demo site at its outlet\'s host, with the page\'s headline', () => {
  const items = snapshots().flatMap((s) => s.feed.items);
  assert.equal(items.length, 4);
  const headlines = new Map([...site].map(([path, html]) => [path, /<h1>([^<]*)<\/h1>/.exec(html)?.[1]]));
  for (const item of items) {
    const url = new URL(item.url ?? '');
    assert.match(url.hostname, /^[a-z0-9-]+\.localhost$/);
    assert.equal(url.port, String(PORT));
    assert.ok(headlines.has(url.pathname), `${url.pathname} is not a page`);
    const h1 = headlines.get(url.pathname)?.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    assert.equal(item.title, h1);
    assert.ok(item.summary.length > 80, item.url ?? '');
  }
  const linked = new Set(items.map((i) => new URL(i.url ?? '').pathname));
  // The summit stays the starter pack's story: no feed carries it.
  assert.deepEqual([...linked].sort(), [...demoEventPaths(site)].sort());
  assert.ok(!linked.has(DEMO_UNRELATED_PATH));
});

test('the feeds give a story of the made-up event with four outlets\' reports, apart from the summit', () => {
  const pack = buildFeedStories(snapshots(), { labelled: [starter], updated: '2026-03-10T12:00:00Z' });
  const eventUrls = new Set(demoEventPaths(site).map((path) => path));
  const event = pack.stories.find((s) => s.articles.some((a) => eventUrls.has(new URL(a.url ?? '').pathname)));
  assert.ok(event);
  assert.equal(event.articles.length, 4);
  assert.equal(new Set(event.articles.map((a) => a.outlet)).size, 4);
  assert.ok(event.articles.every((a) => eventUrls.has(new URL(a.url ?? '').pathname)));
  assert.deepEqual(event.categories, [], 'a comet is not foreign policy');
  // The outlets are told apart by host, and named from their feeds' titles.
  assert.deepEqual(event.articles.map((a) => pack.outlets.find((o) => o.id === a.outlet)?.name).sort(), ['7NEWS', 'ANI', 'Hot Buzz', 'SocialNews.XYZ']);
});
