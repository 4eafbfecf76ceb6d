// Export and import of everything that belongs to the reader (src/formats/reader-data.ts has the
// format). An import merges: what is already here stays as it is, and what the file adds joins it.
import type { IDBPDatabase } from 'idb';
import {
  READER_DATA_FORMAT,
  READER_DATA_VERSION,
  type ImportedReaderData,
  type ReaderData,
  type ReaderDataMerge,
} from '../formats/reader-data';
import type { Settings } from '../formats/settings';
import { actionStateKey, categoriesKey, confirmationKey, followKey, rejectionKey, type StorylineDB, type UserStateRecord } from '../formats/storage-schema';
import { receiptRecord, staleReceiptKeys, RECEIPT_RANGE, type ImportReceipt } from './import-receipts';
import { NEVER_CHECKED } from './sources/source-env';
import { MAX_SEEN } from './follow';
import { PREFS_KEY, readPrefs, repairPrefs } from './sources/source-prefs';

type Database = IDBPDatabase<StorylineDB>;
type Kind<K extends UserStateRecord['kind']> = Extract<UserStateRecord, { kind: K }>;

/** Settings live in storage.local, not IndexedDB: the caller reads them (and writes them after an import). */
export async function exportReaderData(database: Database, settings: Settings, now = new Date()): Promise<ReaderData> {
  const state = await database.getAll('userState');
  const of = <K extends UserStateRecord['kind']>(kind: K): Kind<K>[] => state.filter((r): r is Kind<K> => r.kind === kind);
  return {
    format: READER_DATA_FORMAT,
    version: READER_DATA_VERSION,
    exported: now.toISOString(),
    settings,
    sourcePrefs: await readPrefs(database),
    subscriptions: (await database.getAll('subscriptions')).map(({ url, publicKey }) => ({ url, publicKey })),
    feeds: (await database.getAll('feeds')).map(({ url }) => ({ url })),
    history: (await database.getAll('history')).map(({ storyId: _joinedTo, ...entry }) => entry),
    actions: of('action-done').map(({ storyId, actionId, done, at }) => ({ storyId, actionId, done, at })),
    rejections: of('rejected').map(({ pageKey, storyId, at }) => ({ pageKey, storyId, at })),
    following: of('follow').map(({ storyId, at, seen }) => ({ storyId, at, seen })),
    categories: of('categories').map(({ storyId, categories, at }) => ({ storyId, categories, at })),
    confirmations: of('confirmed').map(({ pageKey, storyId, at }) => ({ pageKey, storyId, at })),
  };
}

/**
 * Merges an imported file into what is stored, in one transaction for the stores it writes, which
 * also writes the import's receipt (import-receipts.ts): what is left to do after the commit (the
 * settings, the joins of the added history) is in it, and finishImport does it.
 * Settings: the file's choices win, site lists are joined. Sources, history, ticks, answers and
 * follows: added where absent; a tick, or a choice of categories, stored here is kept over the
 * file's only if it is newer.
 */
export async function importReaderData(
  database: Database,
  data: ImportedReaderData,
  {
    receipt: id = crypto.randomUUID(),
    now = new Date(),
    keepHistory = true,
  }: {
    receipt?: string;
    now?: Date;
    /** Whether this machine keeps reading history (settings): a file does not fill one switched off. */
    keepHistory?: boolean;
  } = {},
): Promise<ImportReceipt> {
  const added: ReaderDataMerge = { subscriptions: 0, feeds: 0, history: 0, actions: 0, rejections: 0, following: 0, categories: 0, confirmations: 0, historyTooOld: 0 };
  const addedAt = now.toISOString();
  const newHistory = new Set<string>();
  const tx = database.transaction(['subscriptions', 'feeds', 'history', 'userState', 'meta'], 'readwrite');
  const subscriptions = tx.objectStore('subscriptions');
  const feeds = tx.objectStore('feeds');
  const history = tx.objectStore('history');
  const userState = tx.objectStore('userState');
  const meta = tx.objectStore('meta');
  // What is stored is read in a few requests, and the writes are queued without awaiting each one:
  // a request awaited per entry made a 100k-entry file take minutes (issue 16). The sets and the
  // map are kept current as entries are added, so a file that lists one twice adds it once.
  const [subscriptionKeys, feedKeys, historyKeys, stateRecords, receipts, storedPrefs] = await Promise.all([
    subscriptions.getAllKeys(),
    feeds.getAllKeys(),
    history.getAllKeys(),
    userState.getAll(),
    meta.getAll(RECEIPT_RANGE()),
    meta.get(PREFS_KEY),
  ]);
  const hasSubscription = new Set<string>(subscriptionKeys);
  const hasFeed = new Set<string>(feedKeys);
  const hasHistory = new Set<string>(historyKeys);
  const state = new Map<string, UserStateRecord>(stateRecords.map((r) => [r.key, r]));
  const writes: Promise<unknown>[] = [];
  // The reader's records are folded in `state` and written once per key at the end, however often
  // the file names one: a put per entry made a file that follows one story 2,000 times copy and
  // store its growing `seen` list 2,000 times (quadratic: 1 MB took 17 s, 2 MB ran out of memory).
  const changed = new Set<string>();
  const removed = new Set<string>();
  /** Answers whether this is the import's first change of that record (what `added` counts). */
  const putState = (record: UserStateRecord): boolean => {
    const first = !changed.has(record.key);
    state.set(record.key, record);
    changed.add(record.key);
    removed.delete(record.key);
    return first;
  };
  const deleteState = (key: string): void => {
    state.delete(key);
    changed.delete(key);
    removed.add(key);
  };
  // "Not this story" and "This page is about this story" on one page and story exclude each other,
  // as when given (page-match.ts): of the two, here or in the file, the later one stands.
  const confirmedHere = (pageKey: string, storyId: string): UserStateRecord | undefined => {
    const record = state.get(confirmationKey(pageKey));
    return record?.kind === 'confirmed' && record.storyId === storyId ? record : undefined;
  };

  for (const { url, publicKey } of data.subscriptions) {
    if (hasSubscription.has(url)) continue;
    hasSubscription.add(url);
    writes.push(subscriptions.put({ url, publicKey, packId: null, addedAt, ...NEVER_CHECKED }));
    added.subscriptions++;
  }
  for (const { url } of data.feeds) {
    if (hasFeed.has(url)) continue;
    hasFeed.add(url);
    writes.push(feeds.put({ url, title: null, addedAt, itemCount: 0, ...NEVER_CHECKED }));
    added.feeds++;
  }
  // What was read before the days history is kept here (the file's keep counts, as it never
  // shortens this machine's) is not added: the next prune would drop it after the page said "added".
  const here = repairPrefs(storedPrefs?.value);
  const keptDays = Math.max(here.retentionDays, data.sourcePrefs?.retentionDays ?? 0);
  const keptSince = now.getTime() - keptDays * 86_400_000;
  for (const entry of keepHistory ? data.history : []) {
    if (hasHistory.has(entry.pageKey)) continue;
    if (Date.parse(entry.readAt) < keptSince) {
      added.historyTooOld++;
      continue;
    }
    hasHistory.add(entry.pageKey);
    // Joined to a story afterwards (rejoinHistory), against the stories of this machine.
    writes.push(history.put({ ...entry, storyId: null }));
    newHistory.add(entry.pageKey);
    added.history++;
  }
  for (const tick of data.actions) {
    const key = actionStateKey(tick.storyId, tick.actionId);
    const current = state.get(key);
    if (current && current.kind === 'action-done' && current.at >= tick.at) continue;
    if (putState({ key, kind: 'action-done', ...tick })) added.actions++;
  }
  for (const answer of data.rejections) {
    const key = rejectionKey(answer.pageKey, answer.storyId);
    if (state.has(key)) continue;
    const confirmed = confirmedHere(answer.pageKey, answer.storyId);
    if (confirmed && confirmed.at >= answer.at) continue;
    if (confirmed) deleteState(confirmed.key);
    if (putState({ key, kind: 'rejected', ...answer })) added.rejections++;
  }
  // Followed on both, or named more than once in the file: a report seen anywhere is seen. The
  // ids gather in one set per story, as many as following keeps (follow.ts), and are written once.
  const seenOf = new Map<string, { record: Kind<'follow'>; seen: Set<string> }>();
  for (const follow of data.following) {
    const key = followKey(follow.storyId);
    let folded = seenOf.get(key);
    if (!folded) {
      const current = state.get(key);
      const record: Kind<'follow'> = current?.kind === 'follow' ? current : { key, kind: 'follow', ...follow, seen: [] };
      if (record !== current) added.following++;
      folded = { record, seen: new Set(record.seen.slice(0, MAX_SEEN)) };
      seenOf.set(key, folded);
    }
    for (const seenId of follow.seen) {
      if (folded.seen.size >= MAX_SEEN) break;
      folded.seen.add(seenId);
    }
  }
  for (const { record, seen } of seenOf.values()) putState({ ...record, seen: [...seen] });
  for (const choice of data.categories ?? []) {
    const key = categoriesKey(choice.storyId);
    const current = state.get(key);
    if (current && current.kind === 'categories' && current.at >= choice.at) continue;
    if (putState({ key, kind: 'categories', ...choice })) added.categories++;
  }
  for (const answer of data.confirmations ?? []) {
    // One answer per page: the newer stands; a rejection of that story here stands only if it is later.
    const key = confirmationKey(answer.pageKey);
    const current = state.get(key);
    const rejected = state.get(rejectionKey(answer.pageKey, answer.storyId));
    if ((current?.kind === 'confirmed' && current.at >= answer.at) || (rejected?.kind === 'rejected' && rejected.at >= answer.at)) continue;
    if (rejected) deleteState(rejected.key);
    if (putState({ key, kind: 'confirmed', ...answer })) added.confirmations++;
  }
  for (const key of removed) writes.push(userState.delete(key));
  for (const key of changed) writes.push(userState.put(state.get(key)!));
  // Field by field over what is stored: a file written before a preference existed leaves it as
  // chosen here. "Never removes anything": a file's shorter keep does not shorten this machine's
  // (its next prune would have deleted what is here).
  if (data.sourcePrefs) {
    const { retentionDays = 0, feedRetentionDays = 0 } = data.sourcePrefs;
    const prefs = { ...here, ...data.sourcePrefs, retentionDays: Math.max(here.retentionDays, retentionDays), feedRetentionDays: Math.max(here.feedRetentionDays, feedRetentionDays) };
    writes.push(meta.put({ key: PREFS_KEY, value: prefs }));
  }
  for (const key of staleReceiptKeys(receipts, now)) writes.push(meta.delete(key));
  const receipt: ImportReceipt = { id, at: addedAt, added, finished: false, settings: data.settings, history: [...newHistory] };
  writes.push(meta.put(receiptRecord(receipt)));
  await Promise.all([...writes, tx.done]);
  return receipt;
}
