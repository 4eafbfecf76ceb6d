// A SourceEnv for Node tests: a fresh fake-indexeddb database, the real logged fetcher against a
// local server (short limits so slow and huge answers fail fast), and a count of pack changes
// (packs installed or removed, and stories changed in place).
import 'fake-indexeddb/auto';
import { openStorylineDB } from '../../src/background/db';
import { loggedFetcher } from '../../src/background/sources/source-access';
import type { SourceEnv } from '../../src/background/sources/source-env';
import type { StoryDelta } from '../../src/background/story-delta';

let counter = 0;

export interface TestEnv extends SourceEnv {
  packChanges: () => number;
  setNow: (iso: string) => void;
  /** Hosts the reader "granted"; every other URL is refused like a revoked permission. */
  denied: Set<string>;
}

export async function testEnv(opts: { onPacksChanged?: (env: SourceEnv) => Promise<void>; onStoriesChanged?: (delta: StoryDelta) => Promise<void> } = {}): Promise<TestEnv> {
  const database = await openStorylineDB(`storyline-sources-${process.pid}-${++counter}`);
  const denied = new Set<string>();
  let now = new Date('2025-08-16T12:00:00Z');
  let changes = 0;
  const hasAccess = async (url: string): Promise<boolean> => !denied.has(new URL(url).host);
  const env: TestEnv = {
    database,
    fetch: loggedFetcher(database, hasAccess, { timeoutMs: 1_000, maxBytes: 200_000 }),
    hasAccess,
    now: () => now,
    packsChanged: async () => {
      changes++;
      await opts.onPacksChanged?.(env);
    },
    changeStories: async (write) => {
      const change = await write();
      if (!change) return;
      await change.stored;
      changes++;
      await opts.onStoriesChanged?.(change.delta);
    },
    packChanges: () => changes,
    setNow: (iso) => {
      now = new Date(iso);
    },
    denied,
  };
  return env;
}
