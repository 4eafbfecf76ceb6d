// The built-in packs: both committed packs land in the database as 'builtin' packs, a second run
// writes nothing, a new version replaces the stored one, and one broken file keeps no other out;
// the build refuses a built-in pack that fails validation.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IDBPDatabase } from 'idb';
import type { Pack } from '../../src/formats/model';
import type { StorylineDB } from '../../src/formats/storage-schema';
import { openStorylineDB } from '../../src/background/db';
import { BUILTIN_PACK_FILES, installBuiltinPacks, type ReadPackFile } from '../../src/background/builtin-pack-install';
import { COPIES, ROOT } from '../../scripts/build';
import { builtinPackErrors } from '../../scripts/lib/builtin-pack-check';

let counter = 0;
const freshDB = () => openStorylineDB(`storyline-builtin-${process.pid}-${++counter}`);

/** Where the build takes a packaged file from (scripts/build.ts COPIES). */
function committedPath(packaged: string): string {
  const copy = COPIES.find(([, to]) => to === packaged);
  assert.ok(copy, `${packaged} is not copied into the build`);
  return join(ROOT, copy[0]);
}

/** Reads the committed files as the extension reads its package, optionally changed. */
function readCommitted(change: (path: string, pack: Pack) => Pack | Error = (_, p) => p): ReadPackFile {
  return async (path) => {
    const changed = change(path, JSON.parse(readFileSync(committedPath(path), 'utf8')) as Pack);
    if (changed instanceof Error) throw changed;
    return changed;
  };
}

/** Everything stored, so a run that changes nothing can be told from one that rewrites the same. */
async function dump(database: IDBPDatabase<StorylineDB>) {
  const stores = ['packs', 'categories', 'stories', 'outlets', 'meta'] as const;
  return Object.fromEntries(await Promise.all(stores.map(async (s) => [s, await database.getAll(s)] as const)));
}

test('every built-in pack file is copied into the build from a committed file', () => {
  for (const path of BUILTIN_PACK_FILES) assert.ok(existsSync(committedPath(path)), path);
  assert.deepEqual(BUILTIN_PACK_FILES, ['packs/starter.json', 'packs/civic.json']);
});

test('the starter and civic packs are installed as built-in packs, and a second run changes nothing', async () => {
  const database = await freshDB();
  assert.deepEqual(await installBuiltinPacks(database, readCommitted()), { written: ['storyline-starter', 'civic'], failed: [] });
  const packs = await database.getAll('packs');
  assert.deepEqual(packs.map((p) => [p.id, p.origin]).sort(), [['civic', 'builtin'], ['storyline-starter', 'builtin']]);
  const categories = await database.getAll('categories');
  const civic = categories.filter((c) => c.packId === 'civic');
  assert.equal(civic.length, 29);
  const elections = await database.get('categories', 'civic/elections');
  assert.equal(elections?.parent, 'civic/politics');
  assert.match(elections?.description ?? '', /voting/);
  assert.ok((elections?.actions.length ?? 0) >= 3);
  assert.equal((await database.getAll('stories')).length, 1);

  const before = await dump(database);
  assert.deepEqual(await installBuiltinPacks(database, readCommitted()), { written: [], failed: [] });
  assert.deepEqual(await dump(database), before);
  database.close();
});

test('a new version of one built-in pack replaces it and leaves the other alone', async () => {
  const database = await freshDB();
  await installBuiltinPacks(database, readCommitted());
  const starterBefore = await database.get('packs', 'storyline-starter');
  const newer = readCommitted((path, pack) =>
    path === 'packs/civic.json' ? { ...pack, version: '9.0.0', categories: pack.categories.filter((c) => c.id !== 'media') } : pack,
  );
  assert.deepEqual(await installBuiltinPacks(database, newer), { written: ['civic'], failed: [] });
  assert.equal((await database.get('packs', 'civic'))?.version, '9.0.0');
  assert.equal(await database.get('categories', 'civic/media'), undefined);
  assert.deepEqual(await database.get('packs', 'storyline-starter'), starterBefore);
  database.close();
});

test('a broken or missing file fails alone, by name, and is tried again next time', async () => {
  const database = await freshDB();
  const broken = readCommitted((path, pack) => (path === 'packs/starter.json' ? { ...pack, updated: 'soon' } : pack));
  const first = await installBuiltinPacks(database, broken);
  assert.deepEqual(first.written, ['civic']);
  assert.deepEqual(first.failed, ['packs/starter.json: invalid: updated: not an ISO 8601 date-time with offset']);
  const missing = readCommitted((path, pack) => (path === 'packs/starter.json' ? new Error('not in the package (HTTP 404)') : pack));
  assert.deepEqual(await installBuiltinPacks(database, missing), { written: [], failed: ['packs/starter.json: not in the package (HTTP 404)'] });
  assert.deepEqual(await installBuiltinPacks(database, readCommitted()), { written: ['storyline-starter'], failed: [] });
  database.close();
});

test('a pack the reader imported under the id "civic" gives way to the built-in one', async () => {
  const database = await freshDB();
  const installed = await installBuiltinPacks(database, readCommitted());
  assert.deepEqual(installed.failed, []);
  await database.put('packs', { ...(await database.get('packs', 'civic'))!, origin: 'file' });
  assert.deepEqual(await installBuiltinPacks(database, readCommitted()), { written: ['civic'], failed: [] });
  assert.equal((await database.get('packs', 'civic'))?.origin, 'builtin');
  database.close();
});

test('the build refuses a built-in pack that fails validation, naming the file and the place', () => {
  assert.deepEqual(builtinPackErrors(ROOT, COPIES), []);
  const dir = mkdtempSync(join(tmpdir(), 'storyline-builtin-'));
  const civic = JSON.parse(readFileSync(join(ROOT, 'assets/packs/civic.json'), 'utf8')) as Pack;
  civic.categories[3]!.description = 'x'.repeat(501);
  writeFileSync(join(dir, 'civic.json'), JSON.stringify(civic));
  writeFileSync(join(dir, 'starter.json'), '{ "format": 1,');
  const errors = builtinPackErrors(dir, [['civic.json', 'packs/civic.json'], ['starter.json', 'packs/starter.json'], ['icons', 'icons']]);
  assert.equal(errors.length, 2);
  assert.equal(errors[0], 'civic.json: categories[3].description: longer than 500 characters');
  assert.match(errors[1] ?? '', /^starter\.json: .*JSON/);
});
