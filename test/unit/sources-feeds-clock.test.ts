// A reader's clock set far ahead, against a local server that says the real time in its Date
// header: a feed's answer windows its items by the server's clock (feed-fetch.ts windowTime), so
// an item the feed dropped but that is days old is not taken for two months old and lost.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { addFeeds } from '../../src/background/sources/feed-batch';
import { windowTime } from '../../src/background/sources/feed-fetch';
import { pruneFeeds, refreshAllFeeds } from '../../src/background/sources/feeds';
import { startServer, type LocalServer } from './sources/local-server';
import { testEnv } from './sources-env';
import { rss, rssItem } from './sources-feed-fixtures';

const QUAKE = rssItem('https://north.example/quake', 'Magnitude 7.2 earthquake strikes Haiti', 'A powerful earthquake hit Haiti on Saturday morning, the US Geological Survey said.', 'Sat, 14 Aug 2021 12:00:00 GMT');
const FERRY = rssItem('https://north.example/ferry', 'Harbour ferry fares rise by five percent', 'The harbour board raised ferry fares, citing fuel costs.', 'Tue, 17 Aug 2021 08:00:00 GMT');

/** What the feed lists, and the server's clock (null: Node's own Date header). */
let listed = [QUAKE];
let serverNow: string | null = null;
let server: LocalServer;
before(async () => {
  server = await startServer({
    '/north.xml': (_req, res) => {
      if (serverNow) res.setHeader('date', new Date(serverNow).toUTCString());
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('North', 'https://north.example/', listed));
    },
  });
});
after(() => server.close());

const ids = async (env: Awaited<ReturnType<typeof testEnv>>): Promise<string[]> =>
  ((await env.database.get('feedItems', server.url('/north.xml')))?.feed.items ?? []).map((i) => i.id).sort();

test('with the clock 60 days ahead, an item the feed dropped three days after it was published is kept', async () => {
  listed = [QUAKE];
  serverNow = '2021-08-16T12:00:00Z';
  const env = await testEnv();
  env.setNow('2021-08-16T12:00:00Z');
  await addFeeds(env, [server.url('/north.xml')]);
  // The real time is 17 August; the reader's clock says 15 October. The feed has moved on.
  listed = [FERRY];
  serverNow = '2021-08-17T12:00:00Z';
  env.setNow('2021-10-15T12:00:00Z');
  await refreshAllFeeds(env);
  assert.deepEqual(await ids(env), ['https://north.example/ferry', 'https://north.example/quake'], 'the quake report, three days old, stays');
  // The daily prune (in Firefox a minute after every start) windows by the same clock, the server's.
  assert.equal(await pruneFeeds(env), 0);
  assert.deepEqual(await ids(env), ['https://north.example/ferry', 'https://north.example/quake'], 'still kept after the daily prune');
  // With the clock right, the same answer 60 days on takes the quake report past the window.
  serverNow = '2021-10-15T12:00:00Z';
  await refreshAllFeeds(env);
  assert.deepEqual(await ids(env), ['https://north.example/ferry']);
});

test('an answer with an old Date (a cache\'s, two days old) windows later but dates nothing published since', async () => {
  const NEW = rssItem('https://north.example/new', 'Ferry fares rise again', 'The harbour board raised fares again, citing fuel costs.', 'Tue, 17 Aug 2021 11:00:00 GMT');
  listed = [NEW];
  serverNow = '2021-08-15T11:00:00Z';
  const env = await testEnv();
  env.setNow('2021-08-17T12:00:00Z');
  await addFeeds(env, [server.url('/north.xml')]);
  const items = (await env.database.get('feedItems', server.url('/north.xml')))?.feed.items ?? [];
  assert.deepEqual(items.map((i) => i.published), ['2021-08-17T11:00:00.000Z'], 'published an hour ago, as the feed says');
});

test("the reader's clock is trusted within a day of the server's, and whenever the server says nothing usable", () => {
  const now = Date.parse('2021-10-15T12:00:00Z');
  assert.equal(windowTime(now, 'Fri, 15 Oct 2021 00:00:00 GMT'), now, 'twelve hours ahead: ours');
  assert.equal(windowTime(now, 'Tue, 17 Aug 2021 12:00:00 GMT'), Date.parse('2021-08-17T12:00:00Z'), 'two months ahead: the server\'s');
  assert.equal(windowTime(now, 'Thu, 15 Oct 2026 12:00:00 GMT'), now, 'behind the server: ours, never later');
  for (const date of [null, undefined, '', 'yesterday']) assert.equal(windowTime(now, date), now);
  assert.equal(windowTime(now, 'Thu, 01 Jan 1970 00:00:00 GMT'), now, 'a server reset to 1970: ours');
});
