// What the extension has stored, read from the background in either browser: every IndexedDB store
// (record count and a digest of its keys and records; each `meta` record on its own too) and
// storage.local. Tests compare two of these
// to prove a fault or a private window changed nothing.
import type { BrowserDriver } from './driver/types';

export interface StoreDigest {
  count: number;
  sha256: string;
}

export interface Stored {
  stores: Record<string, StoreDigest>;
  local: string;
}

/** The background's view of its own storage; `indexedDB.open` without a version never upgrades. */
const READ_STORED = `(async () => {
  const ask = (request) => new Promise((resolve, reject) => { request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
  const hex = async (text) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const db = await ask(indexedDB.open('storyline'));
  const stores = {};
  try {
    for (const name of [...db.objectStoreNames]) {
      const store = db.transaction(name).objectStore(name);
      const [keys, values] = await Promise.all([ask(store.getAllKeys()), ask(store.getAll())]);
      stores[name] = { count: keys.length, sha256: await hex(JSON.stringify([keys, values])) };
      // meta holds unrelated records (recent stories, the matcher's cache, pack digests): each its own.
      if (name === 'meta') for (const record of values) stores['meta:' + record.key] = { count: 1, sha256: await hex(JSON.stringify(record)) };
    }
  } finally {
    db.close();
  }
  const api = globalThis.browser ?? globalThis.chrome;
  return { stores, local: await hex(JSON.stringify(await api.storage.local.get(null))) };
})()`;

export const readStored = (driver: Pick<BrowserDriver, 'background'>): Promise<Stored> => driver.background<Stored>(READ_STORED);

/**
 * The stores whose records differ between two readings (storage.local as `storage.local`, each meta
 * record as `meta:<key>` as well as `meta` whole), leaving out the names in `ignore`.
 */
export function changedStores(before: Stored, after: Stored, ignore: readonly string[] = []): string[] {
  const names = new Set([...Object.keys(before.stores), ...Object.keys(after.stores)].filter((name) => !ignore.includes(name)));
  const changed = [...names].filter((name) => before.stores[name]?.sha256 !== after.stores[name]?.sha256);
  return before.local === after.local ? changed : [...changed, 'storage.local'];
}

/** The reading history's entries as the background stores them: address and read time. */
export const READ_HISTORY = `(async () => {
  const ask = (request) => new Promise((resolve, reject) => { request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
  const db = await ask(indexedDB.open('storyline'));
  try {
    return (await ask(db.transaction('history').objectStore('history').getAll())).map((h) => ({ url: h.url, readAt: h.readAt }));
  } finally {
    db.close();
  }
})()`;
