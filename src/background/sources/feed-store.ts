// Storing what feeds changed. The model (feed-state.ts) takes the feeds' new items and answers
// which stories changed; only those are built again (feed-patch.ts) and only those whose record
// differs are written (pack-patch.ts), with the feeds' records, their items and the clusterer's
// state, in one transaction that awaits only IndexedDB requests. The engine's live index takes
// the delta (SourceEnv.changeStories) while it commits, rather than being rebuilt from every
// stored report.
import { FEEDS_PACK_ID } from '../feeds/feed-stories';
import { withFeatureMemo } from '../../engine';
import { Slices } from '../feeds/slices';
import type { Feed } from '../../formats/feeds';
import type { FeedItemsRecord, FeedRecord, PackRecord, StoryRecord, StorylineDB } from '../../formats/storage-schema';
import type { IDBPDatabase } from 'idb';
import { unwrap } from 'idb';
import type { FeedStoreView } from '../../contracts/views';
import { packStoryCount } from '../pack-keys';
import { deletePackIn, patchPack, PATCH_STORES } from '../pack-patch';
import type { StoryDelta } from '../story-delta';
import { CARRY_STORES, carryMergedState } from '../merged-story-state';
import { renamedStories } from '../pack-renames';
import { feedStore, forgetFeedStore, STATE_KEY, stateValue, type FeedStore } from './feed-state';
import { currentLabels, feedPatch, scoped } from './feed-patch';
import type { SourceEnv } from './source-env';

type Database = IDBPDatabase<StorylineDB>;

/** What one feed's refresh (or removal) stores. */
export interface FeedWrite {
  url: string;
  /** The feed's record; null: the feed is removed, with its items. */
  record: FeedRecord | null;
  /** Its items, when they changed (a fresh answer, items aged out); absent: unchanged. */
  items?: FeedItemsRecord;
}

/** The size of what the feeds hold, kept beside them for the options page (meta 'feed-store-stats'). */
export const STATS_KEY = 'feed-store-stats';

const sum = (values: Iterable<number>): number => [...values].reduce((a, b) => a + b, 0);

/**
 * Stores the feeds' new state and the stories it changes. A model that fails to store is
 * forgotten, so the next change starts again from what the database holds.
 */
export async function writeFeeds(env: SourceEnv, writes: readonly FeedWrite[]): Promise<void> {
  if (writes.length === 0) return;
  // The clusterer, the summaries and the pages' index (env.changeStories) read the same new items.
  await withFeatureMemo(() => write(env, writes));
}

/**
 * Reads a fetched feed into the model before the batch stores it (FeedStories.readAhead), while
 * the other sources are still being fetched. Best effort: the write reads what this did not.
 */
export async function readFeedAhead(env: SourceEnv, write: FeedWrite): Promise<void> {
  if (!write.items) return;
  try {
    (await feedStore(env.database)).model.readAhead(write.url, write.items.feed);
  } catch {
    // The store could not be loaded: the write loads it again, and says why if it still cannot.
  }
}

async function write(env: SourceEnv, writes: readonly FeedWrite[]): Promise<void> {
  const { database } = env;
  try {
    const store = await feedStore(database);
    const labels = await currentLabels(database);
    const feeds = writes.flatMap((w): (readonly [string, Feed | null])[] => (w.record === null ? [[w.url, null]] : w.items ? [[w.url, w.items.feed]] : []));
    // In slices: a big batch is seconds of clustering, and pages' messages must not wait for it.
    const slices = new Slices();
    const change = await store.model.updateInSlices(feeds, slices);
    for (const w of writes) {
      if (w.record === null) store.feedChars.delete(w.url);
      else if (w.items) store.feedChars.set(w.url, JSON.stringify(w.items).length);
    }
    const all = store.whole || store.labels !== labels.stamp;
    const quiet = !all && change.stories.size === 0 && !change.outlets && change.changedArticles.size === 0 && change.removedArticles.size === 0;
    if (quiet) return await writeRecordsOnly(database, writes);
    await env.changeStories(async () => {
      const updated = env.now().toISOString();
      const empty = store.model.entries.feedUrls().length === 0;
      const installedAt = (await database.get('packs', FEEDS_PACK_ID))?.installedAt ?? updated;
      const header: PackRecord = { id: FEEDS_PACK_ID, publisher: 'Your feeds', version: updated, updated, installedAt, origin: 'feeds' };
      const { patch, unlisted } = await feedPatch(store, change, all, labels.labels, header, slices);
      const outlets = store.model.entries.outlets();
      // Computed before the transaction opens: it may await nothing but its own requests.
      const state = empty ? null : stateValue(store, updated, labels.stamp);
      const tx = database.transaction([...new Set([...PATCH_STORES, ...CARRY_STORES]), 'feeds', 'feedItems'], 'readwrite');
      // A failed request (a full disk, say) rejects patchPack first and the awaited tx.done is never
      // reached: marked handled here so its rejection is not also an unhandled one in the worker.
      tx.done.catch(() => undefined);
      const raw = unwrap(tx);
      // The transaction's own error (QuotaExceededError, say), which the reader's message is chosen
      // by, rather than the AbortError of whichever request was waiting when it ended.
      const failed = (error: unknown): never => {
        // Nothing of a change that failed half-way may commit (the records were queued last).
        abortQuietly(raw);
        throw raw.error ?? error;
      };
      let outcome = { written: [] as StoryRecord[], deleted: [...patch.deleteStories] };
      try {
        if (!empty) {
          // Before the stories are rewritten: it reads what the merged-into stories held.
          await carryMergedState(raw, new Map([...change.merged].map(([from, to]) => [scoped(from), scoped(to)])));
          // Stories that go for good, or (clustered again from scratch) under another id.
          const kept = new Set(patch.stories.map(({ story }) => story.id));
          const deleted = new Set(patch.deleteStories);
          const gone = (id: string): boolean => deleted.has(id) || (patch.whole && id.startsWith(`${FEEDS_PACK_ID}/`) && !kept.has(id));
          // Most refreshes delete no story: no read of the reader's state then.
          const renamed = patch.whole || deleted.size > 0 ? await renamedStories(raw, gone, patch.stories) : new Map<string, string>();
          if (renamed.size > 0) await carryMergedState(raw, renamed);
          outcome = await patchPack(raw, patch);
          if (state) putState(raw, store, state);
        } else {
          await deletePackIn(raw, FEEDS_PACK_ID);
          raw.objectStore('meta').delete(STATE_KEY);
          raw.objectStore('meta').delete(STATS_KEY);
        }
        // Last: the feeds' items are the biggest records and nothing above reads them, so the
        // requests that are awaited (the stories' reads) are not queued behind their writes.
        putRecords(raw, writes);
      } catch (error) {
        failed(error);
      }
      // The pages' index takes the delta while this commits (changeStories).
      const stored = tx.done.then(() => {
        store.whole = false;
        store.labels = labels.stamp;
        store.outlets = new Set(outlets.map((o) => o.id));
      }, failed);
      // Awaited by changeStories; marked handled should it fail before it gets there.
      stored.catch(() => undefined);
      const delta: StoryDelta = {
        written: outcome.written,
        deleted: outcome.deleted,
        removedReports: [...[...change.removedArticles].map(scoped), ...unlisted],
        changedReports: [...change.changedArticles].map(scoped),
      };
      return { delta, stored };
    });
  } catch (error) {
    forgetFeedStore(database);
    throw error;
  }
}

function abortQuietly(tx: IDBTransaction): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted by its failed request.
  }
}

function putState(tx: IDBTransaction, store: FeedStore, state: ReturnType<typeof stateValue>): void {
  tx.objectStore('meta').put({ key: STATE_KEY, value: state.value });
  const bytes = sum(store.storyChars.values()) + sum(store.feedChars.values()) + state.chars;
  tx.objectStore('meta').put({ key: STATS_KEY, value: { bytes } });
}

function putRecords(tx: IDBTransaction, writes: readonly FeedWrite[]): void {
  for (const { url, record, items } of writes) {
    if (record === null) {
      tx.objectStore('feeds').delete(url);
      tx.objectStore('feedItems').delete(url);
      continue;
    }
    tx.objectStore('feeds').put(record);
    if (items) tx.objectStore('feedItems').put(items);
  }
}

/** Nothing a story shows changed (a 304, the same items again): only the feeds' own records. */
async function writeRecordsOnly(database: Database, writes: readonly FeedWrite[]): Promise<void> {
  const tx = database.transaction(['feeds', 'feedItems'], 'readwrite');
  putRecords(unwrap(tx), writes);
  await tx.done;
}

/**
 * What the feeds hold, for the options page. The size is our own count, kept at each write (the
 * characters of the stored items and story records, and the clusterer state's bytes), not
 * navigator.storage.estimate(): that covers the whole extension (packs, history, the engine's
 * snapshot) and Chromium pads it, so it cannot say what the feeds take.
 */
export async function feedStoreView(env: SourceEnv): Promise<FeedStoreView> {
  const { database } = env;
  const [feeds, stories, stats] = await Promise.all([database.getAll('feeds'), packStoryCount(database, FEEDS_PACK_ID), database.get('meta', STATS_KEY)]);
  const bytes = (stats?.value as { bytes?: unknown } | undefined)?.bytes;
  return { items: sum(feeds.map((f) => f.itemCount)), stories, bytes: typeof bytes === 'number' && Number.isFinite(bytes) && bytes >= 0 ? Math.round(bytes) : 0 };
}
