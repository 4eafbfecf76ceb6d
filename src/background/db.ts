// One shared connection to the extension's IndexedDB, opened on first use.
import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, type StorylineDB } from '../shared/storage-schema';
import { DB_VERSION, runMigrations } from './migrations';

let connection: Promise<IDBPDatabase<StorylineDB>> | null = null;

export function openStorylineDB(name = DB_NAME): Promise<IDBPDatabase<StorylineDB>> {
  return openDB<StorylineDB>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => runMigrations(db, oldVersion, tx),
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
