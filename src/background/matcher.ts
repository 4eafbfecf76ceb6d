// The engine's index of stored stories, kept warm across service-worker wake-ups: it is loaded
// from a snapshot in IndexedDB when the snapshot was made from the same packs, and rebuilt
// from the stored reports otherwise. A pack installed or removed invalidates it; stories changed
// in place (feeds) are applied to it as a delta, and the snapshot is saved again soon after.
// The snapshot is two `meta` records (engine/snapshot.ts DOC_PARTS): the stories' part ranking
// reads and the articles' part, each with the stamp, read together in one transaction.
import type { IDBPDatabase } from 'idb';
import { DOC_PARTS, ENGINE_SNAPSHOT_VERSION, StoryIndex, type EngineSnapshot } from '../engine';
import type { ArticleRecord, StorylineDB } from '../formats/storage-schema';
import { db } from './db';
import { articleDoc } from './page-doc';
import { applyStoryDelta, type StoryChange, type StoryDelta } from './story-delta';
import { everyReport } from './story-reports';

export { articleDoc };

const SNAPSHOT_KEY = 'engine-snapshot';
const DOCS_KEY = 'engine-snapshot/docs';
/**
 * The ids of the reports reading history joined (or joined again) since the snapshot was saved:
 * a loaded snapshot takes them from `joinedReports` (joinToIndex). Saving the whole snapshot
 * (4.5-5.9 MB at 10k articles) for each article read was the cost of a join before.
 */
const JOINS_KEY = 'engine-snapshot/joins';
/** Joins noted beyond which the snapshot is saved again, so a waking worker has few to take in. */
const JOINS_TO_SAVE = 100;
/**
 * The snapshot's `meta` records. Reading history joins articles to the index without a pack
 * change, so the stamp cannot tell a snapshot that still holds reads the reader since removed:
 * whoever forgets reads deletes these in the same transaction (sources/history.ts).
 */
export const SNAPSHOT_KEYS = [SNAPSHOT_KEY, DOCS_KEY, JOINS_KEY] as const;

type Database = IDBPDatabase<StorylineDB>;

let loads = 0;
/** How many times this worker loaded or built the index (the e2e suite checks a cold URL-key answer made none). */
export const indexLoads = (): number => loads;

/**
 * Saves the snapshot and empties the joins noted, in one transaction made at once (no await before
 * it): a join that starts later makes its own transaction after this one, so its note survives.
 */
function saveSnapshot(database: Database, stamp: string, snapshot: EngineSnapshot): Promise<unknown> {
  const docs: Record<string, unknown> = {};
  const stories: Record<string, unknown> = { ...snapshot };
  for (const field of DOC_PARTS) {
    docs[field] = snapshot[field];
    delete stories[field];
  }
  const tx = database.transaction('meta', 'readwrite');
  return Promise.all([
    tx.store.put({ key: SNAPSHOT_KEY, value: { stamp, snapshot: stories } }),
    tx.store.put({ key: DOCS_KEY, value: { stamp, snapshot: docs } }),
    tx.store.delete(JOINS_KEY),
    tx.done,
  ]);
}

const notedJoins = (value: unknown): string[] => (Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);

/** A loaded snapshot takes in the joins made since it was saved, each as `joinedReports` holds it now (or not at all). */
async function takeInJoins(database: Database, index: StoryIndex): Promise<void> {
  const tx = database.transaction(['meta', 'joinedReports']);
  const ids = notedJoins((await tx.objectStore('meta').get(JOINS_KEY))?.value);
  const records = await Promise.all(ids.map((id) => tx.objectStore('joinedReports').get(id)));
  ids.forEach((id, i) => {
    const record = records[i];
    if (record) index.addArticle(record.storyId, articleDoc(record));
    else index.removeArticle(id);
  });
}

/**
 * Reading history joins `record` to its story: stored, noted for the snapshot, and added to
 * `index`, counted as a change under way so that no snapshot is saved between the write and the
 * index taking it. The snapshot itself is saved again only every JOINS_TO_SAVE joins.
 */
export async function joinToIndex(database: Database, index: StoryIndex, record: ArticleRecord): Promise<void> {
  changing++;
  try {
    const tx = database.transaction(['joinedReports', 'meta'], 'readwrite');
    const meta = tx.objectStore('meta');
    const ids = new Set(notedJoins((await meta.get(JOINS_KEY))?.value)).add(record.id);
    await Promise.all([tx.objectStore('joinedReports').put(record), meta.put({ key: JOINS_KEY, value: [...ids] }), tx.done]);
    index.addArticle(record.storyId, articleDoc(record));
    generation++;
    if (ids.size >= JOINS_TO_SAVE) saveStoryIndexSoon();
  } finally {
    changing--;
  }
}

/** The stored snapshot's two parts joined, if both are there and made from the data as it is (`stamp`). */
async function storedSnapshot(stamp: string): Promise<unknown> {
  const tx = (await db()).transaction('meta');
  const [stories, docs] = await Promise.all([tx.store.get(SNAPSHOT_KEY), tx.store.get(DOCS_KEY)]);
  const parts = [stories?.value, docs?.value] as ({ stamp?: unknown; snapshot?: unknown } | undefined)[];
  if (!parts.every((part) => part?.stamp === stamp && typeof part.snapshot === 'object')) return null;
  return { ...(parts[0]!.snapshot as object), ...(parts[1]!.snapshot as object) };
}

let current: Promise<StoryIndex> | null = null;

/** Identifies the stored data the index was built from: any pack change makes a new stamp. */
async function dataStamp(): Promise<string> {
  const packs = await (await db()).getAll('packs');
  const parts = packs.map((p) => `${p.id}@${p.version}@${p.installedAt}`).sort();
  return `${ENGINE_SNAPSHOT_VERSION}|${parts.join('|')}`;
}

async function loadOrBuild(): Promise<StoryIndex> {
  loads++;
  const database = await db();
  const stamp = await dataStamp();
  const restored = StoryIndex.fromSnapshot(await storedSnapshot(stamp));
  if (restored) {
    await takeInJoins(database, restored);
    return restored;
  }
  const index = new StoryIndex();
  for (const report of await everyReport(database)) index.addArticle(report.storyId, articleDoc(report));
  await saveSnapshot(database, stamp, index.toSnapshot());
  return index;
}

export function storyIndex(): Promise<StoryIndex> {
  if (!current) {
    current = loadOrBuild();
    current.catch(() => {
      current = null;
    });
  }
  return current;
}

const changeListeners = new Set<() => void>();

/** Call after packs change: the next match rebuilds (or reloads) the index. */
export function invalidateStoryIndex(): void {
  current = null;
  for (const listener of changeListeners) listener();
}

/** Changes made in place and not yet applied to the live index; each applied one bumps the generation. */
let changing = 0;
let generation = 0;

/**
 * Stories changed in place (the feeds pack): the index is loaded against the stored data as it is,
 * `write` queues the change and answers its delta (null: nothing changed), and the delta is
 * applied to the live index while the change commits, instead of rebuilding the index from every
 * stored report. A change that fails to commit leaves the index to be built again from what is
 * stored. The snapshot follows soon. Answers the delta once the change is stored.
 */
export async function changeStoryIndex(write: () => Promise<StoryChange | null>): Promise<StoryDelta | null> {
  const loaded = storyIndex();
  const index = await loaded;
  changing++;
  let delta: StoryDelta | null = null;
  try {
    const change = await write();
    if (change) {
      delta = change.delta;
      applyStoryDelta(index, delta);
      // Invalidated meanwhile (history cleared): the index loading now may have read the data
      // before the change. The delta is idempotent, so it goes to that one too.
      const next = current;
      const other = next && next !== loaded ? await next.catch(() => null) : null;
      if (other) applyStoryDelta(other, delta);
      generation++;
      try {
        await change.stored;
      } catch (error) {
        invalidateStoryIndex();
        throw error;
      }
    }
  } finally {
    changing--;
  }
  if (delta) {
    saveStoryIndexSoon();
    for (const listener of changeListeners) listener();
  }
  return delta;
}

/** Calls `listener` whenever stored stories changed (a pack, a feed refresh, reading history). */
export function onStoriesChanged(listener: () => void): void {
  changeListeners.add(listener);
}

/**
 * Reading history joined stories again after they changed (sources/history-delta.ts): the open
 * tabs are counted again, since a page read may now be one of its story's reports. Queued behind
 * the change that caused it, the rejoin can end after the tabs' own recount.
 */
export function historyRejoined(): void {
  for (const listener of changeListeners) listener();
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Articles joined to the live index without a pack change (reading history) would be missing from
 * the snapshot a waking worker loads: save it again, once the burst of changes is over.
 */
export function saveStoryIndexSoon(delayMs = 2_000): void {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => void saveStoryIndex(delayMs).catch(() => undefined), delayMs); // a failed save only costs a rebuild on the next wake
}

/**
 * Saves the live index's snapshot now; answers whether it did. None loaded: nothing to save; a
 * change under way puts it off (saved once it is done).
 */
export async function saveStoryIndex(retryMs = 2_000): Promise<boolean> {
  clearTimeout(saveTimer);
  const pending = current;
  if (!pending) return false;
  const database = await db();
  const index = await pending;
  const seen = generation;
  const stamp = await dataStamp();
  // A change in place under way (or applied while the stamp was read) would pair the new
  // data's stamp with an index that lacks it: try again once it is done.
  if (changing > 0 || generation !== seen || pending !== current) {
    saveStoryIndexSoon(retryMs);
    return false;
  }
  await saveSnapshot(database, stamp, index.toSnapshot());
  return true;
}
