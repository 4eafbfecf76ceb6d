// Storage faults (issue 16), on fake-indexeddb: a database written by a newer Storyline, an upgrade
// another connection blocks, and a disk that fills up in the middle of a pack import. Each gives the
// reader a translated message and leaves every stored record as it was.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDB } from 'idb';
import { CATALOG } from './ui/dom';
import { testEnv } from './sources-env';
import { openStorylineDB } from '../../src/background/db';
import { DB_VERSION, MIGRATIONS } from '../../src/background/migrations';
import { importPackText } from '../../src/background/sources/pack-import';
import { storageCode } from '../../src/background/storage-errors';
import { CallRefused } from '../../src/contracts/call-result';
import { failureOf } from '../../src/contracts/dispatch';
import { errorText } from '../../src/shared/error-text';
import { benchPack } from '../../scripts/lib/bench-pack';

let counter = 0;
const fresh = (what: string): string => `storyline-faults-${what}-${process.pid}-${++counter}`;
const message = (key: string): string => CATALOG[key]!.message;
/** What a page shows for the failure: the background's answer (its code and detail), in the reader's words. */
function shown(error: unknown): string {
  const failure = failureOf(error, storageCode);
  return errorText(new CallRefused(failure.code, failure.detail));
}

/** Every record of every store, for before/after comparisons. */
async function everything(name: string): Promise<string> {
  const database = await openDB(name);
  const out: Record<string, unknown> = {};
  for (const store of database.objectStoreNames) out[store] = [await database.getAllKeys(store), await database.getAll(store)];
  database.close();
  return JSON.stringify(out);
}

test('a database from a newer version is not opened, with a message, and is left as it was', async () => {
  const name = fresh('newer');
  const newer = await openDB(name, DB_VERSION + 1, { upgrade: (db) => void db.createObjectStore('future').put('kept', 'k') });
  newer.close();
  const before = await everything(name);
  const error: unknown = await openStorylineDB(name).then(() => null, (e: unknown) => e);
  assert.equal((error as Error | null)?.name, 'VersionError');
  assert.equal(storageCode(error), 'storage-newer');
  assert.equal(shown(error), message('storageNewerVersion'));
  assert.equal(await everything(name), before);
});

test('an upgrade blocked by an older connection fails at once with a message; data stays; it runs once let go', async () => {
  const name = fresh('blocked');
  // An older Storyline (version 1) that keeps its connection open through the versionchange.
  const older = await openDB(name, 1, { upgrade: (db, _old, _new, tx) => MIGRATIONS[0]?.(db as never, tx as never) });
  await older.put('packs', { id: 'old', publisher: 'Old', version: '1', updated: '2025-01-01T00:00:00Z', installedAt: '2025-01-01T00:00:00Z', origin: 'file' });
  const before = await everything(name);
  const error: unknown = await openStorylineDB(name).then(() => null, (e: unknown) => e);
  assert.equal((error as Error | null)?.name, 'UpgradeBlocked');
  assert.equal(storageCode(error), 'storage-blocked');
  assert.equal(shown(error), message('storageUpgradeBlocked'));
  older.close();
  // The blocked request upgrades once unblocked (and closes its connection); the next open works.
  const opened = await openStorylineDB(name);
  assert.equal(opened.version, DB_VERSION);
  assert.equal((await opened.get('packs', 'old'))?.publisher, 'Old');
  opened.close();
  assert.match(before, /"Old"/);
});

test('a full disk in the middle of an import undoes the whole import, with a message', async () => {
  const env = await testEnv();
  await importPackText(env, JSON.stringify(benchPack(300, 1)));
  const name = env.database.name;
  const before = await everything(name);
  // At the 200th write the transaction aborts with QuotaExceededError, as Chromium's does when the
  // origin's quota is reached (the error is the transaction's, reported by its abort event).
  type Store = { transaction: { _abort(name: string): void } };
  const proto = IDBObjectStore.prototype as unknown as Record<'put', (this: Store, ...args: unknown[]) => unknown>;
  const put = proto.put;
  let writes = 0;
  proto.put = function (this: Store, ...args: unknown[]) {
    if (++writes === 200) queueMicrotask(() => this.transaction._abort('QuotaExceededError'));
    return put.apply(this, args);
  };
  try {
    const error: unknown = await importPackText(env, JSON.stringify(benchPack(300, 2, true))).then(() => null, (e: unknown) => e);
    assert.ok(writes >= 200, `the import made ${writes} writes`);
    assert.equal((error as Error | null)?.name, 'QuotaExceededError');
    assert.equal(storageCode(error), 'storage-full');
    assert.equal(shown(error), message('storageFull'));
  } finally {
    proto.put = put;
  }
  assert.equal(await everything(name), before);
  // With space again, the same file lands.
  await importPackText(env, JSON.stringify(benchPack(300, 2, true)));
  assert.equal((await env.database.get('packs', 'bench'))?.version, '2');
});
