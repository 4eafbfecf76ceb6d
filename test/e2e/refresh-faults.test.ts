// Faults (issue 16) in the middle of a scheduled refresh of twenty feeds, when the feeds' server
// has answered 10, 40, 70 and 90 % of the refresh's requests: the browser killed (SIGKILL) and
// started again on its profile, or the background stopped as the browser stops an idle one. A
// refresh stores source after source, each in one transaction with the stories it changes (the
// clusterer's state once, at the end: feed-store.ts). Afterwards every feed must be wholly as
// before or wholly refreshed, the stored stories must hold exactly the stored items (no story
// holds an item that is not stored, none is lost), nothing outside the feeds may have changed,
// and the next refresh lands every feed. In Chromium and Firefox.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFeedServer, synthetic, type FeedServer } from '../../scripts/lib/bench-feeds';
import type { BrowserDriver, BrowserName } from './driver/types';
import { BROWSERS, startOnProfile } from './harness';
import { changedStores, readStored } from './stored';

const SOURCES = 20;
const FIRST = 40;
const PER_ROUND = 10;
/** When each round's fault comes: the share of the refresh's requests the server has answered. */
const AT = [0.1, 0.4, 0.7, 0.9];
// What a refresh may change: the feeds, their pack's records, the network log, and in meta the
// clusterer's state, the feeds pack's digests, the store's size and the engine's snapshot (each
// other meta record is compared on its own).
const FEED_STORES = ['feeds', 'feedItems', 'stories', 'packs', 'outlets', 'categories', 'joinedReports', 'networkLog', 'meta'].concat(
  ['feed-stories', 'pack-digests:feeds', 'feed-store-stats', 'engine-snapshot', 'engine-snapshot/docs'].map((key) => `meta:${key}`),
);

const skip = process.env['E2E_FAULTS'] ? false : 'eight refreshes cut short take minutes: run with E2E_FAULTS=1';

/** A fault and how the test goes on after it: the same driver, or a new one on the same profile. */
interface Fault {
  name: string;
  inject(browser: BrowserDriver, browserName: BrowserName, profile: string): Promise<BrowserDriver>;
}
const FAULTS: Fault[] = [
  {
    name: 'killed',
    inject: async (browser, browserName, profile) => {
      await browser.kill();
      return startOnProfile(browserName, profile);
    },
  },
  {
    name: 'background stopped',
    inject: async (browser) => {
      await browser.stopBackground();
      return browser;
    },
  },
];

interface FeedState {
  /** Feed URL → the ids of its stored items, sorted; and the item count its record states. */
  feeds: Record<string, { items: string[]; itemCount: number }>;
  /** Every item URL stored, sorted. */
  itemUrls: string[];
  /** Every report URL the feeds' stories hold, sorted (duplicates kept). */
  reportUrls: string[];
}

/** The feeds and their stories, read in one transaction so a refresh running meanwhile cannot tear it. */
const READ_FEEDS = `(async () => {
  const ask = (request) => new Promise((resolve, reject) => { request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
  const db = await ask(indexedDB.open('storyline'));
  try {
    const tx = db.transaction(['feeds', 'feedItems', 'stories'], 'readonly');
    const [feeds, items, stories] = await Promise.all([ask(tx.objectStore('feeds').getAll()), ask(tx.objectStore('feedItems').getAll()), ask(tx.objectStore('stories').getAll())]);
    const counts = Object.fromEntries(feeds.map((f) => [f.url, f.itemCount]));
    const out = { feeds: {}, itemUrls: [], reportUrls: [] };
    for (const record of items) {
      out.feeds[record.feedUrl] = { items: record.feed.items.map((i) => i.id).sort(), itemCount: counts[record.feedUrl] ?? -1 };
      for (const i of record.feed.items) out.itemUrls.push(i.url);
    }
    for (const s of stories) if (s.packId === 'feeds') for (const r of s.reports) out.reportUrls.push(r.url);
    out.itemUrls.sort();
    out.reportUrls.sort();
    return out;
  } finally { db.close(); }
})()`;

const readFeeds = (driver: BrowserDriver): Promise<FeedState> => driver.background<FeedState>(READ_FEEDS);

/** The item ids each source lists when it serves its first `count` items. */
const editionOf = (server: FeedServer, feeds: ReturnType<typeof synthetic>, count: number): Record<string, string[]> =>
  Object.fromEntries(feeds.sources.map((s, n) => [server.url(n), s.items.slice(0, count).map((i) => i.id).sort()]));

/** Each feed as one of the two editions, and the stories holding exactly the stored items. */
function assertWhole(state: FeedState, before: Record<string, string[]>, after: Record<string, string[]>, when: string): number {
  let refreshed = 0;
  for (const [url, ids] of Object.entries(after)) {
    const feed = state.feeds[url];
    assert.ok(feed, `${when}: ${url} is not stored`);
    const isAfter = JSON.stringify(feed.items) === JSON.stringify(ids);
    assert.ok(isAfter || JSON.stringify(feed.items) === JSON.stringify(before[url]), `${when}: ${url} holds neither edition (${feed.items.length} items)`);
    assert.equal(feed.itemCount, feed.items.length, `${when}: ${url}'s record counts ${feed.itemCount} items, ${feed.items.length} are stored`);
    if (isAfter) refreshed++;
  }
  assert.deepEqual(state.reportUrls, state.itemUrls, `${when}: the stories do not hold exactly the stored items`);
  return refreshed;
}

for (const name of BROWSERS) for (const fault of FAULTS) test(`${name}: ${fault.name} at 10, 40, 70 and 90 % of a feed refresh, each feed whole and its stories matching after`, { timeout: 900_000, skip }, async () => {
  // Made-up events, the same with or without ../shared: no item is an opinion, so each is a report.
  const feeds = synthetic(SOURCES, FIRST + PER_ROUND * AT.length, Date.now());
  const server = await startFeedServer(feeds);
  const urls = feeds.sources.map((_, n) => server.url(n));
  const profile = mkdtempSync(join(tmpdir(), 'storyline-refresh-fault-'));
  let browser = await startOnProfile(name, profile);
  try {
    server.serve(FIRST);
    const added = await browser.background<{ result: { failed: number } }>(`storylineBench.addFeeds(${JSON.stringify(urls)})`);
    assert.equal(added.result.failed, 0);
    // Each answer held, as the network would: the refresh spans the fault.
    server.latency = 150;
    for (const [round, at] of AT.entries()) {
      const before = editionOf(server, feeds, FIRST + PER_ROUND * round);
      const after = editionOf(server, feeds, FIRST + PER_ROUND * (round + 1));
      const stored = await readStored(browser);
      assertWhole(await readFeeds(browser), before, before, `round ${round + 1}, before`);
      server.serve(FIRST + PER_ROUND * (round + 1));
      const sent = server.sent();
      await browser.background(`void storylineBench.refreshAll()`);
      await server.answered(sent + Math.ceil(at * SOURCES));
      browser = await fault.inject(browser, name, profile);

      const restarted = await readFeeds(browser);
      const refreshed = assertWhole(restarted, before, after, `${fault.name} at ${at * 100} %`);
      console.log(`${name}: ${fault.name} at ${at * 100} % of the answers: ${refreshed} of ${SOURCES} feeds refreshed, the rest as before`);
      assert.deepEqual(changedStores(stored, await readStored(browser), FEED_STORES), [], `${fault.name} at ${at}: stores outside the feeds changed`);

      // The next refresh lands every feed, with its stories and the clusterer's state saved for it.
      await browser.background(`storylineBench.refreshAll()`);
      assert.equal(assertWhole(await readFeeds(browser), before, after, `refreshed after the fault at ${at * 100} %`), SOURCES);
    }
  } finally {
    await browser.stop().catch(() => undefined);
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
