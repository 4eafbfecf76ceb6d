// Feed stories stored incrementally, against a local server: adding a feed then removing it
// restores every stored record exactly (a merge undone included); the engine's live index,
// following the deltas, holds what an index built from the stored reports holds; a woken worker
// carries on from the stored clusterer state, and a state from another engine is clustered again
// from scratch; items older than the window leave their stories (the one that merged two stories
// splits them back) while items their feed still lists stay.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { StoryIndex } from '../../src/engine';
import { feedStore, forgetFeedStore, STATE_KEY } from '../../src/background/sources/feed-state';
import { addFeeds } from '../../src/background/sources/feed-batch';
import { addFeed, pruneFeeds, refreshAllFeeds, refreshFeed, removeFeed } from '../../src/background/sources/feeds';
import { packValues } from '../../src/background/pack-keys';
import { installPack, storedDigests } from '../../src/background/pack-store';
import { applyStoryDelta, articleDoc } from '../../src/background/story-delta';
import { everyReport, reportIds } from '../../src/background/story-reports';
import { followedStories, setFollowing } from '../../src/background/follow';
import { actionStateKey, categoriesKey, confirmationKey, followKey } from '../../src/formats/storage-schema';
import type { Pack } from '../../src/formats/model';
import { startServer, type LocalServer } from './sources/local-server';
import { testEnv, type TestEnv } from './sources-env';
import { HAITI, haitiItem, rss, rssItem } from './sources-feed-fixtures';

const [Q1, Q2, Q3] = [haitiItem(HAITI.quake), haitiItem(HAITI.lesCayes), haitiItem(HAITI.bridge)];

let server: LocalServer;
/** What the south feed lists now; a test changes it. */
let southItems: string[] = [];
/** Whether the south feed answers 503; a test sets it. */
let southDown = false;

const SUMMIT = rssItem('https://north.example/alaska-summit', 'Trump and Putin end Alaska summit in Anchorage with no Ukraine ceasefire deal', 'Trump and Putin met for three hours at the Anchorage air base; the Alaska summit ended without a ceasefire agreement on Ukraine.', 'Sat, 14 Aug 2021 20:00:00 GMT');
const SUMMIT_2 = rssItem('https://south.example/anchorage', 'Putin and Trump hold Alaska summit in Anchorage, no Ukraine ceasefire deal reached', 'After about three hours of talks in Anchorage, Alaska, no ceasefire or agreement on Ukraine was announced.', 'Sat, 14 Aug 2021 21:00:00 GMT');
const FERRY = rssItem('https://south.example/ferry', 'Harbour ferry fares rise by five percent', 'The harbour board raised ferry fares, citing fuel costs.', 'Tue, 24 Aug 2021 08:00:00 GMT');

/**
 * An aggregator's feed, shaped as the big ones give it: each item links through the aggregator,
 * names its outlet in <source> and after its headline, and describes itself with a link and the
 * outlet's name only. One item is North Star's summit report, one an outlet with no feed of its own.
 */
const aggregated = (id: string, title: string, outlet: string, home: string, date: string): string =>
  `<item><title>${title} - ${outlet}</title><link>https://hub.example/articles/${id}?oc=5</link><guid isPermaLink="false">${id}</guid><pubDate>${date}</pubDate>` +
  `<description>&lt;a href="https://hub.example/articles/${id}"&gt;${title}&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font color="#6f6f6f"&gt;${outlet}&lt;/font&gt;</description><source url="${home}">${outlet}</source></item>`;
const HUB_ITEMS = [
  aggregated('n1', 'Trump and Putin end Alaska summit in Anchorage with no Ukraine ceasefire deal', 'North Star', 'https://north.example', 'Sat, 14 Aug 2021 20:10:00 GMT'),
  aggregated('e1', 'Alaska summit in Anchorage: Trump and Putin reach no Ukraine ceasefire deal', 'East Gazette', 'https://www.east.example/', 'Sat, 14 Aug 2021 20:40:00 GMT'),
];

before(async () => {
  server = await startServer({
    '/hub.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Top stories - Hub News', 'https://hub.example/', HUB_ITEMS)),
    '/north.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('North Star | World', 'https://north.example/', [Q1, Q2, SUMMIT])),
    '/south.xml': (_req, res) =>
      southDown ? res.writeHead(503).end() : res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('South Herald', 'https://south.example/', southItems)),
  });
});
after(() => server.close());
afterEach(() => {
  southItems = [Q3, SUMMIT_2];
  southDown = false;
});
southItems = [Q3, SUMMIT_2];

const labels: Pack = {
  format: 1,
  id: 'labels',
  publisher: 'Labels',
  version: '1',
  updated: '2021-08-14T00:00:00Z',
  categories: [{ id: 'diplomacy', name: 'Diplomacy', actions: [{ id: 'write', kind: 'write', title: 'Write to your representative', details: 'Ask for a ceasefire.' }] }],
  outlets: [{ id: 'o', name: 'O' }],
  stories: [{
    id: 'summit',
    title: 'Trump and Putin meet at the Alaska summit in Anchorage',
    summary: 'The Anchorage summit on a Ukraine ceasefire.',
    categories: ['diplomacy'],
    articles: [{ id: 'a', title: 'Trump and Putin Alaska summit in Anchorage ends without Ukraine ceasefire deal', outlet: 'o', kind: 'report', published: '2021-08-14T20:00:00Z' }],
    opinions: [],
    actions: [],
  }],
};

async function stored(env: TestEnv) {
  const [stories, categories, outlets, digests] = await Promise.all([
    packValues(env.database, 'stories', 'feeds'),
    packValues(env.database, 'categories', 'feeds'),
    packValues(env.database, 'outlets', 'feeds'),
    env.database.get('meta', 'pack-digests:feeds'),
  ]);
  return { stories, categories, outlets, digests: [...storedDigests(digests?.value).keys()].sort() };
}

const titles = async (env: TestEnv): Promise<string[][]> => (await packValues(env.database, 'stories', 'feeds')).map((s) => s.reports.map((r) => r.title)).sort();

test('adding a feed then removing it restores every stored record exactly, a merge undone included', async () => {
  const env = await testEnv();
  await installPack(env.database, labels, 'file');
  await addFeed(env, server.url('/north.xml'));
  const before = await stored(env);
  assert.equal(before.stories.length, 3, 'two Haiti stories and the summit');
  assert.deepEqual(before.digests, before.stories.map((s) => s.id).sort(), 'a digest for every stored story, and none other');
  assert.equal(before.categories.length, 1, 'the summit is labelled');

  await addFeed(env, server.url('/south.xml'));
  const merged = await titles(env);
  assert.equal(merged.length, 2, 'the south report merged the two Haiti stories; the second summit report joined the first');
  assert.ok(merged.some((t) => t.length === 3 && t.includes('Haiti earthquake kills hundreds in Les Cayes')));

  await removeFeed(env, server.url('/south.xml'));
  assert.deepEqual(await stored(env), before);
});

const LES_CAYES = HAITI.lesCayes.title;
const storyHolding = async (env: TestEnv, title: string): Promise<string> =>
  (await packValues(env.database, 'stories', 'feeds')).find((s) => s.reports.some((r) => r.title === title))!.id;

/** The north feed added: its two Haiti stories, which the south feed's report makes one (the older's). */
async function haitiHalves(env: TestEnv): Promise<{ older: string; newer: string }> {
  await addFeed(env, server.url('/north.xml'));
  const older = await storyHolding(env, HAITI.quake.title);
  const newer = await storyHolding(env, LES_CAYES);
  assert.notEqual(older, newer);
  return { older, newer };
}

test('what the reader kept about a story merged into another follows its reports there', async () => {
  const env = await testEnv();
  const { database } = env;
  const { older, newer } = await haitiHalves(env);
  // The reader follows the Les Cayes story, files it and ticks a step; one page said "Not this
  // story" to it.
  await setFollowing(database, newer, true);
  const at = '2021-08-14T16:00:00.000Z';
  await database.put('userState', { key: categoriesKey(newer), kind: 'categories', storyId: newer, categories: ['civic/disasters'], at });
  await database.put('userState', { key: actionStateKey(newer, 'civic/disasters#donate'), kind: 'action-done', storyId: newer, actionId: 'civic/disasters#donate', done: true, at });
  await database.put('userState', { key: 'reject:page.example/x:' + newer, kind: 'rejected', pageKey: 'page.example/x', storyId: newer, at });
  // Another page the reader said is about it.
  await database.put('userState', { key: confirmationKey('page.example/y'), kind: 'confirmed', pageKey: 'page.example/y', storyId: newer, at });
  const seenBefore = await reportIds(database, older);

  await addFeed(env, server.url('/south.xml'));
  assert.equal(await storyHolding(env, LES_CAYES), older, 'merged into the older story');
  assert.equal((await database.getAllFromIndex('userState', 'byStory', newer)).filter((r) => r.kind !== 'rejected').length, 0, 'nothing kept under the id that went');
  const follow = await database.get('userState', followKey(older));
  assert.equal(follow?.kind, 'follow');
  const followed = await followedStories(database);
  assert.equal(followed.length, 1);
  assert.equal(followed[0]!.id, older);
  // The merged story's three reports: what the reader had seen of Les Cayes, the report the older
  // story already had (not news), and the one that came with the merge (news).
  assert.equal(followed[0]!.reportCount, 3);
  assert.equal(followed[0]!.newReports, 1, 'only the report that arrived with the merge is new');
  for (const id of seenBefore) assert.ok(follow?.kind === 'follow' && follow.seen.includes(id));
  const filed = await database.get('userState', categoriesKey(older));
  assert.deepEqual(filed?.kind === 'categories' ? filed.categories : null, ['civic/disasters']);
  const ticked = await database.get('userState', actionStateKey(older, 'civic/disasters#donate'));
  assert.equal(ticked?.kind === 'action-done' && ticked.done, true);
  assert.ok(await database.get('userState', 'reject:page.example/x:' + newer), 'a rejection stays with the page and the story it named');
  const said = await database.get('userState', confirmationKey('page.example/y'));
  assert.equal(said?.kind === 'confirmed' && said.storyId, older, 'the page is about the story that holds the reports now');
});

test('a story merged into one the reader has their own state for: theirs stands, what either had seen stays seen', async () => {
  const env = await testEnv();
  const { database } = env;
  const { older, newer } = await haitiHalves(env);
  const at = '2021-08-14T16:00:00.000Z';
  for (const [id, category] of [[older, 'civic/disasters'], [newer, 'civic/world']] as const) {
    await setFollowing(database, id, true);
    await database.put('userState', { key: categoriesKey(id), kind: 'categories', storyId: id, categories: [category], at });
  }
  await addFeed(env, server.url('/south.xml'));
  const filed = await database.get('userState', categoriesKey(older));
  assert.deepEqual(filed?.kind === 'categories' ? filed.categories : null, ['civic/disasters'], "the older story's own filing stands");
  const followed = await followedStories(database);
  assert.deepEqual(followed.map((f) => [f.id, f.reportCount, f.newReports]), [[older, 3, 1]]);
  assert.equal(await database.get('userState', followKey(newer)), undefined);
});

/** The live index, which followed the deltas, holds what an index built from the stored reports holds. */
async function liveIndexAgrees(env: TestEnv, live: StoryIndex, step: string): Promise<void> {
  const rebuilt = new StoryIndex();
  for (const report of await everyReport(env.database)) rebuilt.addArticle(report.storyId, articleDoc(report));
  const members = (ix: StoryIndex) => [...ix.docs.keys()].sort().map((id) => [id, ix.storyOf(id)]);
  assert.deepEqual(members(live), members(rebuilt), step);
}

test('the live index, following the deltas, holds what an index built from the stored reports holds', async () => {
  const live = new StoryIndex();
  const env = await testEnv({ onStoriesChanged: async (delta) => applyStoryDelta(live, delta) });
  const compare = (step: string) => liveIndexAgrees(env, live, step);
  await addFeed(env, server.url('/north.xml'));
  await compare('north added');
  await addFeed(env, server.url('/south.xml'));
  await compare('south added (a merge)');
  southItems = [FERRY];
  env.setNow('2021-08-24T12:00:00Z');
  await refreshFeed(env, server.url('/south.xml'));
  await compare('south refreshed: its old items kept within the window, a new one');
  env.setNow('2021-10-01T12:00:00Z');
  await pruneFeeds(env);
  await compare('the south items it no longer lists aged out (the merge undone)');
  await removeFeed(env, server.url('/north.xml'));
  await compare('north removed');
});

test("an aggregator's items are their outlets' reports, and one also in the outlet's own feed is listed once", async () => {
  const live = new StoryIndex();
  const env = await testEnv({ onStoriesChanged: async (delta) => applyStoryDelta(live, delta) });
  const indexed = (step: string) => liveIndexAgrees(env, live, step);
  const summit = async () => {
    const stories = await packValues(env.database, 'stories', 'feeds');
    const story = stories.find((s) => s.reports.some((r) => r.title.includes('Alaska summit')))!;
    return story.reports.map((r) => [r.outlet, r.title, r.url]).sort();
  };
  const outlets = async () => (await packValues(env.database, 'outlets', 'feeds')).map((o) => [o.domain, o.name]).sort();

  await addFeed(env, server.url('/hub.xml'));
  assert.deepEqual(await summit(), [
    ['east.example', 'Alaska summit in Anchorage: Trump and Putin reach no Ukraine ceasefire deal', 'https://hub.example/articles/e1?oc=5'],
    ['north.example', 'Trump and Putin end Alaska summit in Anchorage with no Ukraine ceasefire deal', 'https://hub.example/articles/n1?oc=5'],
  ], "each report under the outlet the aggregator names, its headline without the outlet's name");
  assert.deepEqual(await outlets(), [['east.example', 'East Gazette'], ['north.example', 'North Star']]);
  const [hubItems] = await env.database.getAll('feedItems');
  assert.deepEqual(hubItems!.feed.items.map((i) => i.summary), ['', ''], 'a description that only links to the headline is no lead');
  await indexed('the aggregator alone');

  await addFeed(env, server.url('/north.xml'));
  assert.deepEqual(await summit(), [
    ['east.example', 'Alaska summit in Anchorage: Trump and Putin reach no Ukraine ceasefire deal', 'https://hub.example/articles/e1?oc=5'],
    ['north.example', 'Trump and Putin end Alaska summit in Anchorage with no Ukraine ceasefire deal', 'https://north.example/alaska-summit'],
  ], "North Star's report once, as its own feed gives it");
  assert.deepEqual(await outlets(), [['east.example', 'East Gazette'], ['north.example', 'North Star']], 'named by its own feed now');
  await indexed("the outlet's own feed added: the aggregator's copy left the index");

  await removeFeed(env, server.url('/north.xml'));
  assert.deepEqual((await summit()).map(([, , url]) => url), ['https://hub.example/articles/e1?oc=5', 'https://hub.example/articles/n1?oc=5']);
  await indexed("the outlet's own feed removed: the aggregator's copy is back");
});

test('a woken worker carries on from the stored state; a state from another engine is clustered again from scratch', async () => {
  const env = await testEnv();
  await addFeed(env, server.url('/north.xml'));
  await addFeed(env, server.url('/south.xml'));
  const before = await stored(env);
  forgetFeedStore(env.database);
  const woken = await feedStore(env.database);
  assert.equal(woken.whole, false, 'restored, not clustered again');
  assert.deepEqual(woken.model.storyIds().sort(), before.stories.map((s) => s.id.slice('feeds/'.length)).sort());
  await removeFeed(env, server.url('/south.xml'));
  await addFeed(env, server.url('/south.xml'));
  assert.deepEqual(await stored(env), before, 'and carries on exactly');

  // Written by a version that named outlets otherwise (or named none in the state): restored, not
  // clustered again, and every story written again at the next change.
  const named = (await env.database.get('meta', STATE_KEY))?.value as Record<string, unknown>;
  await env.database.put('meta', { key: STATE_KEY, value: { ...named, outletNames: undefined } });
  forgetFeedStore(env.database);
  const renamed = await feedStore(env.database);
  assert.equal(renamed.whole, true, 'written whole at the next change');
  assert.deepEqual(renamed.model.storyIds().sort(), before.stories.map((s) => s.id.slice('feeds/'.length)).sort(), 'from the stored state');
  await removeFeed(env, server.url('/south.xml'));
  await addFeed(env, server.url('/south.xml'));
  assert.deepEqual(await stored(env), before);
  forgetFeedStore(env.database);
  assert.equal((await feedStore(env.database)).whole, false, 'the names written with them');

  const state = await env.database.get('meta', STATE_KEY);
  await env.database.put('meta', { key: STATE_KEY, value: { ...(state?.value as object), engine: 'another engine' } });
  // Records no story needs (left by older code, say): the whole pack is written, so they go.
  await env.database.put('categories', { id: 'feeds/old:gone', name: 'Gone', actions: [], packId: 'feeds' });
  await env.database.put('outlets', { id: 'feeds/gone.example', name: 'Gone', packId: 'feeds' });
  forgetFeedStore(env.database);
  assert.equal((await feedStore(env.database)).whole, true, 'clustered from scratch');
  await removeFeed(env, server.url('/south.xml'));
  await addFeed(env, server.url('/south.xml'));
  assert.deepEqual(await stored(env), before, 'the same stories, and nothing else');
});

test('a batch stores the stories and the clusterer state with its sources, so a woken worker carries on without clustering again', async () => {
  const env = await testEnv();
  await addFeed(env, server.url('/north.xml'));
  assert.equal((await addFeeds(env, [server.url('/south.xml')])).sources, 1);
  forgetFeedStore(env.database);
  assert.equal((await feedStore(env.database)).whole, false, 'the state saved with the stories');
});

test('items older than the window leave their stories unless their feed still lists them; the merging item splits its story back', async () => {
  const env = await testEnv();
  env.setNow('2021-08-15T12:00:00Z');
  await addFeed(env, server.url('/north.xml'));
  await addFeed(env, server.url('/south.xml'));
  assert.equal((await titles(env)).length, 2);
  // Ten days on, the south feed lists only a new item; the earlier ones are kept (within 30 days).
  southItems = [FERRY];
  env.setNow('2021-08-25T12:00:00Z');
  await refreshFeed(env, server.url('/south.xml'));
  assert.equal((await env.database.get('feeds', server.url('/south.xml')))?.itemCount, 3);
  assert.equal((await titles(env)).length, 3, 'the two Haiti stories are still one; the ferry story is new');

  // Forty days on: the daily pass. South's old items go (the merge with them); north's stay, listed.
  env.setNow('2021-09-24T12:00:00Z');
  assert.equal(await pruneFeeds(env), 2);
  assert.equal((await env.database.get('feeds', server.url('/south.xml')))?.itemCount, 1);
  assert.deepEqual(await titles(env), [
    ['Harbour ferry fares rise by five percent'],
    ['Hundreds dead in Les Cayes as rescuers dig through rubble'],
    ['Magnitude 7.2 earthquake strikes Haiti'],
    ['Trump and Putin end Alaska summit in Anchorage with no Ukraine ceasefire deal'],
  ]);
  assert.equal(await pruneFeeds(env), 0, 'nothing more to do');

  // A window of one day: the ferry item, unlisted... is listed; nothing else leaves either.
  await env.database.put('meta', { key: 'source-prefs', value: { refreshHours: 6, retentionDays: 90, feedRetentionDays: 1 } });
  southItems = [];
  await refreshFeed(env, server.url('/south.xml'));
  assert.equal((await env.database.get('feeds', server.url('/south.xml')))?.itemCount, 0, 'no longer listed and older than a day');
  assert.equal((await titles(env)).length, 3, 'its story went with it');
});

test('the scheduled refresh takes the window to a feed that did not answer, and keeps what a feed lists', async () => {
  const env = await testEnv();
  env.setNow('2021-08-15T12:00:00Z');
  await addFeed(env, server.url('/north.xml'));
  await addFeed(env, server.url('/south.xml'));
  // Ten days on the south feed lists only the ferry item; the Haiti and summit items are kept.
  southItems = [FERRY];
  env.setNow('2021-08-25T12:00:00Z');
  await refreshFeed(env, server.url('/south.xml'));
  assert.equal((await env.database.get('feeds', server.url('/south.xml')))?.itemCount, 3);
  // Forty days on the south feed is down: its unlisted items are past the window all the same.
  southDown = true;
  env.setNow('2021-09-24T12:00:00Z');
  await refreshAllFeeds(env);
  const south = await env.database.get('feeds', server.url('/south.xml'));
  assert.match(south?.error ?? '', /503/, 'the failed attempt is recorded');
  assert.equal(south?.itemCount, 1, 'only the item it listed last stays');
  assert.equal((await env.database.get('feeds', server.url('/north.xml')))?.itemCount, 3, 'north answered and lists all three');
  assert.deepEqual(await titles(env), [
    ['Harbour ferry fares rise by five percent'],
    ['Hundreds dead in Les Cayes as rescuers dig through rubble'],
    ['Magnitude 7.2 earthquake strikes Haiti'],
    ['Trump and Putin end Alaska summit in Anchorage with no Ukraine ceasefire deal'],
  ]);
});

test('clustered again from scratch (an update whose engine reads the feeds differently), a story under a new id keeps what the reader kept', async () => {
  southItems = [SUMMIT_2];
  const env = await testEnv();
  env.setNow('2021-08-15T12:00:00Z');
  // The later summit report arrives first: built up over time, the story is named after it.
  await addFeed(env, server.url('/south.xml'));
  await addFeed(env, server.url('/north.xml'));
  const summit = (await packValues(env.database, 'stories', 'feeds')).find((s) => s.reports.length === 2)!;
  await setFollowing(env.database, summit.id, true);
  await env.database.put('userState', { key: actionStateKey(summit.id, 'sign'), kind: 'action-done', storyId: summit.id, actionId: 'sign', done: true, at: '2021-08-15T12:00:00.000Z' });
  const state = await env.database.get('meta', STATE_KEY);
  await env.database.put('meta', { key: STATE_KEY, value: { ...(state?.value as object), engine: 'the next release' } });
  forgetFeedStore(env.database);
  assert.equal((await feedStore(env.database)).whole, true, 'clustered from scratch');
  await refreshFeed(env, server.url('/north.xml'));
  const now = (await packValues(env.database, 'stories', 'feeds')).find((s) => s.reports.length === 2)!;
  // In one pass the story is named after its earliest report: another id.
  assert.notEqual(now.id, summit.id);
  assert.deepEqual((await followedStories(env.database)).map((s) => s.id), [now.id]);
  assert.equal((await env.database.get('userState', actionStateKey(now.id, 'sign')))?.kind, 'action-done');
  assert.equal(await env.database.get('userState', followKey(summit.id)), undefined);
});

test('a feed that has failed every time for longer than the window keeps nothing past it; one not asked meanwhile keeps what it listed', async () => {
  southItems = [FERRY];
  const env = await testEnv();
  env.setNow('2021-08-25T12:00:00Z');
  await addFeed(env, server.url('/south.xml'));
  const ferryStory = async () => (await titles(env)).some((t) => t.includes('Harbour ferry fares rise by five percent'));
  assert.ok(await ferryStory());
  // Forty days on, not asked meanwhile (the browser closed): the daily pass keeps what it listed.
  env.setNow('2021-10-04T12:00:00Z');
  assert.equal(await pruneFeeds(env), 0);
  assert.ok(await ferryStory());
  // Asked now, it fails (its server gone): one failure, its first, after the browser was closed.
  southDown = true;
  await refreshAllFeeds(env);
  assert.match((await env.database.get('feeds', server.url('/south.xml')))?.error ?? '', /503/);
  assert.ok(await ferryStory(), 'failing since today, not for the 40 days since it last answered');
  // It fails as it will from now on: past the window from its first failure, its items leave.
  env.setNow('2021-11-04T12:00:00Z');
  await refreshAllFeeds(env);
  assert.equal(await ferryStory(), false, 'a year-old story of a dead feed no longer matches pages');
  assert.equal((await env.database.get('feeds', server.url('/south.xml')))?.itemCount, 0);
});
