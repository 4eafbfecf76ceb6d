// Installing and removing packs. A pack is written in one transaction that awaits only IndexedDB
// requests (awaiting anything else would let the transaction commit half-way): validate first,
// then write. Records are namespaced by pack id so two packs can never overwrite each other.
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { Pack } from '../shared/model';
import type { ArticleRecord, PackRecord, StorylineDB } from '../shared/storage-schema';
import { urlKey } from '../shared/url';

const PACK_STORES: ('packs' | 'stories' | 'articles' | 'categories' | 'outlets')[] = ['packs', 'stories', 'articles', 'categories', 'outlets'];

/** The stored id of a pack's record: `packId/localId`. */
export const scopedId = (packId: string, id: string): string => `${packId}/${id}`;

/** Called as records land: `done` of `total` writes. Never awaited, so it cannot end the transaction. */
export type InstallProgress = (done: number, total: number) => void;

/** Pack ids that name the reader's own data, which no pack file or subscription may take. */
export const RESERVED_PACK_IDS: ReadonlySet<string> = new Set(['feeds', 'history']);

export async function installPack(
  database: IDBPDatabase<StorylineDB>,
  pack: Pack,
  origin: PackRecord['origin'],
  installedAt = new Date().toISOString(),
  onProgress?: InstallProgress,
): Promise<void> {
  const id = (local: string): string => scopedId(pack.id, local);
  const outletNames = new Map(pack.outlets.map((o) => [o.id, o.name]));
  const tx = database.transaction(PACK_STORES, 'readwrite');
  // Old records go first: a delete queued after the puts would remove the new version's records.
  await removePackRecords(tx, pack.id);
  const writes: Promise<unknown>[] = [];
  writes.push(
    tx.objectStore('packs').put({
      id: pack.id,
      publisher: pack.publisher,
      version: pack.version,
      updated: pack.updated,
      installedAt,
      origin,
    }),
  );
  for (const category of pack.categories) {
    const parent = category.parent === undefined ? {} : { parent: id(category.parent) };
    writes.push(tx.objectStore('categories').put({ ...category, ...parent, id: id(category.id), packId: pack.id }));
  }
  for (const outlet of pack.outlets) {
    writes.push(tx.objectStore('outlets').put({ ...outlet, id: id(outlet.id), packId: pack.id }));
  }
  for (const story of pack.stories) {
    const { articles, ...rest } = story;
    const storyId = id(story.id);
    writes.push(
      tx.objectStore('stories').put({ ...rest, id: storyId, categories: story.categories.map(id), packId: pack.id }),
    );
    for (const article of articles) {
      const key = article.url === undefined ? null : urlKey(article.url);
      const record: ArticleRecord = {
        ...article,
        id: id(article.id),
        storyId,
        packId: pack.id,
        outletName: outletNames.get(article.outlet) ?? article.outlet,
        ...(key ? { urlKey: key } : {}),
      };
      writes.push(tx.objectStore('articles').put(record));
    }
  }
  if (onProgress) {
    let done = 0;
    const total = writes.length;
    // Whole percents only: a 10k-story pack has some 50k writes.
    const step = Math.max(1, Math.floor(total / 100));
    for (const write of writes) {
      // A failed write fails the transaction, reported by the Promise.all below.
      write.then(
        () => {
          done++;
          if (done % step === 0 || done === total) onProgress(done, total);
        },
        () => undefined,
      );
    }
  }
  await Promise.all([...writes, tx.done]);
}

type PackTx = IDBPTransaction<StorylineDB, (typeof PACK_STORES)[number][], 'readwrite'>;

async function removePackRecords(tx: PackTx, packId: string): Promise<void> {
  const requests: Promise<unknown>[] = [tx.objectStore('packs').delete(packId)];
  const prefix = scopedId(packId, '');
  // Every record id starts with `packId/`: one ranged delete per store instead of one per record
  // (a 10k-story pack has some 50k), unless another pack's id starts with that prefix too.
  const nested = (await tx.objectStore('packs').getAllKeys()).some((key) => key.startsWith(prefix));
  for (const name of ['stories', 'articles', 'categories', 'outlets'] as const) {
    const store = tx.objectStore(name);
    if (!nested) {
      requests.push(store.delete(IDBKeyRange.bound(prefix, `${prefix}\uffff`)));
      continue;
    }
    const keys = await store.index('byPack').getAllKeys(packId);
    for (const key of keys) requests.push(store.delete(key));
  }
  await Promise.all(requests);
}

/** Removes a pack's stories, articles, categories and outlets; the reader's own state stays. */
export async function removePack(database: IDBPDatabase<StorylineDB>, packId: string): Promise<void> {
  const tx = database.transaction(PACK_STORES, 'readwrite');
  await Promise.all([removePackRecords(tx, packId), tx.done]);
}
