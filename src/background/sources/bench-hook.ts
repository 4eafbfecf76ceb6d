// For `npm run bench:feeds-ingest -- --browser chromium` only: in a --bench build the service
// worker exposes the feed paths to the benchmark, timed inside the worker (a DevTools round trip
// would otherwise count). Shipped builds compile this away: __STORYLINE_BENCH__ is false there.
import { addFeeds } from './feed-batch';
import { feedStoreView } from './feed-store';
import { addFeed, refreshAllFeeds, removeFeed } from './feeds';
import { installTuning } from '../pack-store';
import type { Serially } from './runtime-env';
import type { SourceEnv } from './source-env';

declare const __STORYLINE_BENCH__: boolean;

/** Runs a queued task, answering its time and how much of it went on fetching. */
function timed<T>(serially: Serially, task: (env: SourceEnv) => Promise<T>): Promise<{ ms: number; fetchMs: number; result: T }> {
  return serially(async (env) => {
    const fetch = env.fetch;
    let fetchMs = 0;
    env.fetch = async (req) => {
      const started = performance.now();
      try {
        return await fetch(req);
      } finally {
        fetchMs += performance.now() - started;
      }
    };
    const started = performance.now();
    const result = await task(env);
    return { ms: performance.now() - started, fetchMs, result };
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
        /** The install transactions' durability hint, for bench:import to measure both ways. */
        setInstallDurability: (durability: IDBTransactionDurability) => void (installTuning.durability = durability),
      },
    });
  }
}
