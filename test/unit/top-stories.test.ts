// "Most covered right now" on the welcome page: from the reader's feed stories, those at least two
// outlets reported in the last two days, most outlets first, each with one report per outlet to
// open (newest first, only reports with an address); old and undated reports do not count. The
// popup lists them too, kept between openings while the feed stories stay as they were.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { addFeed } from '../../src/background/sources/feeds';
import { currentTopStories, topStories, TOP_STORY_HOURS } from '../../src/background/top-stories';
import { popupLists } from '../../src/background/popup-lists';
import { HAITI, rss, rssItem } from './sources-feed-fixtures';
import { startServer, type LocalServer, type Route } from './sources/local-server';
import { testEnv } from './sources-env';

const NOW = new Date('2021-08-15T12:00:00Z');
const hoursAgo = (h: number): string => new Date(NOW.getTime() - h * 3_600_000).toUTCString();
const item = (host: string, slug: string, title: string, summary: string, h: number | null): string =>
  rssItem(`https://${host}/${slug}`, title, summary, h === null ? '' : hoursAgo(h));

const quake = (host: string, h: number | null, title: string = HAITI.bridge.title): string => item(host, 'quake', title, HAITI.bridge.summary, h);
const summit = (host: string, h: number): string =>
  item(host, 'summit', 'Trump and Putin end Alaska summit with no Ukraine ceasefire deal', 'Trump and Putin met for three hours in Anchorage; the Alaska summit ended without a ceasefire agreement on Ukraine.', h);
const ferry = (host: string, h: number): string => item(host, 'ferry', 'Harbour ferry fares rise by five percent', 'The harbour board raised ferry fares by five percent, citing fuel costs and crew wages.', h);

let server: LocalServer;
before(async () => {
  const feed = (host: string, items: string[]): Route => (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(host, `https://${host}/`, items));
  server = await startServer({
    // The quake: three outlets within the day. The summit: two. The ferry fares: two, but days ago.
    '/a.xml': feed('a.example', [quake('a.example', 2, 'Haiti earthquake kills hundreds in Les Cayes, officials say'), summit('a.example', 5), ferry('a.example', 90)]),
    '/b.xml': feed('b.example', [quake('b.example', 3), summit('b.example', 6), ferry('b.example', 80)]),
    '/c.xml': feed('c.example', [quake('c.example', 1, 'Les Cayes: Haiti earthquake kills hundreds')]),
    // An undated report may be of any day: it does not count.
    '/d.xml': feed('d.example', [quake('d.example', null, 'Hundreds killed as Haiti earthquake hits Les Cayes')]),
  });
});
after(() => server.close());

test('the stories most outlets reported in the window come first, each with a report per outlet to open', async () => {
  const env = await testEnv();
  env.setNow(NOW.toISOString());
  for (const path of ['/a.xml', '/b.xml', '/c.xml', '/d.xml']) await addFeed(env, server.url(path));
  const top = await topStories(env.database, NOW);
  assert.deepEqual(
    top.map((s) => [s.outlets, s.reports.map((r) => r.outletName)]),
    [
      [3, ['c.example', 'a.example', 'b.example']],
      [2, ['a.example', 'b.example']],
    ],
    'the quake (three outlets, newest report first), then the summit; the ferry story is days old',
  );
  assert.ok(top[0]!.reports.every((r) => r.url.endsWith('/quake')));
  const stored = (await env.database.get('stories', top[0]!.id))!;
  assert.ok(stored.reports.some((r) => r.outlet.includes('d.example')), 'the undated report is in the story, not counted');
  assert.equal(TOP_STORY_HOURS, 48);
  // Two days later nothing is news any more.
  assert.deepEqual(await topStories(env.database, new Date(NOW.getTime() + 49 * 3_600_000)), []);
  assert.equal((await topStories(env.database, NOW, 1)).length, 1);
});

test('the list is kept while the feed stories stay as they were, for a quarter of an hour at most', async () => {
  const env = await testEnv();
  env.setNow(NOW.toISOString());
  for (const path of ['/a.xml', '/b.xml']) await addFeed(env, server.url(path));
  const first = await currentTopStories(env.database, NOW);
  assert.equal(first.length, 2);
  // A story taken out behind the feeds' back (the feeds pack's version unchanged): still listed.
  await env.database.delete('stories', first[1]!.id);
  assert.deepEqual(await currentTopStories(env.database, new Date(NOW.getTime() + 60_000)), first);
  assert.deepEqual((await currentTopStories(env.database, new Date(NOW.getTime() + 16 * 60_000))).map((s) => s.id), [first[0]!.id]);
  // A feed write (at a later time: the version is its time) makes the list read again at once.
  env.setNow(new Date(NOW.getTime() + 17 * 60_000).toISOString());
  await currentTopStories(env.database, env.now());
  await addFeed(env, server.url('/c.xml'));
  const after = await currentTopStories(env.database, env.now());
  assert.equal(after[0]!.outlets, 3);
});

test('the popup lists the most covered stories but the tab’s own, which its card shows', async () => {
  const env = await testEnv();
  env.setNow(NOW.toISOString());
  for (const path of ['/a.xml', '/b.xml', '/c.xml']) await addFeed(env, server.url(path));
  const [quake, summit] = await topStories(env.database, NOW);
  assert.deepEqual((await popupLists(env.database, null, [], NOW)).top.map((s) => s.id), [quake!.id, summit!.id]);
  assert.deepEqual((await popupLists(env.database, quake!.id, [], NOW)).top.map((s) => s.id), [summit!.id]);
});
