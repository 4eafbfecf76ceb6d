// Numbered schema migrations. Step N upgrades a database of version N-1 to version N; a fresh
// install runs them all in order, so every reader's database went through the same steps.
// Each step has a test from the old state to the new one (test/unit/migrations.test.ts).
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { StorylineDB } from '../shared/storage-schema';

export type Migration = (
  db: IDBPDatabase<StorylineDB>,
  tx: IDBPTransaction<StorylineDB, StoreNames<StorylineDB>[], 'versionchange'>,
) => void;

export const MIGRATIONS: readonly Migration[] = [
  // 1: the first schema.
  (db) => {
    db.createObjectStore('packs', { keyPath: 'id' });
    db.createObjectStore('stories', { keyPath: 'id' }).createIndex('byPack', 'packId');
    const articles = db.createObjectStore('articles', { keyPath: 'id' });
    articles.createIndex('byStory', 'storyId');
    articles.createIndex('byPack', 'packId');
    articles.createIndex('byUrlKey', 'urlKey');
    db.createObjectStore('categories', { keyPath: 'id' }).createIndex('byPack', 'packId');
    db.createObjectStore('outlets', { keyPath: 'id' }).createIndex('byPack', 'packId');
    db.createObjectStore('userState', { keyPath: 'key' }).createIndex('byStory', 'storyId');
    db.createObjectStore('meta', { keyPath: 'key' });
  },
  // 2: the reader's own sources (pack subscriptions, feeds), reading history and the network log.
  (db) => {
    db.createObjectStore('subscriptions', { keyPath: 'url' });
    db.createObjectStore('feeds', { keyPath: 'url' });
    db.createObjectStore('feedItems', { keyPath: 'feedUrl' });
    db.createObjectStore('history', { keyPath: 'pageKey' }).createIndex('byReadAt', 'readAt');
    db.createObjectStore('networkLog', { keyPath: 'seq', autoIncrement: true });
  },
];

export const DB_VERSION = MIGRATIONS.length;

/** Runs the steps a database at `oldVersion` has not had yet. */
export function runMigrations(
  db: IDBPDatabase<StorylineDB>,
  oldVersion: number,
  tx: IDBPTransaction<StorylineDB, StoreNames<StorylineDB>[], 'versionchange'>,
): void {
  for (let version = oldVersion + 1; version <= MIGRATIONS.length; version++) {
    MIGRATIONS[version - 1]?.(db, tx);
  }
}
