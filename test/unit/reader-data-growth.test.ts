// An import's time grows with its file, not with the square of it: a file that names one record
// many times (one story followed in every entry, one step ticked again and again) is folded in
// memory and each record written once (src/background/reader-data.ts).
import 'fake-indexeddb/auto';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { openStorylineDB } from '../../src/background/db';
import { MAX_SEEN } from '../../src/background/follow';
import { importReaderData } from '../../src/background/reader-data';
import { parseReaderData, READER_DATA_FORMAT, type ImportedReaderData } from '../../src/formats/reader-data';
import { followKey } from '../../src/formats/storage-schema';
import { assertLinearAsync, reportRatios } from './fuzz/growth';

let counter = 0;
const AT = '2026-11-01T00:00:00.000Z';
const fresh = () => openStorylineDB(`storyline-import-growth-${++counter}`);

function parsed(fields: Record<string, unknown>): ImportedReaderData {
  const result = parseReaderData(JSON.stringify({ format: READER_DATA_FORMAT, version: 1, ...fields }));
  assert.ok(result.ok, result.ok ? '' : result.errors.join('; '));
  return result.data;
}

/** One story followed in `n` entries, each with 20 seen reports of its own. */
const followedOften = (n: number) => parsed({ following: Array.from({ length: n }, (_, i) => ({ storyId: 'feeds/s', at: AT, seen: Array.from({ length: 20 }, (_, j) => `r${i}-${j}`) })) });

after(() => reportRatios((line) => console.log(line)));

test('growth: an import that names one record many times is linear', async () => {
  await assertLinearAsync('importReaderData', fresh, (database, data: ImportedReaderData) => importReaderData(database, data), {
    'one story followed in every entry': followedOften,
    'one step ticked in every entry': (n) => parsed({ actions: Array.from({ length: n * 20 }, (_, i) => ({ storyId: 's', actionId: 'a', done: i % 2 === 0, at: new Date(Date.parse(AT) + i).toISOString() })) }),
    'one page answered in every entry': (n) => parsed({ confirmations: Array.from({ length: n * 20 }, (_, i) => ({ pageKey: 'news.example/a', storyId: `s${i}`, at: new Date(Date.parse(AT) + i).toISOString() })) }),
  }, 150);
});

test('a story followed in many entries is one record: every report seen anywhere, as many as following keeps', async () => {
  const database = await fresh();
  await database.put('userState', { key: followKey('feeds/s'), kind: 'follow', storyId: 'feeds/s', at: '2026-10-01T00:00:00.000Z', seen: ['here'] });
  const added = await importReaderData(database, followedOften(3));
  assert.equal(added.added.following, 0, 'followed here already');
  const record = await database.get('userState', followKey('feeds/s'));
  assert.ok(record?.kind === 'follow');
  assert.equal(record.at, '2026-10-01T00:00:00.000Z');
  assert.deepEqual(record.seen, ['here', ...Array.from({ length: 60 }, (_, k) => `r${Math.floor(k / 20)}-${k % 20}`)]);
  const big = await fresh();
  const receipt = await importReaderData(big, followedOften(MAX_SEEN));
  assert.equal(receipt.added.following, 1);
  const capped = await big.get('userState', followKey('feeds/s'));
  assert.equal(capped?.kind === 'follow' && capped.seen.length, MAX_SEEN);
});

test('a step ticked twice in a file counts once, and the later tick stands', async () => {
  const database = await fresh();
  const receipt = await importReaderData(database, parsed({ actions: [{ storyId: 's', actionId: 'a', done: true, at: AT }, { storyId: 's', actionId: 'a', done: false, at: '2026-11-02T00:00:00Z' }] }));
  assert.equal(receipt.added.actions, 1);
  const tick = await database.get('userState', 'action:s:a');
  assert.equal(tick?.kind === 'action-done' && tick.done, false);
});
