// Numbered schema migrations. Step N upgrades a database of version N-1 to version N; a fresh
// install runs them all in order, so every reader's database went through the same steps.
// Each step has a test from the old state to the new one (test/unit/migrations.test.ts).
// A step is written against the schema of its own time, not today's: it gets the untyped database.
import { unwrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { reportsIntoStories } from './migration-reports';

export type Migration = (db: IDBPDatabase, tx: IDBPTransaction<unknown, string[], 'versionchange'>) => void;

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
  // 3: fewer requests per pack install (about 80 µs each in Chromium). A story's reports move into
  // its record, with a multiEntry index over their URL keys; `articles` gives way to
  // `joinedReports`, which holds only the reports reading history joined to stories; the byPack
  // indexes go, since a pack's records are the key range `packId/`.
  (db, tx) => {
    for (const name of ['stories', 'categories', 'outlets']) tx.objectStore(name).deleteIndex('byPack');
    tx.objectStore('stories').createIndex('byUrlKey', 'urlKeys', { multiEntry: true });
    const joined = db.createObjectStore('joinedReports', { keyPath: 'id' });
    joined.createIndex('byStory', 'storyId');
    joined.createIndex('byUrlKey', 'urlKey');
    reportsIntoStories(unwrap(tx.objectStore('stories')), unwrap(tx.objectStore('articles')), unwrap(joined), () => db.deleteObjectStore('articles'));
  },
];

export const DB_VERSION = MIGRATIONS.length;

/** Runs the steps a database at `oldVersion` has not had yet. */
export function runMigrations(db: IDBPDatabase, oldVersion: number, tx: IDBPTransaction<unknown, string[], 'versionchange'>): void {
  for (let version = oldVersion + 1; version <= MIGRATIONS.length; version++) {
    MIGRATIONS[version - 1]?.(db, tx);
  }
}
