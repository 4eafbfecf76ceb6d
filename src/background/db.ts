// One shared connection to the extension's IndexedDB, opened on first use.
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { DB_NAME, type StorylineDB } from '../formats/storage-schema';
import { DB_VERSION, runMigrations } from './migrations';
import { UpgradeBlocked } from './storage-errors';

let connection: Promise<IDBPDatabase<StorylineDB>> | null = null;

/**
 * Opens (and upgrades) the database. A database of a newer version fails with VersionError and is
 * left alone. An upgrade that another connection blocks fails at once with UpgradeBlocked rather
 * than waiting unseen; if it gets through later, that connection is closed unused.
 */
export function openStorylineDB(name = DB_NAME): Promise<IDBPDatabase<StorylineDB>> {
  return new Promise((resolve, reject) => {
    let gaveUp = false;
    openDB<StorylineDB>(name, DB_VERSION, {
      // The steps are typed against the schema of their own time (migrations.ts), not this one.
      upgrade: (db, oldVersion, _newVersion, tx) =>
        runMigrations(db as unknown as IDBPDatabase, oldVersion, tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>),
      blocked: () => {
        gaveUp = true;
        reject(new UpgradeBlocked());
      },
    }).then((opened) => (gaveUp ? opened.close() : resolve(opened)), reject);
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
      // The browser closed it (storage cleared, disk error): open again on next use.
      opened.addEventListener('close', () => {
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
