// Faults during a feed refresh (issue 16, item 4), on fake-indexeddb against a local feed server.
// A refresh stores what a feed changed (its record, its items, the stories they touch, the
// clusterer's state) in one transaction: a fault at 10, 40, 70 or 90 % of that transaction's writes
// (a full disk, a worker stopped: either ends the transaction before it commits) must leave every
// store as it was, and the next refresh, from a worker that remembers nothing (the in-memory
// clusterer forgotten, as a stopped worker's is), must store exactly what a refresh with no fault
// stores. The scheduled refresh of every feed (one transaction per feed, the state written once at
// the end) is held to the same: a fault leaves each feed wholly before or wholly after, and the
// next run ends where an unfaulted one does.
import 'fake-indexeddb/auto';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openDB } from 'idb';
import { forgetFeedStore, STATE_KEY } from '../../src/background/sources/feed-state';
import { addFeed, refreshAllFeeds, refreshFeed } from '../../src/background/sources/feeds';
import { addFeeds } from '../../src/background/sources/feed-batch';
import type { FeedProgress } from '../../src/contracts/views';
import { startServer, type LocalServer } from './sources/local-server';
import { testEnv, type TestEnv } from './sources-env';

let server: LocalServer;
/** What each feed lists now: the first edition, then the refreshed one. */
let edition = 1;

const item = (host: string, slug: string, title: string, summary: string, date: string): string =>
  `<item><title>${title}</title><link>https://${host}/${slug}</link><guid>https://${host}/${slug}</guid><pubDate>${date}</pubDate><description>${summary}</description></item>`;
const rss = (title: string, host: string, items: string[]): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://${host}/</link>${items.join('')}</channel></rss>`;

const QUAKE = ['Magnitude 7.2 earthquake strikes Haiti', 'A powerful earthquake hit Haiti on Saturday morning, the US Geological Survey said.'];
const RUBBLE = ['Hundreds dead in Les Cayes as rescuers dig through rubble', 'Rescuers in Les Cayes searched collapsed buildings; at least 300 people died.'];
const SUMMIT = ['Trump and Putin end Alaska summit in Anchorage with no Ukraine ceasefire deal', 'Trump and Putin met for three hours at the Anchorage air base; the summit ended without a ceasefire.'];
const FERRY = ['Harbour ferry fares rise by five percent', 'The harbour board raised ferry fares, citing fuel costs.'];
const STORM = ['Tropical storm Grace nears quake-hit Haiti', 'Forecasters warned that tropical storm Grace would bring heavy rain to southern Haiti, days after the earthquake.'];
const AID = ['Aid flights land in Haiti after the earthquake', 'The first aid flights reached Port-au-Prince as the death toll from the earthquake rose above 1,000.'];

/** Three outlets; the second edition adds reports that join, merge and start stories. */
function feed(name: string): string {
  const day = (d: number, h: number): string => new Date(Date.UTC(2021, 7, d, h)).toUTCString();
  const at = (host: string, slug: string, [title, summary]: string[], d: number, h: number): string => item(host, slug, title!, summary!, day(d, h));
  if (name === 'north') return rss('North Star', 'north.example', [at('north.example', 'quake', QUAKE, 14, 12), at('north.example', 'summit', SUMMIT, 14, 20), ...(edition > 1 ? [at('north.example', 'storm', STORM, 16, 9)] : [])]);
  if (name === 'south') return rss('South Herald', 'south.example', [at('south.example', 'rubble', RUBBLE, 14, 15), ...(edition > 1 ? [at('south.example', 'aid', AID, 16, 11), at('south.example', 'ferry', FERRY, 16, 8)] : [])]);
  return rss('West Wire', 'west.example', [at('west.example', 'summit', SUMMIT, 15, 1), ...(edition > 1 ? [at('west.example', 'quake', QUAKE, 16, 7)] : [])]);
}
const FEEDS = ['north', 'south', 'west'];

before(async () => {
  server = await startServer(Object.fromEntries(FEEDS.map((name) => [`/${name}.xml`, (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(name))])));
});
after(() => server.close());

/** Every record of every store but the network log (each fetch is logged, faulted or not). */
async function everything(env: TestEnv): Promise<Record<string, string>> {
  const database = await openDB(env.database.name);
  const out: Record<string, string> = {};
  for (const store of database.objectStoreNames) {
    if (store !== 'networkLog') out[store] = JSON.stringify([await database.getAllKeys(store), await database.getAll(store)]);
  }
  database.close();
  return out;
}

/** The stores whose records differ (an empty list when all are the same): short failure messages. */
const differing = (a: Record<string, string>, b: Record<string, string>): string[] => Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]).map((k) => k === 'meta' ? `meta ${metaDiff(a[k]!, b[k]!)}` : k);
const metaDiff = (a: string, b: string): string => { const x = JSON.parse(a)[1] as {key:string}[]; const y = JSON.parse(b)[1] as {key:string}[]; return x.filter((r) => JSON.stringify(r) !== JSON.stringify(y.find((o) => o.key === r.key))).map((r) => r.key).join(','); };

const stateRecord = (r: { key: string }): boolean => r.key === STATE_KEY;
/** The records with the clusterer's state left out of `meta`. */
function withoutState(all: Record<string, string>): Record<string, string> {
  const [keys, records] = JSON.parse(all['meta']!) as [string[], { key: string }[]];
  return { ...all, meta: JSON.stringify([keys.filter((k) => k !== STATE_KEY), records.filter((r) => !stateRecord(r))]) };
}
const stateVersion = (all: Record<string, string>): string | undefined =>
  (JSON.parse(all['meta']!)[1] as { key: string; value: { version?: string } }[]).find(stateRecord)?.value.version;

/** Three feeds at their first edition, at a fixed time, so two setups store the same bytes. */
async function subscribed(): Promise<TestEnv> {
  edition = 1;
  const env = await testEnv();
  env.setNow('2021-08-16T12:00:00Z');
  for (const name of FEEDS) await addFeed(env, server.url(`/${name}.xml`));
  edition = 2;
  return env;
}

type Store = { transaction: { _abort(name: string): void } };
type Writer = (this: Store, ...args: unknown[]) => unknown;
const proto = IDBObjectStore.prototype as unknown as Record<'put' | 'delete', Writer>;

/** Runs `work` counting the object-store writes it makes; with `failAt`, the transaction of that write aborts. */
async function withWrites<T>(work: () => Promise<T>, failAt = Infinity): Promise<{ writes: number; result: T | Error }> {
  const original = { put: proto.put, delete: proto.delete };
  let writes = 0;
  for (const name of ['put', 'delete'] as const) {
    proto[name] = function (this: Store, ...args: unknown[]) {
      // As a full disk or a stopped worker ends it: the transaction, not the one request.
      if (++writes === failAt) queueMicrotask(() => this.transaction._abort('QuotaExceededError'));
      return original[name].apply(this, args);
    };
  }
  try {
    const result = await work().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    return { writes, result };
  } finally {
    Object.assign(proto, original);
  }
}

/** The write at `share` of `total`, counted from the refresh's start. */
const at = (share: number, total: number): number => Math.max(1, Math.ceil(share * total));

test('a fault at 10, 40, 70 or 90 % of a feed refresh leaves every store as it was; the retry lands whole', async () => {
  const reference = await subscribed();
  const baseline = await withWrites(() => refreshFeed(reference, server.url('/south.xml')));
  assert.ok(!(baseline.result instanceof Error), `the unfaulted refresh: ${String(baseline.result)}`);
  const expected = await everything(reference);
  assert.ok(baseline.writes >= 5, `the refresh wrote ${baseline.writes} records`);

  for (const share of [0.1, 0.4, 0.7, 0.9]) {
    const env = await subscribed();
    const before = await everything(env);
    // The refresh's reads and fetch come first; its writes are counted from zero in both runs.
    const faulted = await withWrites(() => refreshFeed(env, server.url('/south.xml')), at(share, baseline.writes));
    assert.ok(faulted.result instanceof Error, `${share}: the refresh reports the fault`);
    assert.equal(faulted.result.name, 'QuotaExceededError', `${share}: ${faulted.result.message}`);
    assert.deepEqual(differing(await everything(env), before), [], `${share}: every store as it was`);

    forgetFeedStore(env.database);
    const retried = await withWrites(() => refreshFeed(env, server.url('/south.xml')));
    assert.ok(!(retried.result instanceof Error), `${share}: the retry: ${String(retried.result)}`);
    assert.deepEqual(differing(await everything(env), expected), [], `${share}: the retry stores what an unfaulted refresh stores`);
  }
});

test('a fault during the scheduled refresh of every feed leaves each feed before or after, and the next run ends as one with no fault', async () => {
  const reference = await subscribed();
  const baseline = await withWrites(() => refreshAllFeeds(reference));
  assert.ok(!(baseline.result instanceof Error), `the unfaulted run: ${String(baseline.result)}`);
  const expected = await everything(reference);
  const records = async (env: TestEnv) => Object.fromEntries((await env.database.getAll('feedItems')).map((r) => [r.feedUrl, JSON.stringify(r)]));
  const after = await records(reference);

  for (const share of [0.1, 0.4, 0.7, 0.9]) {
    const env = await subscribed();
    const before = await records(env);
    await withWrites(() => refreshAllFeeds(env), at(share, baseline.writes));
    // A feed whose transaction was the faulted one is as it was; the others landed whole.
    const now = await records(env);
    for (const url of Object.keys(before)) assert.ok(now[url] === before[url] || now[url] === after[url], `${share}: ${url} is wholly before or after`);

    forgetFeedStore(env.database);
    const retried = await withWrites(() => refreshAllFeeds(env));
    assert.ok(!(retried.result instanceof Error), `${share}: the next run: ${String(retried.result)}`);
    // The same records, the clusterer's saved state aside: when the fault took the state's own write
    // (it is written once, at the batch's end), the next wake clusters the stored items again from
    // scratch, which gives the same stories through a state laid out in another order.
    const stored = await everything(env);
    assert.deepEqual(differing(withoutState(stored), withoutState(expected)), [], `${share}: the next run stores what an unfaulted one does`);
    assert.equal(stateVersion(stored), JSON.parse(stored['packs']!)[1][0].version, `${share}: the saved state describes the stored stories`);
  }
});

test('a source fetched whose items cannot be stored (a full disk) is reported as a storage failure, not as an unreachable site', async () => {
  edition = 1;
  const env = await testEnv();
  env.setNow('2021-08-16T12:00:00Z');
  const url = server.url('/north.xml');
  const seen: FeedProgress[] = [];
  // Write 1 keeps the reader's choice; write 2 is the first of the wave's transaction.
  const faulted = await withWrites(() => addFeeds(env, [url], (p) => seen.push(p)), 2);
  assert.ok(faulted.result instanceof Error && faulted.result.name === 'QuotaExceededError', String(faulted.result));
  const last = seen.filter((p) => p.url === url).at(-1);
  assert.equal(last?.state, 'failed');
  assert.equal(last?.error, 'storage');
  assert.deepEqual(await env.database.getAll('feedItems'), [], 'nothing of the wave is stored');
});
