// A feed that fails, against a local server: its items stay until it has failed every time it was
// asked for longer than the reader's window, counted from its first failure (feed-failures.ts);
// a refresh in which no feed got any answer (the reader offline: a laptop woken without network)
// drops nothing, though its failures count, so that a host refusing every connection is still
// judged gone in time; records of older versions, which say nothing of when a run began, are
// judged gone no sooner than before.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { addFeeds } from '../../src/background/sources/feed-batch';
import { failingSince } from '../../src/background/sources/feed-failures';
import { feedViews, pruneFeeds, refreshAllFeeds } from '../../src/background/sources/feeds';
import { writePrefs } from '../../src/background/sources/source-prefs';
import { packValues } from '../../src/background/pack-keys';
import { startServer, type LocalServer } from './sources/local-server';
import { testEnv, type TestEnv } from './sources-env';
import { rss, rssItem } from './sources-feed-fixtures';

/** How each feed answers now: its feed, no connection at all, or 404 (its server gone). */
const mode: Record<string, 'ok' | 'offline' | 'gone' | 'forbidden'> = {};
/** What each feed lists now; a test changes it. */
const listing: Record<string, string[]> = {};

const QUAKE = rssItem('https://north.example/quake', 'Magnitude 7.2 earthquake strikes Haiti', 'A powerful earthquake hit Haiti on Saturday morning, the US Geological Survey said.', 'Sat, 14 Aug 2021 12:00:00 GMT');
const SUMMIT = rssItem('https://north.example/summit', 'Trump and Putin end Alaska summit in Anchorage with no Ukraine ceasefire deal', 'Trump and Putin met for three hours at the Anchorage air base; the summit ended without a ceasefire.', 'Sat, 14 Aug 2021 20:00:00 GMT');
const FERRY = rssItem('https://south.example/ferry', 'Harbour ferry fares rise by five percent', 'The harbour board raised ferry fares, citing fuel costs.', 'Mon, 16 Aug 2021 08:00:00 GMT');
const BRIDGE = rssItem('https://south.example/bridge', 'City closes the old bridge for repairs until spring', 'The council closed the old bridge to traffic; repairs are to last until spring.', 'Tue, 17 Aug 2021 08:00:00 GMT');

let server: LocalServer;
before(async () => {
  server = await startServer(Object.fromEntries(['north', 'south'].map((name) => [`/${name}.xml`, (_req, res) => {
    if (mode[name] === 'offline') return void res.destroy();
    if (mode[name] === 'gone') return void res.writeHead(404).end();
    if (mode[name] === 'forbidden') return void res.writeHead(403).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(name, `https://${name}.example/`, listing[name] ?? []));
  }])));
});
after(() => server.close());

const url = (name: string): string => server.url(`/${name}.xml`);
const titles = async (env: TestEnv): Promise<string[]> => (await packValues(env.database, 'stories', 'feeds')).flatMap((s) => s.reports.map((r) => r.title)).sort();
const record = async (env: TestEnv, name: string) => (await env.database.get('feeds', url(name)))!;

/** North lists the quake and the summit, south the ferry: four reports, added on 16 August 2021. */
async function subscribed(): Promise<TestEnv> {
  Object.assign(mode, { north: 'ok', south: 'ok' });
  Object.assign(listing, { north: [QUAKE, SUMMIT], south: [FERRY] });
  const env = await testEnv();
  env.setNow('2021-08-16T12:00:00Z');
  assert.equal((await addFeeds(env, [url('north'), url('south')])).sources, 2);
  assert.equal((await titles(env)).length, 3);
  return env;
}

test('woken offline after 40 days asleep, the missed refresh fails for every feed and every story stays', async () => {
  const env = await subscribed();
  const before = await titles(env);
  env.setNow('2021-09-25T12:00:00Z');
  Object.assign(mode, { north: 'offline', south: 'offline' });
  const pass = await refreshAllFeeds(env);
  assert.deepEqual(await titles(env), before, 'every story stays');
  assert.deepEqual(pass, { offline: true });
  const views = await feedViews(env);
  // What the options page says, "failed, the previous version is kept", is so.
  for (const view of views) {
    assert.match(view.error ?? '', /fetch failed/, 'the failed attempt is recorded');
    assert.equal(view.checkedAt, '2021-09-25T12:00:00.000Z');
    assert.equal(view.okAt, '2021-08-16T12:00:00.000Z');
  }
  assert.deepEqual(views.map((v) => v.itemCount).sort(), [1, 2], 'the items are kept');
  // A run of failures begins now, not at the last success: the next daily pass keeps what each listed.
  assert.equal(failingSince(await record(env, 'north')), '2021-09-25T12:00:00.000Z');
  assert.equal(await pruneFeeds(env), 0);
  // Back online, the next refresh carries on from what was kept.
  Object.assign(mode, { north: 'ok', south: 'ok' });
  env.setNow('2021-09-25T18:00:00Z');
  assert.deepEqual(await refreshAllFeeds(env), { offline: false });
  assert.deepEqual(await titles(env), before);
  assert.deepEqual((await feedViews(env)).map((v) => v.error), [null, null]);
});

test('with a 7-day window, one offline refresh 8 days after the last success keeps every story', async () => {
  const env = await subscribed();
  await writePrefs(env.database, { feedRetentionDays: 7 });
  env.setNow('2021-08-24T12:00:00Z');
  Object.assign(mode, { north: 'offline', south: 'offline' });
  await refreshAllFeeds(env);
  assert.equal((await titles(env)).length, 3);
});

test('a pass in which no feed got an answer drops nothing, not even items the window would take', async () => {
  const env = await subscribed();
  // South moves on to the bridge: the ferry is kept, no longer listed.
  listing['south'] = [BRIDGE];
  env.setNow('2021-08-17T12:00:00Z');
  await refreshAllFeeds(env);
  assert.equal((await record(env, 'south')).itemCount, 2);
  // Forty days on, offline: the ferry is past the window, but this pass is no time to judge.
  env.setNow('2021-09-25T12:00:00Z');
  Object.assign(mode, { north: 'offline', south: 'offline' });
  const pass = await refreshAllFeeds(env);
  assert.equal((await record(env, 'south')).itemCount, 2, 'the unlisted ferry item stays');
  assert.ok((await titles(env)).includes('Harbour ferry fares rise by five percent'));
  assert.deepEqual(pass, { offline: true });
});

test('one feed answering makes the others\' failures theirs: a feed gone 404 is judged, from its first failure', async () => {
  const env = await subscribed();
  // Forty days on (the browser closed meanwhile), south is gone; north answers. South's first
  // failure: its items stay.
  env.setNow('2021-09-25T12:00:00Z');
  mode['south'] = 'gone';
  const pass = await refreshAllFeeds(env);
  assert.equal((await record(env, 'south')).itemCount, 1, 'one failure after 40 days is no dead feed');
  assert.ok((await titles(env)).includes('Harbour ferry fares rise by five percent'));
  assert.equal(failingSince(await record(env, 'south')), '2021-09-25T12:00:00.000Z');
  assert.deepEqual(pass, { offline: false });
  // Twenty-nine days of failures: still within the window.
  env.setNow('2021-10-24T12:00:00Z');
  await refreshAllFeeds(env);
  assert.equal(failingSince(await record(env, 'south')), '2021-09-25T12:00:00.000Z', 'the run goes on from its first failure');
  assert.equal((await record(env, 'south')).itemCount, 1);
  // Thirty-one days of failures: longer than the window, its server taken for gone.
  env.setNow('2021-10-26T12:00:00Z');
  await refreshAllFeeds(env);
  assert.equal((await record(env, 'south')).itemCount, 0);
  assert.equal((await titles(env)).includes('Harbour ferry fares rise by five percent'), false);
  assert.equal((await record(env, 'north')).itemCount, 2, 'north, answering, keeps what it lists');
  // A success ends the run.
  mode['south'] = 'ok';
  await refreshAllFeeds(env);
  assert.equal((await record(env, 'south')).failingSince, null);
});

test('an offline pass drops nothing, but its failures count: a host refusing every connection for longer than the window goes', async () => {
  const env = await subscribed();
  env.setNow('2021-08-20T12:00:00Z');
  mode['south'] = 'gone';
  await refreshAllFeeds(env);
  assert.equal(failingSince(await record(env, 'south')), '2021-08-20T12:00:00.000Z');
  env.setNow('2021-08-21T12:00:00Z');
  Object.assign(mode, { north: 'offline', south: 'offline' });
  assert.deepEqual(await refreshAllFeeds(env), { offline: true });
  assert.equal(failingSince(await record(env, 'south')), '2021-08-20T12:00:00.000Z', 'south has been failing since the 20th');
  assert.equal(failingSince(await record(env, 'north')), '2021-08-21T12:00:00.000Z', 'north\'s run begins with its first failure');
  assert.match((await record(env, 'north')).error ?? '', /fetch failed/);
  // North's host (the reader's every feed, say) refuses every connection from then on: each pass
  // looks offline, but once it has done so for longer than the window, the daily prune takes it for gone.
  env.setNow('2021-09-20T12:00:00Z');
  assert.deepEqual(await refreshAllFeeds(env), { offline: true });
  assert.equal(await pruneFeeds(env), 1, 'south, failing for 31 days, goes; north, for 30, not yet');
  assert.equal((await record(env, 'north')).itemCount, 2);
  env.setNow('2021-09-22T12:00:00Z');
  assert.deepEqual(await refreshAllFeeds(env), { offline: true });
  assert.equal(await pruneFeeds(env), 2);
  assert.equal((await record(env, 'north')).itemCount, 0);
});

test('a record of an older version, with no failingSince, is judged from its last attempt: never sooner than before', async () => {
  const env = await subscribed();
  const old = async (name: string, fields: { checkedAt: string; okAt: string; error: string | null }): Promise<void> => {
    const { failingSince: _, ...rest } = await record(env, name);
    await env.database.put('feeds', { ...rest, ...fields });
  };
  env.setNow('2021-09-25T12:00:00Z');
  // North failed once, just now, after 40 days: the old rule took it for dead; it keeps its items.
  await old('north', { checkedAt: '2021-09-25T06:00:00.000Z', okAt: '2021-08-16T12:00:00.000Z', error: 'fetch failed: HTTP 503' });
  // South's last attempt, a failure, is older than the window: gone, as before.
  await old('south', { checkedAt: '2021-08-20T12:00:00.000Z', okAt: '2021-08-16T12:00:00.000Z', error: 'fetch failed: HTTP 404' });
  assert.equal(failingSince(await record(env, 'north')), '2021-09-25T06:00:00.000Z');
  assert.equal(await pruneFeeds(env), 1);
  assert.equal((await record(env, 'north')).itemCount, 2);
  assert.equal((await record(env, 'south')).itemCount, 0);
  // One that last succeeded reads as not failing.
  const { failingSince: _, ...rest } = await record(env, 'north');
  assert.equal(failingSince({ ...rest, error: null }), null);
});

test('a feed Storyline may not reach (access withdrawn) was not asked: the others failing with no answer is still an offline pass', async () => {
  const env = await subscribed();
  env.setNow('2021-08-20T12:00:00Z');
  mode['south'] = 'offline';
  // Both feeds are on one local server: north's access is withdrawn by address, as the permission check would by host.
  const hasAccess = env.hasAccess;
  env.hasAccess = async (address) => address !== url('north') && hasAccess(address);
  assert.deepEqual(await refreshAllFeeds(env), { offline: true });
  assert.equal((await record(env, 'north')).failure, 'no-access');
});

test('a server answering 403 did answer: with the others failing with no answer, the pass is not offline', async () => {
  const env = await subscribed();
  env.setNow('2021-08-20T12:00:00Z');
  Object.assign(mode, { north: 'forbidden', south: 'offline' });
  assert.deepEqual(await refreshAllFeeds(env), { offline: false });
  assert.equal((await record(env, 'north')).failure, 'no-access');
});

test('a feed whose last answer said the reader\'s clock was far ahead is still judged gone by the reader\'s clock', async () => {
  const env = await subscribed();
  // Its last answer found the reader's clock a year and more ahead of its server's (the offset
  // windows its items; it must not push back when a feed failing since is taken for gone).
  await env.database.put('feeds', { ...(await record(env, 'south')), clockAheadMs: 3_000 * 86_400_000 });
  env.setNow('2021-08-20T12:00:00Z');
  Object.assign(mode, { south: 'gone' });
  await refreshAllFeeds(env);
  env.setNow('2021-09-25T12:00:00Z');
  assert.equal(await pruneFeeds(env), 1, 'failing since 20 August: gone');
  assert.equal((await record(env, 'south')).itemCount, 0);
});
