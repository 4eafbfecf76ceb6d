// Feeds for npm run bench:feeds-ingest, and the 127.0.0.1 server that serves them while counting
// the requests it holds at once. With ../shared/data present the feeds are made from labelled news
// (allsides-dev grouped by outlet, filled up with neus-dev stories whose three tellings go to three
// different sources, as three outlets cover one event); without it, from a synthetic vocabulary,
// and the benchmark says so. Test data only: nothing here is bundled.
import { existsSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { DEFAULT_DATA_DIR, seededRandom } from './dataset';
import { serveFeeds, type Serving } from './feed-server';

export interface BenchItem {
  id: string;
  title: string;
  summary: string;
  /** ms epoch. */
  published: number;
}

export interface BenchSource {
  name: string;
  /** Oldest first: the first `initial` are served at first, the rest appear at the refresh. */
  items: BenchItem[];
}

export interface BenchFeeds {
  /** Where the items come from, for the printout. */
  origin: string;
  sources: BenchSource[];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

interface Row {
  id: string;
  story: string;
  title: string;
  text: string | null;
  source: string | null;
  date: string | null;
}

const read = (file: string): Row[] => readFileSync(path.join(DEFAULT_DATA_DIR, file), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Row);
/** A feed's description: the lead, cut as feeds cut it. */
const lead = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);

function fromDataset(count: number, perSource: number, now: number): BenchFeeds {
  const random = seededRandom(1);
  const sides = read('allsides-dev.jsonl');
  const byOutlet = new Map<string, Row[]>();
  for (const r of sides) byOutlet.set(r.source ?? 'unknown', [...(byOutlet.get(r.source ?? 'unknown') ?? []), r]);
  const outlets = [...byOutlet].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  // AllSides dates are the roundup's: moved so the newest is an hour ago, spacing kept.
  const newest = Math.max(...sides.map((r) => Date.parse(r.date ?? '')).filter(Number.isFinite));
  const sources: BenchSource[] = Array.from({ length: count }, (_, i) => ({
    name: outlets[i]?.[0] ?? `Source ${i + 1}`,
    items: (outlets[i]?.[1] ?? []).slice(0, perSource).map((r) => ({ id: r.id, title: r.title, summary: lead(r.text), published: Date.parse(r.date ?? '') - newest + now - HOUR })),
  }));
  // NeuS stories (three tellings each, undated) fill the sources up, each telling in another source,
  // each story on a day of the last 25, its tellings hours apart.
  const neus = read('neus-dev.jsonl');
  const stories = new Map<string, Row[]>();
  for (const r of neus) stories.set(r.story, [...(stories.get(r.story) ?? []), r]);
  let next = 0;
  for (const tellings of stories.values()) {
    const day = now - HOUR - random() * 25 * DAY;
    for (const r of tellings) {
      for (let tries = 0; tries < count && sources[next % count]!.items.length >= perSource; tries++) next++;
      const source = sources[next % count]!;
      if (source.items.length >= perSource) break;
      source.items.push({ id: r.id, title: r.title, summary: lead(r.text), published: day + random() * 10 * HOUR });
      next++;
    }
    if (sources.every((s) => s.items.length >= perSource)) break;
  }
  for (const s of sources) s.items.sort((a, b) => a.published - b.published);
  return { origin: 'allsides-dev grouped by outlet, filled up with neus-dev stories (../shared/data)', sources };
}

/** Made-up events of a few dozen words each, told by several sources: when ../shared is absent (and for tests that need the same feeds either way). */
export function synthetic(count: number, perSource: number, now: number): BenchFeeds {
  const random = seededRandom(1);
  const words = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
  const events = Array.from({ length: Math.ceil((count * perSource) / 3) }, (_, e) => ({
    words: Array.from({ length: 12 }, () => words[Math.floor(random() * words.length)]!),
    day: now - HOUR - random() * 25 * DAY,
    e,
  }));
  const sources: BenchSource[] = Array.from({ length: count }, (_, i) => ({ name: `Source ${i + 1}`, items: [] }));
  let next = 0;
  for (const ev of events) {
    for (let t = 0; t < 3; t++) {
      const source = sources[next++ % count]!;
      if (source.items.length >= perSource) continue;
      const pick = (n: number): string => Array.from({ length: n }, () => ev.words[Math.floor(random() * ev.words.length)]).join(' ');
      source.items.push({ id: `e${ev.e}-${t}`, title: `Event ${ev.e}: ${pick(6)}`, summary: `${pick(20)}.`, published: ev.day + random() * 10 * HOUR });
    }
  }
  for (const s of sources) s.items.sort((a, b) => a.published - b.published);
  return { origin: 'synthetic (../shared/data is absent)', sources };
}

export function benchFeeds(count: number, perSource: number, now: number): BenchFeeds {
  return existsSync(path.join(DEFAULT_DATA_DIR, 'allsides-dev.jsonl')) && existsSync(path.join(DEFAULT_DATA_DIR, 'neus-dev.jsonl'))
    ? fromDataset(count, perSource, now)
    : synthetic(count, perSource, now);
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss(source: BenchSource, n: number, items: readonly BenchItem[]): string {
  const home = `https://source${n}.example`;
  const entries = items.map((i) => `<item><title>${escape(i.title)}</title><link>${home}/${encodeURIComponent(i.id)}</link><guid>${escape(i.id)}</guid><pubDate>${new Date(i.published).toUTCString()}</pubDate><description>${escape(i.summary)}</description></item>`);
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${escape(source.name)}</title><link>${home}/</link>${entries.join('')}</channel></rss>`;
}

export interface FeedServer {
  url(n: number): string;
  /** What each source serves now: its first `count` items. */
  serve(count: number): void;
  /** Each answer held this long (a stand-in for the network; 0: at once). */
  latency: number;
  /** The most requests held at once since the last reset. */
  maxInFlight(): number;
  /** Answers sent since the server started. */
  sent(): number;
  /** Resolves once `sent()` reaches `count`. */
  answered(count: number): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

/** Slots of the server's counters (feed-server.ts), shared with its thread when it has one. */
export const Slot = { Served: 0, Latency: 1, MaxInFlight: 2, Sent: 3 } as const;

// Node 20 has Atomics.waitAsync; the project's lib (ES2022) does not declare it.
const waitAsync = (Atomics as unknown as { waitAsync(a: Int32Array, i: number, value: number): { value: unknown } }).waitAsync;

// The thread's module is TypeScript: it registers tsx's loader before importing it.
const threadCode = (entry: string, tsx: string): string =>
  `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;

/** The server on a worker thread: its port, and how to stop it. */
async function onOwnThread(feeds: BenchFeeds, shared: Int32Array): Promise<Serving> {
  const entry = new URL('./feed-server.ts', import.meta.url).href;
  const thread = new Worker(threadCode(entry, import.meta.resolve('tsx/esm/api')), { eval: true, workerData: { feedServer: { feeds, shared } } });
  const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    thread.once('message', (m: { port: number }) => resolve(m.port));
    thread.once('error', reject);
  });
  return {
    port,
    close: async () => {
      thread.postMessage('close');
      await exited;
    },
  };
}

/**
 * Serves `feeds` on 127.0.0.1. `ownThread`: from a worker thread, for a benchmark whose code under
 * test runs on this process's main thread (bench:feeds-ingest in Node), so that the server's work
 * (rendering a hundred feeds, answering their requests) is not timed as the background's. When the
 * code under test is a browser's (another process) the server stays here: a second busy thread in
 * this process only competes with the browser for the machine's two cores.
 */
export async function startFeedServer(feeds: BenchFeeds, { ownThread = false } = {}): Promise<FeedServer> {
  const shared = new Int32Array(new SharedArrayBuffer(4 * 4));
  const serving = ownThread ? await onOwnThread(feeds, shared) : await serveFeeds(feeds, shared);
  return {
    url: (n) => `http://127.0.0.1:${serving.port}/feed/${n}.xml`,
    serve: (count) => void Atomics.store(shared, Slot.Served, count),
    get latency() {
      return Atomics.load(shared, Slot.Latency);
    },
    set latency(ms: number) {
      Atomics.store(shared, Slot.Latency, ms);
    },
    maxInFlight: () => Atomics.load(shared, Slot.MaxInFlight),
    sent: () => Atomics.load(shared, Slot.Sent),
    answered: async (count) => {
      for (let sent = Atomics.load(shared, Slot.Sent); sent < count; sent = Atomics.load(shared, Slot.Sent)) {
        await waitAsync(shared, Slot.Sent, sent).value;
      }
    },
    reset: () => void Atomics.store(shared, Slot.MaxInFlight, 0),
    close: () => serving.close(),
  };
}
