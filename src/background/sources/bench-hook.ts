// For `npm run bench:feeds-ingest -- --browser chromium` only: in a --bench build the service
// worker exposes the feed paths to the benchmark, timed inside the worker (a DevTools round trip
// would otherwise count). Shipped builds compile this away: __STORYLINE_BENCH__ is false there.
import { addFeeds } from './feed-batch';
import { feedStoreView } from './feed-store';
import { addFeed, refreshAllFeeds, removeFeed } from './feeds';
import { installTuning } from '../pack-store';
import { saveStoryIndex } from '../matcher';
import type { Serially } from './runtime-env';
import type { SourceEnv } from './source-env';

declare const __STORYLINE_BENCH__: boolean;

/**
 * Runs a queued task, answering its time, how much of it went on fetching (summed over requests,
 * which overlap), and how much came after the last request ended (0 when it made none): the work
 * a batch does once the network has nothing more to bring.
 */
function timed<T>(serially: Serially, task: (env: SourceEnv) => Promise<T>): Promise<{ ms: number; fetchMs: number; afterMs: number; result: T }> {
  return serially(async (env) => {
    const fetch = env.fetch;
    let fetchMs = 0;
    let lastEnd: number | null = null;
    env.fetch = async (req) => {
      const started = performance.now();
      try {
        return await fetch(req);
      } finally {
        lastEnd = performance.now();
        fetchMs += lastEnd - started;
      }
    };
    const started = performance.now();
    const result = await task(env);
    const ended = performance.now();
    return { ms: ended - started, fetchMs, afterMs: lastEnd === null ? 0 : ended - lastEnd, result };
  });
}

/** Called once as the background starts, with the extension's queue; does nothing in other builds. */
export function installBenchHook(serially: Serially): void {
  if (typeof __STORYLINE_BENCH__ !== 'undefined' && __STORYLINE_BENCH__) {
    Object.assign(globalThis, {
      storylineBench: {
        addFeeds: (urls: string[]) => timed(serially, (env) => addFeeds(env, urls)),
        addFeed: (url: string) => timed(serially, (env) => addFeed(env, url)),
        refreshAll: () => timed(serially, refreshAllFeeds),
        removeFeed: (url: string) => timed(serially, (env) => removeFeed(env, url)),
        /** Waits for the work queued behind the others (history joins). */
        settle: () => timed(serially, async () => undefined),
        store: () => serially(feedStoreView),
        /** Saves the index's snapshot now, as the timer after a change would within the 30 s an idle worker lives. */
        saveIndex: () => serially(() => saveStoryIndex()),
        /** The install transactions' durability hint, for bench:import to measure both ways. */
        setInstallDurability: (durability: IDBTransactionDurability) => void (installTuning.durability = durability),
      },
    });
  }
}
