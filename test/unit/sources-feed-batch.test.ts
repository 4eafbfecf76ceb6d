// Many feeds at once (the first run's chosen sources) against a local server that counts the
// requests it holds at the same time: never more than six; a stalled source is abandoned at its
// time limit without holding up the others; a 404, an HTML page, a redirect loop and a withdrawn
// permission fail with their codes and store nothing; every source reports its progress; the
// stories are made once all have answered, or in waves when one is slow.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { addFeeds, MAX_IN_FLIGHT, type BatchResult } from '../../src/background/sources/feed-batch';
import { addFeed } from '../../src/background/sources/feeds';
import { packStoryCount, packValues } from '../../src/background/pack-keys';
import type { FeedProgress } from '../../src/contracts/views';
import { answer, startServer, type LocalServer, type Route } from './sources/local-server';
import { testEnv } from './sources-env';

const SOURCES = 14;
let server: LocalServer;
let inFlight = 0;
let maxInFlight = 0;
/** Answers held back (see `counted`). */
let held: (() => void)[] = [];
let expected = 0;
let flaky = 0;
let quiet: ReturnType<typeof setTimeout> | undefined;
/** Called when /quick.xml is asked for. */
let onQuick: () => void = () => undefined;

const EVENTS = [
  ['Harbour board raises ferry fares by five percent', 'The harbour board voted to raise ferry fares from September, citing fuel costs and crew wages.'],
  ['City council approves new budget for public libraries', 'The council voted to extend opening hours at branch libraries and hire more staff.'],
  ['Heatwave warning issued for the coast this weekend', 'Forecasters expect temperatures well above the seasonal average along the coast.'],
];

/** Outlet n's feed: the three events, each in its own words' order. */
function outletFeed(n: number): string {
  const items = EVENTS.map(([title, lead], i) => `<item><title>${title}</title><link>https://outlet${n}.example/${i}</link><guid>o${n}-${i}</guid>
<pubDate>Sat, 16 Aug 2025 0${i}:${String(n).padStart(2, '0')}:00 GMT</pubDate><description>${lead}</description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet ${n}</title><link>https://outlet${n}.example/</link>${items.join('')}</channel></rss>`;
}

/**
 * A feed route that counts concurrency. Answers are held until the requests stop coming (100 ms
 * without a new one) or none is left to come: a client that sent more than six at once would have
 * them all in flight here, and `maxInFlight` would say so.
 */
const counted =
  (n: number): Route =>
  (_req, res: ServerResponse) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    held.push(() => {
      inFlight--;
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(outletFeed(n));
    });
    expected--;
    clearTimeout(quiet);
    const release = (): void => {
      const now = held;
      held = [];
      for (const answerNow of now) answerNow();
    };
    if (expected === 0) release();
    else quiet = setTimeout(release, 100);
  };

before(async () => {
  const routes: Record<string, Route> = {
    '/gone.xml': answer(404, { 'content-type': 'text/plain' }, 'not found'),
    '/limited.xml': answer(429, { 'content-type': 'text/plain', 'retry-after': '3600' }, 'slow down'),
    '/broken.xml': answer(500, { 'content-type': 'text/plain' }, 'internal error'),
    '/private.xml': answer(405, { 'content-type': 'text/plain' }, 'not allowed'),
    '/page.html': answer(200, { 'content-type': 'text/html' }, '<!doctype html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>'),
    '/loop.xml': answer(302, { location: '/loop.xml' }),
    // Never answers: the connection stays open until the client gives up.
    '/stall.xml': () => undefined,
    // Answers once, then stalls.
    '/flaky.xml': (_req, res) => {
      if (flaky++ === 0) res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(outletFeed(99));
    },
  };
  for (let n = 0; n < SOURCES; n++) routes[`/outlet${n}.xml`] = counted(n);
  routes['/quick.xml'] = (_req, res) => {
    onQuick();
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(outletFeed(50));
  };
  server = await startServer(routes);
});
after(() => server.close());

test(`at most ${MAX_IN_FLIGHT} requests are in flight, and every source reports its progress`, async () => {
  const env = await testEnv();
  const urls = Array.from({ length: SOURCES }, (_, n) => server.url(`/outlet${n}.xml`));
  expected = SOURCES;
  maxInFlight = 0;
  const seen = new Map<string, FeedProgress['state'][]>();
  const result = await addFeeds(env, urls, (p) => seen.set(p.url, [...(seen.get(p.url) ?? []), p.state]));
  assert.equal(maxInFlight, MAX_IN_FLIGHT);
  assert.deepEqual(result, { sources: SOURCES, failed: 0, stories: await packStoryCount(env.database, 'feeds') });
  assert.equal(result.stories, EVENTS.length, 'one story per event, told by fourteen outlets');
  for (const url of urls) assert.deepEqual(seen.get(url), ['waiting', 'fetching', 'done'], url);
  assert.equal((await env.database.getAll('feeds')).length, SOURCES);
});

test('a stalled source is abandoned at its time limit; a 404, a 429, a 500, a 405, an HTML page, a redirect loop and a withdrawn permission fail with their codes; nothing is stored for them', async () => {
  const env = await testEnv();
  env.denied.add('localhost:1');
  const good = [0, 1, 2].map((n) => server.url(`/outlet${n}.xml`));
  expected = good.length;
  const bad = {
    '/stall.xml': 'timeout',
    '/gone.xml': 'not-found',
    '/limited.xml': 'busy',
    '/broken.xml': 'server-error',
    '/private.xml': 'http-error',
    '/page.html': 'not-a-feed',
    '/loop.xml': 'redirect-loop',
  } as const;
  const denied = 'http://localhost:1/feed.xml';
  const final = new Map<string, FeedProgress>();
  const result = await addFeeds(env, [server.url('/stall.xml'), ...good, ...Object.keys(bad).filter((p) => p !== '/stall.xml').map((p) => server.url(p)), denied, 'not a url'], (p) => final.set(p.url, p), { timeoutMs: 400 });
  assert.deepEqual(result.sources, 3);
  assert.deepEqual(result.failed, 9);
  for (const url of good) assert.deepEqual(final.get(url), { url, state: 'done', items: 3, error: null, detail: null });
  for (const [path, code] of Object.entries(bad)) {
    const p = final.get(server.url(path));
    assert.equal(p?.state, 'failed', path);
    assert.equal(p?.error, code, path);
    assert.ok(p?.detail, `${path} says why`);
  }
  assert.equal(final.get(denied)?.error, 'no-access');
  assert.equal(final.get('not a url')?.state, 'failed');
  const stored = (await env.database.getAll('feeds')).map((f) => f.url).sort();
  assert.deepEqual(stored, [...good].sort(), 'only the good sources are stored');
  assert.deepEqual((await env.database.getAll('feedItems')).map((f) => f.feedUrl).sort(), [...good].sort());
});

test('only the request holds a slot: a source still being checked does not keep the next from its request', async () => {
  const env = await testEnv();
  const slow = 'http://127.0.0.1:1/slow.xml';
  // The first source's permission check ends when the second source's request reaches the server,
  // or, should that request wait for the check, after a second.
  let endedBy = '';
  const requested = new Promise<void>((resolve) => (onQuick = resolve));
  const hasAccess = env.hasAccess;
  env.hasAccess = async (url) => {
    if (url !== slow) return hasAccess(url);
    endedBy = await Promise.race([requested.then(() => 'the other request'), new Promise<string>((resolve) => setTimeout(() => resolve('the time out'), 1_000))]);
    return false;
  };
  const final = new Map<string, FeedProgress>();
  const result = await addFeeds(env, [slow, server.url('/quick.xml')], (p) => final.set(p.url, p), { concurrency: 1 });
  onQuick = () => undefined;
  assert.equal(endedBy, 'the other request');
  assert.deepEqual({ sources: result.sources, failed: result.failed }, { sources: 1, failed: 1 });
  assert.equal(final.get(slow)?.error, 'no-access');
  assert.equal(final.get(server.url('/quick.xml'))?.state, 'done');
});

test('a source already added is refreshed; its failure is recorded on it and its items stay', async () => {
  const env = await testEnv();
  const url = server.url('/flaky.xml');
  await addFeed(env, url);
  const stories = await packStoryCount(env.database, 'feeds');
  const result = await addFeeds(env, [url], undefined, { timeoutMs: 300 });
  assert.deepEqual(result, { sources: 0, failed: 1, stories });
  const record = await env.database.get('feeds', url);
  assert.match(record?.error ?? '', /no complete answer within 300 ms/);
  assert.equal(record?.itemCount, 3, 'the items stay');
});

/** Holds each of these feeds' answers until the test lets it go: the network's answer order, chosen. */
const heldAnswers = new Map<string, () => void>();
let heldServer: LocalServer;
const HELD = 4;

/** Outlet n tells the three events at its own times, in its own order. */
function heldFeed(n: number): string {
  const items = EVENTS.map(([title, lead], i) => {
    const hour = String((i * 5 + n * 3) % 24).padStart(2, '0');
    return `<item><title>${n % 2 ? title : `${title}, officials say`}</title><link>https://held${n}.example/${i}</link><guid>h${n}-${i}</guid>
<pubDate>Sat, 16 Aug 2025 ${hour}:1${n}:00 GMT</pubDate><description>${lead}</description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Held ${n}</title><link>https://held${n}.example/</link>${items.join('')}</channel></rss>`;
}

before(async () => {
  const routes: Record<string, Route> = {};
  for (let n = 0; n < HELD; n++) {
    routes[`/held${n}.xml`] = (_req, res) => heldAnswers.set(`/held${n}.xml`, () => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(heldFeed(n)));
  }
  heldServer = await startServer(routes);
});
after(() => heldServer.close());

/** The batch with its sources answering in `order`; what is stored as each answer is reported, and at the end. */
async function answeredIn(order: readonly number[]) {
  const env = await testEnv();
  heldAnswers.clear();
  const paths = Array.from({ length: HELD }, (_, n) => `/held${n}.xml`);
  const done = new Set<string>();
  let landed: () => void = () => undefined;
  const batch = addFeeds(env, paths.map((p) => heldServer.url(p)), (p) => {
    if (p.state === 'done') done.add(p.url);
    landed();
  });
  const storiesMeanwhile: number[] = [];
  const itemsMeanwhile: number[] = [];
  const sourcesMeanwhile: number[] = [];
  for (const n of order) {
    while (heldAnswers.size < HELD) await new Promise((resolve) => setTimeout(resolve, 5));
    const url = heldServer.url(paths[n]!);
    const stored = new Promise<void>((resolve) => (landed = () => done.has(url) && resolve()));
    heldAnswers.get(paths[n]!)!();
    await stored;
    if (done.size === HELD) continue;
    storiesMeanwhile.push(await packStoryCount(env.database, 'feeds'));
    itemsMeanwhile.push((await env.database.getAll('feedItems')).length);
    sourcesMeanwhile.push((await env.database.getAll('feeds')).filter((f) => f.checkedAt === null).length);
  }
  await batch;
  const stories = await packValues(env.database, 'stories', 'feeds');
  return { storiesMeanwhile, itemsMeanwhile, sourcesMeanwhile, stories: stories.map((s) => s.reports.map((r) => r.url).sort()).sort() };
}

test('the stories are clustered once every source has answered, so the order answers arrive in does not change them', async () => {
  const forward = await answeredIn([0, 1, 2, 3]);
  const backward = await answeredIn([3, 2, 1, 0]);
  const mixed = await answeredIn([2, 0, 3, 1]);
  for (const run of [forward, backward, mixed]) {
    // One transaction at the end: a worker stopped meanwhile leaves no feed whose items no story holds.
    assert.deepEqual(run.storiesMeanwhile, [0, 0, 0], 'no story while sources are still answering');
    assert.deepEqual(run.itemsMeanwhile, [0, 0, 0], 'no items either');
    assert.deepEqual(run.sourcesMeanwhile, [HELD, HELD, HELD], 'the chosen sources are kept meanwhile, never checked');
  }
  assert.ok(forward.stories.length >= 1);
  assert.deepEqual(backward.stories, forward.stories);
  assert.deepEqual(mixed.stories, forward.stories);
});

test('a slow source does not hold the others back: what came is stored after a quiet spell, and the slow one joins when it answers', async () => {
  const env = await testEnv();
  heldAnswers.clear();
  const paths = Array.from({ length: HELD }, (_, n) => `/held${n}.xml`);
  const waves: BatchResult[] = [];
  let landed: () => void = () => undefined;
  const firstWave = new Promise<'wave'>((resolve) => (landed = () => resolve('wave')));
  const states = new Map<string, FeedProgress['state']>();
  const batch = addFeeds(env, paths.map((p) => heldServer.url(p)), (p) => states.set(p.url, p.state), {
    settleMs: 50,
    // Without waves the batch would end only at the slow source's time limit, after this.
    timeoutMs: 3_000,
    onWave: (soFar) => {
      waves.push(soFar);
      landed();
    },
  });
  while (heldAnswers.size < HELD) await new Promise((resolve) => setTimeout(resolve, 5));
  for (const path of paths.slice(0, -1)) heldAnswers.get(path)!();
  assert.equal(await Promise.race([firstWave, batch.then(() => 'batch' as const)]), 'wave', 'the prompt sources are stored before the slow one answers');
  const slow = heldServer.url(paths.at(-1)!);
  assert.equal(states.get(slow), 'fetching');
  assert.equal(waves.length, 1);
  assert.deepEqual({ sources: waves[0]!.sources, failed: waves[0]!.failed }, { sources: HELD - 1, failed: 0 });
  assert.ok(waves[0]!.stories >= 1);
  assert.equal(await packStoryCount(env.database, 'feeds'), waves[0]!.stories, 'the stories said are stored');
  assert.deepEqual((await env.database.getAll('feedItems')).map((f) => f.feedUrl).sort(), paths.slice(0, -1).map((p) => heldServer.url(p)).sort());
  heldAnswers.get(paths.at(-1)!)!();
  const result = await batch;
  assert.deepEqual({ sources: result.sources, failed: result.failed }, { sources: HELD, failed: 0 });
  assert.equal(waves.length, 1, 'the last wave is the batch result, not a wave');
  const reports = (await packValues(env.database, 'stories', 'feeds')).flatMap((s) => s.reports.map((r) => r.url));
  assert.ok(reports.some((url) => url?.startsWith('https://held3.example/')), "the slow source's items joined the stories");
  assert.equal(reports.length, HELD * EVENTS.length);
});
