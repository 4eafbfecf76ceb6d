// One shared connection to the extension's IndexedDB, opened on first use.
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { DB_NAME, type StorylineDB } from '../shared/storage-schema';
import { DB_VERSION, runMigrations } from './migrations';

let connection: Promise<IDBPDatabase<StorylineDB>> | null = null;

export function openStorylineDB(name = DB_NAME): Promise<IDBPDatabase<StorylineDB>> {
  return openDB<StorylineDB>(name, DB_VERSION, {
    // The steps are typed against the schema of their own time (migrations.ts), not this one.
    upgrade: (db, oldVersion, _newVersion, tx) =>
      runMigrations(db as unknown as IDBPDatabase, oldVersion, tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>),
  });
}

export function db(): Promise<IDBPDatabase<StorylineDB>> {
  if (!connection) {
    connection = openStorylineDB().then((opened) => {
      // Another context (an older service worker) upgrading: let it, and reopen on next use.
      opened.addEventListener('versionchange', () => {
        opened.close();
        connection = null;
      });
      return opened;
    });
    connection.catch(() => {
      connection = null;
    });
  }
  return connection;
}
