/// <reference types="chrome" />
// npm run bench:feeds-ingest -- [--browser node|chromium] [--sizes 10,50,100] [--items 50] [--fresh 10] [--latency 100] [--src DIR]
// Times the feed paths at several numbers of sources (of --items items each), each size from an
// empty profile: the first fetch of every source (wall, and the most requests in flight, counted by
// the server), adding one more source (the background's work after its fetch), a refresh that brings
// --fresh new items to every source, and removing a source.
// Feeds are served on 127.0.0.1 (scripts/lib/bench-feeds.ts). During the first fetch each answer is
// held --latency ms, a stand-in for the network (so the cap of six requests in flight shows); the
// later phases get local answers (a millisecond or two), so their time is the background's work.
// --browser node (the default): fake-indexeddb and the real engine, the engine's index following the
// changes as the extension's does. --src DIR runs another checkout's src (the code before, for the
// before/after): code without a batch adds the sources one by one, and its index is rebuilt from every
// stored report at each change, as the extension did.
// --browser chromium: the built extension (a --bench build exposes the feed paths to the benchmark,
// timed inside the service worker); also prints the worker's JS heap at the largest size, and how
// much of the refresh came after its last answer (the work no network wait can hide), and the
// service worker thread's CPU over the refresh, read from a browser-wide trace (thread time: what
// the worker itself did, not the time it waited on the network, the store or a busy core).
// --dist DIR (with --browser chromium): another build, such as the code before, which has no such
// hook: it is driven as the options page drives it (feed/add one by one, feed/remove), timed in the
// page, the fetch's own time read from the network log; its scheduled refresh is out of reach.
// Node runs also print the longest the event loop was held in the first fetch and the refresh: how
// long a page's message to the worker could have waited. --profile FILE writes a V8 CPU profile of
// the refresh alone (the largest size's; in Chromium, the service worker's), for DevTools or a script.
// --dist A,B (with --browser chromium) and --runs N: the builds alternated, A then B, N times, in
// one run (a before and after side by side under the same load); each line is labelled with its build.
// --woken (with --browser chromium): the refresh runs in a worker stopped and started again just
// before it, as a scheduled refresh finds it (Chromium stops an idle extension worker after 30 s):
// the feeds' model is read back from the store, and nothing of the last parse is remembered.
import 'fake-indexeddb/auto';
import { parseArgs } from 'node:util';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from './build';
import { benchFeeds, startFeedServer, type FeedServer } from './lib/bench-feeds';
import type { Worker } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './lib/chromium';
import { workerHeap } from './lib/worker-heap';
import { namedThreadCpu, SERVICE_WORKER_THREAD, startTrace, TASK_CATEGORIES } from './lib/trace-cpu';

const { values } = parseArgs({
  options: {
    browser: { type: 'string', default: 'node' },
    sizes: { type: 'string', default: '10,50,100' },
    items: { type: 'string', default: '50' },
    fresh: { type: 'string', default: '10' },
    latency: { type: 'string', default: '100' },
    src: { type: 'string' },
    dist: { type: 'string' },
    profile: { type: 'string' },
    woken: { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
  },
});
if (values.woken && values.browser !== 'chromium') {
  console.error('--woken needs --browser chromium: the Node run has one process and no worker to stop');
  process.exit(2);
}
const sizes = values.sizes.split(',').map(Number);
const perSource = Number(values.items);
const fresh = Number(values.fresh);
const latency = Number(values.latency);
const NOW = Date.now();

interface Figures {
  sources: number;
  /** First fetch of every source: wall ms, and requests in flight at most. */
  first: number;
  inFlight: number;
  firstHow: string;
  /** Adding one more: ms after its fetch (and its fetch). */
  addWork: number;
  addFetch: number;
  refresh: number;
  /** Chromium (a build with the hook): the refresh's time after its last request ended. */
  refreshAfter?: number;
  /** Chromium (a build with the hook, not under --profile): the service worker thread's CPU over the refresh, from a trace. */
  refreshWorkerCpu?: number;
  /** Node: the process's CPU time during the refresh (user and system, every thread: the feed server's and GC's too). */
  refreshCpu?: number;
  remove: number;
  stories: number;
  /** Node: the longest the event loop was held during the first fetch and the refresh (ms): how long a page's message could wait. */
  firstStall?: number;
  refreshStall?: number;
  /** Chromium: the queued work behind an add (history joins), and the worker's heap in MB. */
  settle?: number;
  heapMb?: number;
}

const ms = (x: number | undefined): string => (x === undefined || Number.isNaN(x) ? '—' : `${x.toFixed(0)} ms`);

// ---------------------------------------------------------------- Node

interface Env {
  database: import('idb').IDBPDatabase<import('../src/formats/storage-schema').StorylineDB>;
  fetch: (req: import('../src/formats/source-request').SourceRequest) => Promise<import('../src/formats/source-request').SourceFetchResult>;
  hasAccess: (url: string) => Promise<boolean>;
  now: () => Date;
  packsChanged: () => Promise<void>;
  changeStories: (write: () => Promise<import('../src/background/story-delta').StoryChange | null>) => Promise<void>;
}

/** Runs `work` under the V8 CPU profiler and writes the profile to `file`. */
async function profiled<T>(file: string, work: () => Promise<T>): Promise<T> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

async function nodeRun(server: FeedServer, size: number): Promise<Figures> {
  const src = path.resolve(values.src ?? path.join(import.meta.dirname, '../src'));
  const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(src, file)).href)) as T;
  const { openStorylineDB } = await load<typeof import('../src/background/db')>('background/db.ts');
  const { loggedFetcher } = await load<typeof import('../src/background/sources/source-access')>('background/sources/source-access.ts');
  const feeds = await load<typeof import('../src/background/sources/feeds')>('background/sources/feeds.ts');
  const batch = await load<Partial<typeof import('../src/background/sources/feed-batch')>>('background/sources/feed-batch.ts').catch(() => ({}) as Partial<typeof import('../src/background/sources/feed-batch')>);
  const { StoryIndex } = await load<typeof import('../src/engine')>('engine/index.ts');
  const { everyReport } = await load<typeof import('../src/background/story-reports')>('background/story-reports.ts');
  const { articleDoc } = await load<typeof import('../src/background/matcher')>('background/matcher.ts');
  const delta = await load<Partial<typeof import('../src/background/story-delta')>>('background/story-delta.ts').catch(() => ({}) as Partial<typeof import('../src/background/story-delta')>);
  const { packStoryCount } = await load<typeof import('../src/background/pack-keys')>('background/pack-keys.ts');

  const database = await openStorylineDB(`storyline-bench-feeds-${size}-${process.pid}-${Date.now()}`);
  const fetcher = loggedFetcher(database, async () => true);
  let fetchMs = 0;
  let index = new StoryIndex();
  const env: Env = {
    database,
    fetch: async (req) => {
      const started = performance.now();
      try {
        return await fetcher(req);
      } finally {
        fetchMs += performance.now() - started;
      }
    },
    hasAccess: async () => true,
    now: () => new Date(NOW),
    // What the extension did on every change before: the engine's index rebuilt from every stored report.
    packsChanged: async () => {
      index = new StoryIndex();
      for (const report of await everyReport(database)) index.addArticle(report.storyId, articleDoc(report));
    },
    // And now: the delta applied to the live index.
    changeStories: async (write) => {
      const change = await write();
      if (!change) return;
      // The code before (--src) answered the delta alone, once stored.
      const d = 'stored' in change ? change.delta : (change as unknown as import('../src/background/story-delta').StoryDelta);
      if (delta.applyStoryDelta) delta.applyStoryDelta(index, d);
      if ('stored' in change) await change.stored;
    },
  };
  const timed = async (work: () => Promise<unknown>): Promise<{ wall: number; cpu: number; fetch: number; stall: number }> => {
    fetchMs = 0;
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await work();
    const cpu = process.cpuUsage(cpuBefore);
    const wall = performance.now() - started;
    delay.disable();
    return { wall, cpu: (cpu.user + cpu.system) / 1000, fetch: fetchMs, stall: delay.max / 1e6 };
  };
  const urls = Array.from({ length: size }, (_, n) => server.url(n));

  server.serve(perSource);
  server.latency = latency;
  server.reset();
  const firstHow = batch.addFeeds ? 'addFeeds, six at a time' : 'one by one (feed/add: no batch)';
  const first = await timed(async () => {
    if (batch.addFeeds) await batch.addFeeds(env, urls);
    else for (const url of urls) await feeds.addFeed(env, url);
  });
  const inFlight = server.maxInFlight();
  server.latency = 0;
  const add = await timed(() => feeds.addFeed(env, server.url(size)));
  server.serve(perSource + fresh);
  const refresh = await timed(() => (values.profile && size === Math.max(...sizes) ? profiled(values.profile, () => feeds.refreshAllFeeds(env)) : feeds.refreshAllFeeds(env)));
  const remove = await timed(() => feeds.removeFeed(env, urls[0]!));
  const stories = await packStoryCount(database, 'feeds');
  database.close();
  return { sources: size, first: first.wall, inFlight, firstHow, addWork: add.wall - add.fetch, addFetch: add.fetch, refresh: refresh.wall, refreshCpu: refresh.cpu, remove: remove.wall, stories, firstStall: first.stall, refreshStall: refresh.stall };
}

// ---------------------------------------------------------------- Chromium

interface Bench {
  addFeeds(urls: string[]): Promise<{ ms: number; fetchMs: number }>;
  addFeed(url: string): Promise<{ ms: number; fetchMs: number }>;
  refreshAll(): Promise<{ ms: number; fetchMs: number; afterMs: number }>;
  removeFeed(url: string): Promise<{ ms: number; fetchMs: number }>;
  settle(): Promise<unknown>;
  saveIndex(): Promise<boolean>;
  store(): Promise<{ items: number; stories: number; bytes: number }>;
}
declare const storylineBench: Bench;

/** An extension without the bench hook, driven through the options page's messages. */
async function chromiumMessages(browser: Awaited<ReturnType<typeof launchWithExtension>>, server: FeedServer, size: number): Promise<Figures> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.waitForSelector('[data-testid="feeds"]');
  const call = (type: string, payload: unknown): Promise<{ ms: number; value: unknown }> =>
    page.evaluate(async ([t, p]) => {
      const started = performance.now();
      const answer = (await chrome.runtime.sendMessage({ type: t, payload: p })) as { ok: boolean; value?: unknown; error?: unknown };
      if (!answer.ok) throw new Error(`${t}: ${JSON.stringify(answer.error)}`);
      return { ms: performance.now() - started, value: answer.value };
    }, [type, payload] as const);
  const lastFetch = async (): Promise<number> => ((await call('sources/state', {})).value as { networkLog: { durationMs: number }[] }).networkLog[0]?.durationMs ?? 0;
  const urls = Array.from({ length: size }, (_, n) => server.url(n));
  server.serve(perSource);
  server.latency = latency;
  server.reset();
  let first = 0;
  for (const url of urls) first += (await call('feed/add', { url })).ms;
  const inFlight = server.maxInFlight();
  server.latency = 0;
  await call('sources/state', {});
  const add = await call('feed/add', { url: server.url(size) });
  // Queued behind the add: the index rebuilt and history joined again (sources/state waits for them).
  const settle = (await call('sources/state', {})).ms;
  const addFetch = await lastFetch();
  const remove = await call('feed/remove', { url: urls[0]! });
  const stories = await page.evaluate(async () => ((await chrome.runtime.sendMessage({ type: 'options/state', payload: {} })) as { value: { packs: { id: string; stories: number }[] } }).value.packs.find((p) => p.id === 'feeds')?.stories ?? 0);
  return { sources: size, first, inFlight, firstHow: 'one by one (feed/add: no batch)', addWork: add.ms - addFetch, addFetch, refresh: NaN, remove: remove.ms, stories, settle };
}

/**
 * Stops the extension's service worker, as Chromium does once it has idled 30 s, and wakes it again
 * with a message from the options page: the worker a scheduled refresh runs in, which remembers
 * nothing of the last parse (the feeds' model is read back from the store). Playwright keeps one
 * handle for the extension's worker across the restart; a mark left in the old global tells them apart.
 */
async function wakeWorker(browser: ExtensionBrowser, worker: Worker): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const cdp = await browser.context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  const stopped = new Promise<void>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.runningStatus === 'stopped')) resolve();
    }),
  );
  // What the worker does in the 30 s it idles before Chromium stops it: the index's snapshot saved.
  if (!(await worker.evaluate(() => storylineBench.saveIndex()))) throw new Error('the index snapshot was not saved before the stop');
  await worker.evaluate(() => Object.assign(globalThis, { storylineBenchOld: true }));
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await options.evaluate(() => chrome.runtime.sendMessage({ type: 'sources/state', payload: {} }));
  const fresh = (): Promise<boolean> =>
    worker.evaluate(() => 'storylineBench' in globalThis && !('storylineBenchOld' in globalThis)).catch(() => false);
  const deadline = Date.now() + 30_000;
  while (!(await fresh())) {
    if (Date.now() > deadline) throw new Error('the extension worker did not come back with the bench hook');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await cdp.detach();
  await options.close();
}

async function chromiumRun(server: FeedServer, size: number, dir: string, heap: boolean): Promise<Figures> {
  const browser = await launchWithExtension(dir);
  try {
    const { worker } = browser;
    if (!(await worker.evaluate(() => 'storylineBench' in globalThis))) {
      if (values.woken) throw new Error('--woken needs a --bench build: its hook times the refresh inside the woken worker');
      const figures = await chromiumMessages(browser, server, size);
      if (heap) figures.heapMb = (await (await workerHeap(browser.context, browser.extensionId)).used()) / 1e6;
      return figures;
    }
    const settle = (): Promise<number> =>
      worker.evaluate(async () => {
        const started = performance.now();
        await storylineBench.settle();
        return performance.now() - started;
      });
    const urls = Array.from({ length: size }, (_, n) => server.url(n));
    server.serve(perSource);
    server.latency = latency;
    server.reset();
    const first = await worker.evaluate((u) => storylineBench.addFeeds(u), urls);
    const inFlight = server.maxInFlight();
    await settle();
    server.latency = 0;
    const add = await worker.evaluate((u) => storylineBench.addFeed(u), server.url(size));
    const settled = await settle();
    server.serve(perSource + fresh);
    if (values.woken) await wakeWorker(browser, worker);
    const refreshAll = (): Promise<{ ms: number; fetchMs: number; afterMs: number }> => worker.evaluate(() => storylineBench.refreshAll());
    let refresh: { ms: number; fetchMs: number; afterMs: number };
    let refreshWorkerCpu: number | undefined;
    if (values.profile && size === Math.max(...sizes)) {
      const profiled = await (await workerHeap(browser.context, browser.extensionId)).profile(refreshAll);
      writeFileSync(values.profile, JSON.stringify(profiled.profile));
      refresh = profiled.result;
    } else {
      // Browser-wide, as a worker's thread is only in a browser trace; tasks' names only, a light trace.
      const cdp = await browser.context.browser()!.newBrowserCDPSession();
      const stop = await startTrace(cdp, TASK_CATEGORIES);
      refresh = await refreshAll();
      refreshWorkerCpu = namedThreadCpu(await stop(), SERVICE_WORKER_THREAD) ?? undefined;
      await cdp.detach();
    }
    await settle();
    const remove = await worker.evaluate((u) => storylineBench.removeFeed(u), urls[0]!);
    await settle();
    const { stories } = await worker.evaluate(() => storylineBench.store());
    const figures: Figures = { sources: size, first: first.ms, inFlight, firstHow: 'addFeeds, six at a time', addWork: add.ms - add.fetchMs, addFetch: add.fetchMs, refresh: refresh.ms, refreshAfter: refresh.afterMs, ...(refreshWorkerCpu === undefined ? {} : { refreshWorkerCpu }), remove: remove.ms, stories, settle: settled };
    if (heap) figures.heapMb = (await (await workerHeap(browser.context, browser.extensionId)).used()) / 1e6;
    return figures;
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------- main

const feeds = benchFeeds(Math.max(...sizes) + 1, perSource + fresh, NOW);
const server = await startFeedServer(feeds, { ownThread: values.browser !== 'chromium' });
const dists = values.dist ? values.dist.split(',') : [];
const runs = Number(values.runs);
const where = values.browser === 'chromium' ? `Chromium, ${dists.length ? `the build${dists.length > 1 ? 's' : ''} in ${dists.join(', ')}` : 'the built extension'}` : `Node, fake-indexeddb${values.src ? `, code of ${values.src}` : ''}`;
console.log(`${where}; feeds: ${feeds.origin}; ${perSource} items per source, +${fresh} at the refresh; first fetch answers held ${latency} ms`);
const rows: Figures[] = [];
try {
  const dirs = values.browser !== 'chromium' ? [''] : dists.length ? dists.map((d) => path.resolve(d)) : [(await build({ outDir: 'build/bench-feeds', bench: true, quiet: true })).dirs.chrome];
  for (let run = 1; run <= runs; run++) {
    for (const dir of dirs) {
      const label = dirs.length > 1 || runs > 1 ? `[run ${run}${dirs.length > 1 ? `, ${dir}` : ''}] ` : '';
      for (const size of sizes) {
        const figures = values.browser === 'chromium' ? await chromiumRun(server, size, dir, size === Math.max(...sizes)) : await nodeRun(server, size);
        rows.push(figures);
        console.log(
          `${label}${size} sources: first fetch ${ms(figures.first)} (${figures.firstHow}, ${figures.inFlight} in flight at most) · one more source ${ms(figures.addWork)} after its fetch (fetch ${ms(figures.addFetch)})` +
            `${figures.settle === undefined ? '' : `, queued work after it ${ms(figures.settle)}`} · refresh +${fresh}/source${values.woken ? ' in a woken worker' : ''} ${ms(figures.refresh)}${figures.refreshAfter === undefined ? '' : ` (${ms(figures.refreshAfter)} after its last answer${figures.refreshWorkerCpu === undefined ? '' : `; worker thread CPU ${ms(figures.refreshWorkerCpu)}`})`}${figures.refreshCpu === undefined ? "" : ` (CPU ${ms(figures.refreshCpu)})`} · remove a source ${ms(figures.remove)} · ${figures.stories} stories` +
            `${figures.heapMb === undefined ? '' : ` · worker heap ${figures.heapMb.toFixed(1)} MB`}` +
            `${figures.firstStall === undefined ? '' : ` · event loop held at most ${ms(figures.firstStall)} in the first fetch, ${ms(figures.refreshStall)} in the refresh`}`,
        );
      }
    }
  }
} finally {
  await server.close();
}
