// Feeds against a local HTTP server: items of two outlets' feeds are clustered into one story,
// labelled from an installed pack; 304 and broken answers keep the items; removal rebuilds.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { addFeed as addFeedOrPage, feedViews, refreshAllFeeds, refreshFeed, removeFeed } from '../../src/background/sources/feeds';
import type { FeedView } from '../../src/contracts/views';
import { installPack } from '../../src/background/pack-store';
import { networkLog } from '../../src/background/sources/network-log';
import type { Pack } from '../../src/formats/model';
import { answer, startServer, type LocalServer } from './sources/local-server';
import { harbourAtom, meridianRss } from './sources-feed-fixtures';
import { testEnv, type TestEnv } from './sources-env';
import { packReports, packStoryCount } from '../fixtures/stored-packs';
import { packValues } from '../../src/background/pack-keys';

let server: LocalServer;

/** A feed added (these addresses are feeds, never web pages). */
async function addFeed(env: TestEnv, url: string): Promise<FeedView> {
  const view = await addFeedOrPage(env, url);
  assert.ok(!('page' in view), `${url} was taken for a web page`);
  return view;
}
let meridianBody = '';
/** An entry the Harbour feed adds once a test publishes it. */
let harbourExtra = '';
const ENTRY_FERRY = `<entry><title>Harbour ferry fares rise by five percent</title><link rel="alternate" href="http://localhost:1/news/ferry-fares"/>
<id>urn:harbour:3</id><updated>2025-08-16T17:00:00Z</updated><summary>The harbour board raised ferry fares, citing fuel costs.</summary></entry>`;

before(async () => {
  server = await startServer({
    '/meridian.xml': (req, res) => {
      if (limited) res.writeHead(429, { 'retry-after': '3600' }).end();
      else if (req.headers['if-none-match'] === '"m1"') res.writeHead(304).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"m1"' }).end(meridianBody);
    },
    '/harbour.atom': (_req, res) => res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(harbourAtom('http://localhost:1').replace('</feed>', `${harbourExtra}</feed>`)),
    '/broken.xml': answer(200, { 'content-type': 'application/xml' }, '<rss><channel><title>Broken</channel></rss>'),
    '/broken.json': answer(200, { 'content-type': 'application/feed+json' }, '{"version": "https://jsonfeed.org/version/1.1", "items": ['),
    '/home.html': answer(
      200,
      { 'content-type': 'text/html; charset=utf-8' },
      '<!doctype html><html><head><title>The Daily Meridian &amp; Co</title><link rel="alternate" type="application/rss+xml" title="World news" href="/meridian.xml"></head><body><p>News.</p></body></html>',
    ),
    '/about.html': answer(200, { 'content-type': 'text/html' }, '<!DOCTYPE html><html><head><title>About us</title></head><body></body></html>'),
  });
  meridianBody = meridianRss(server.url(''));
});
let limited = false;
after(() => server.close());
afterEach(() => {
  harbourExtra = '';
});

/** The feeds pack as stored: its header aside, every record. */
async function storedFeedPack(env: TestEnv) {
  const [stories, categories, outlets] = await Promise.all([packValues(env.database, 'stories', 'feeds'), packValues(env.database, 'categories', 'feeds'), packValues(env.database, 'outlets', 'feeds')]);
  return { stories, categories, outlets };
}

/** A labelled pack whose summit story carries a category with a standing action. */
const labels: Pack = {
  format: 1,
  id: 'labels',
  publisher: 'Labels',
  version: '1',
  updated: '2025-08-16T00:00:00Z',
  categories: [{ id: 'diplomacy', name: 'Diplomacy', actions: [{ id: 'write', kind: 'write', title: 'Write to your representative', details: 'Ask for a ceasefire.' }] }],
  outlets: [{ id: 'o', name: 'O' }],
  stories: [
    {
      id: 'summit',
      title: 'Trump and Putin meet at the Alaska summit in Anchorage',
      summary: 'The Anchorage summit on a Ukraine ceasefire.',
      categories: ['diplomacy'],
      articles: [{ id: 'a', title: 'Trump and Putin Alaska summit in Anchorage ends without Ukraine ceasefire deal', outlet: 'o', kind: 'report', published: '2025-08-15T23:00:00Z' }],
      opinions: [],
      actions: [],
    },
  ],
};

test('two outlets’ reports of one event become one story, with the labelled story’s categories', async () => {
  const env = await testEnv();
  await installPack(env.database, labels, 'file');
  const meridian = await addFeed(env, server.url('/meridian.xml'));
  assert.equal(meridian.error, null);
  assert.equal(meridian.title, 'The Daily Meridian | World');
  assert.equal(meridian.itemCount, 2);
  await addFeed(env, server.url('/harbour.atom'));

  assert.equal((await env.database.get('packs', 'feeds'))?.origin, 'feeds');
  const stories = await packValues(env.database, 'stories', 'feeds');
  const summit = stories.find((s) => /Alaska/.test(s.title));
  assert.ok(summit, 'a summit story');
  assert.deepEqual(summit.reports.map((a) => a.outletName).sort(), ['Harbour Post', 'The Daily Meridian']);
  assert.equal(stories.length, 3, 'the unrelated items are stories of their own');
  assert.equal(summit.categories.length, 1);
  const category = await env.database.get('categories', summit.categories[0] ?? '');
  assert.equal(category?.actions[0]?.title, 'Write to your representative');
});

test('a 304 keeps the items; broken XML or JSON keeps them too and records the parse error', async () => {
  const env = await testEnv();
  await addFeed(env, server.url('/meridian.xml'));
  const changes = env.packChanges();
  const same = await refreshFeed(env, server.url('/meridian.xml'));
  assert.equal(same.error, null);
  assert.equal(env.packChanges(), changes, 'not modified: nothing rebuilt');

  for (const [path, reason] of [['/broken.xml', /malformed XML/], ['/broken.json', /malformed JSON/]] as const) {
    const view = await addFeed(env, server.url(path));
    assert.match(view.error ?? '', reason);
    assert.equal(view.itemCount, 0);
  }
  // The good feed's stories are still there.
  assert.equal(await packStoryCount(env.database, 'feeds'), 2);
  const outcomes = (await networkLog(env.database)).map((e) => e.outcome);
  assert.deepEqual(outcomes.reverse(), ['fresh', 'not-modified', 'fresh', 'fresh']);
});

test('a web page given for a feed adds nothing and answers the feeds it names, for the reader to choose', async () => {
  const env = await testEnv();
  const view = await addFeedOrPage(env, server.url('/home.html'));
  assert.deepEqual(view, { page: { pageTitle: 'The Daily Meridian & Co', pageUrl: server.url('/home.html'), feeds: [{ url: server.url('/meridian.xml'), dialect: 'rss', title: 'World news' }] } });
  assert.deepEqual(await feedViews(env), [], 'no broken feed left behind');
  // A page that names none says so the same way; a feed's address is a feed.
  assert.deepEqual(await addFeedOrPage(env, server.url('/about.html')), { page: { pageTitle: 'About us', pageUrl: server.url('/about.html'), feeds: [] } });
  assert.equal((await addFeed(env, server.url('/meridian.xml'))).error, null);
});

test("a failed refresh's kind reaches the view for the reader's words, and a success clears it", async () => {
  const env = await testEnv();
  const added = await addFeed(env, server.url('/meridian.xml'));
  assert.equal(added.reason, null);
  limited = true;
  try {
    const busy = await refreshFeed(env, server.url('/meridian.xml'));
    assert.equal(busy.reason, 'busy');
    assert.match(busy.error ?? '', /429/);
    assert.equal(busy.itemCount, added.itemCount, 'the items stay');
  } finally {
    limited = false;
  }
  const back = await refreshFeed(env, server.url('/meridian.xml'));
  assert.deepEqual([back.error, back.reason], [null, null]);
  // A record that names no known kind (an older version's, or tampered with) shows the text alone.
  const record = (await env.database.get('feeds', server.url('/meridian.xml')))!;
  await env.database.put('feeds', { ...record, error: 'fetch failed: HTTP 429', failure: 'made-up' });
  const [view] = await feedViews(env);
  assert.deepEqual([view?.error, view?.reason], ['fetch failed: HTTP 429', null]);
});

test('removing the last feed removes the feed stories; other packs stay', async () => {
  const env = await testEnv();
  await installPack(env.database, labels, 'file');
  await addFeed(env, server.url('/meridian.xml'));
  await removeFeed(env, server.url('/meridian.xml'));
  assert.equal(await env.database.get('packs', 'feeds'), undefined);
  assert.equal((await packReports(env.database, 'feeds')).length, 0);
  assert.equal(await env.database.get('feedItems', server.url('/meridian.xml')), undefined);
  assert.equal((await env.database.get('packs', 'labels'))?.origin, 'file');
});

test('the scheduled refresh changes nothing when no feed brings a new item, and stores only what a new item changes', async () => {
  const env = await testEnv();
  await addFeed(env, server.url('/meridian.xml'));
  await addFeed(env, server.url('/harbour.atom'));
  const changes = env.packChanges();
  const before = await storedFeedPack(env);
  env.setNow('2025-08-16T18:00:00Z');
  await refreshAllFeeds(env);
  // The Atom feed has no validators, so it comes back fresh, with the same items; the RSS feed answers 304.
  assert.equal(env.packChanges(), changes, 'nothing to store');
  assert.deepEqual(await storedFeedPack(env), before);
  assert.equal((await env.database.get('feeds', server.url('/meridian.xml')))?.checkedAt, '2025-08-16T18:00:00.000Z');
  assert.equal((await env.database.get('feeds', server.url('/harbour.atom')))?.checkedAt, '2025-08-16T18:00:00.000Z');

  harbourExtra = ENTRY_FERRY;
  env.setNow('2025-08-16T19:00:00Z');
  await refreshAllFeeds(env);
  assert.equal(env.packChanges(), changes + 1, 'one new item: one change');
  assert.equal((await env.database.get('packs', 'feeds'))?.updated, '2025-08-16T19:00:00.000Z');
  const after = await storedFeedPack(env);
  const added = after.stories.filter((s) => !before.stories.some((b) => b.id === s.id));
  assert.deepEqual(added.map((s) => s.title), ['Harbour ferry fares rise by five percent'], 'the new item is a story of its own');
  assert.deepEqual(after.stories.filter((s) => before.stories.some((b) => b.id === s.id)), before.stories, 'the others are as they were');
});
