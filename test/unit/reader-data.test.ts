// "Your data": the export holds everything that belongs to the reader and nothing of the packs; an
// import is validated whole (errors name the place), merges, and never removes anything.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStorylineDB } from '../../src/background/db';
import { setFollowing } from '../../src/background/follow';
import { installPack, scopedId } from '../../src/background/pack-store';
import { exportReaderData, importReaderData } from '../../src/background/reader-data';
import { parseReaderData, READER_DATA_FORMAT } from '../../src/formats/reader-data';
import { mergeSettings } from '../../src/formats/reader-data-settings';
import { changeSettings, DEFAULT_SETTINGS } from '../../src/formats/settings';
import { actionStateKey, categoriesKey, confirmationKey, MAX_PAGE_KEY_CHARS, rejectionKey } from '../../src/formats/storage-schema';
import { samplePack } from '../fixtures/packs';

let counter = 0;
const summit = scopedId('sample', 'summit');
const NOW = new Date('2026-11-24T10:00:00Z');

async function machine() {
  const database = await openStorylineDB(`storyline-data-${++counter}`);
  await installPack(database, samplePack('1'), 'file');
  return database;
}

async function filledMachine() {
  const database = await machine();
  await database.put('subscriptions', { url: 'https://packs.example/news.json', publicKey: null, packId: null, addedAt: '2026-01-01T00:00:00Z', checkedAt: null, okAt: null, error: null, etag: 'x', lastModified: null });
  await database.put('feeds', { url: 'https://feeds.example/rss', title: 'Example feed', addedAt: '2026-01-01T00:00:00Z', itemCount: 4, checkedAt: null, okAt: null, error: null, etag: null, lastModified: null });
  await database.put('history', { pageKey: 'news.example/a', url: 'https://news.example/a', title: 'A story read', siteName: 'News', published: null, readAt: '2026-11-20T08:00:00Z', text: 'Lead.', storyId: summit });
  await database.put('userState', { key: actionStateKey(summit, 'sign'), kind: 'action-done', storyId: summit, actionId: 'sign', done: true, at: '2026-11-21T08:00:00Z' });
  await database.put('userState', { key: rejectionKey('news.example/b', summit), kind: 'rejected', pageKey: 'news.example/b', storyId: summit, at: '2026-11-21T09:00:00Z' });
  await setFollowing(database, summit, true);
  await database.put('userState', { key: categoriesKey('feeds/strike'), kind: 'categories', storyId: 'feeds/strike', categories: ['civic/labor'], at: '2026-11-21T10:00:00Z' });
  await database.put('userState', { key: confirmationKey('news.example/c'), kind: 'confirmed', pageKey: 'news.example/c', storyId: summit, at: '2026-11-21T11:00:00Z' });
  return database;
}

test('an export holds the reader\'s own data, in a versioned format, without pack content', async () => {
  const settings = changeSettings(DEFAULT_SETTINGS, { theme: 'dark', sitesOff: ['example.org'] });
  const data = await exportReaderData(await filledMachine(), settings, NOW);
  assert.equal(data.format, READER_DATA_FORMAT);
  assert.equal(data.exported, NOW.toISOString());
  assert.deepEqual(data.settings, settings);
  assert.deepEqual(data.subscriptions, [{ url: 'https://packs.example/news.json', publicKey: null }]);
  assert.deepEqual(data.feeds, [{ url: 'https://feeds.example/rss' }]);
  assert.equal(data.history.length, 1);
  assert.equal('storyId' in (data.history[0] ?? {}), false, 'joins are redone against the importing machine\'s stories');
  assert.equal(data.actions.length, 1);
  assert.equal(data.rejections.length, 1);
  assert.deepEqual(data.following.map((f) => [f.storyId, f.seen.length]), [[summit, 2]]);
  assert.deepEqual(data.categories, [{ storyId: 'feeds/strike', categories: ['civic/labor'], at: '2026-11-21T10:00:00Z' }]);
  assert.deepEqual(data.confirmations, [{ pageKey: 'news.example/c', storyId: summit, at: '2026-11-21T11:00:00Z' }]);
  assert.equal(JSON.stringify(data).includes('first report'), false, 'no pack text');
});

test('export → import on another machine restores it; importing again adds nothing', async () => {
  const text = JSON.stringify(await exportReaderData(await filledMachine(), changeSettings(DEFAULT_SETTINGS, { theme: 'dark' }), NOW));
  const parsed = parseReaderData(text);
  assert.ok(parsed.ok);
  const other = await machine();
  const first = await importReaderData(other, parsed.data, { now: NOW });
  assert.deepEqual(first.added, { subscriptions: 1, feeds: 1, history: 1, actions: 1, rejections: 1, following: 1, categories: 1, confirmations: 1, historyTooOld: 0 });
  const said = await other.get('userState', confirmationKey('news.example/c'));
  assert.deepEqual(said?.kind === 'confirmed' && [said.pageKey, said.storyId], ['news.example/c', summit]);
  const filed = await other.get('userState', categoriesKey('feeds/strike'));
  assert.deepEqual(filed?.kind === 'categories' && filed.categories, ['civic/labor']);
  assert.equal(mergeSettings(DEFAULT_SETTINGS, first.settings).theme, 'dark');
  assert.equal((await other.get('feeds', 'https://feeds.example/rss'))?.itemCount, 0, 'fetched again, not trusted from the file');
  assert.equal((await other.get('history', 'news.example/a'))?.storyId, null);
  const again = await importReaderData(other, parsed.data, { now: NOW });
  assert.deepEqual(again.added, { subscriptions: 0, feeds: 0, history: 0, actions: 0, rejections: 0, following: 0, categories: 0, confirmations: 0, historyTooOld: 0 });
});

test('an import merges: site lists are joined, a newer tick here is kept, seen reports are joined', async () => {
  const here = changeSettings(DEFAULT_SETTINGS, { sitesOff: ['local.example'], side: 'left' });
  assert.deepEqual(mergeSettings(here, { sitesOff: ['file.example'], theme: 'light' }), { ...here, sitesOff: ['file.example', 'local.example'], theme: 'light' });

  const database = await machine();
  await database.put('userState', { key: actionStateKey(summit, 'sign'), kind: 'action-done', storyId: summit, actionId: 'sign', done: false, at: '2026-11-23T00:00:00Z' });
  await database.put('userState', { key: 'follow:' + summit, kind: 'follow', storyId: summit, at: '2026-11-01T00:00:00Z', seen: ['a'] });
  const parsed = parseReaderData(
    JSON.stringify({
      format: READER_DATA_FORMAT,
      version: 1,
      actions: [{ storyId: summit, actionId: 'sign', done: true, at: '2026-11-22T00:00:00Z' }],
      following: [{ storyId: summit, at: '2026-10-01T00:00:00Z', seen: ['b'] }],
    }),
  );
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.data.settings, {}, 'a file without settings changes none');
  const { added } = await importReaderData(database, parsed.data, { now: NOW });
  assert.equal(added.actions, 0);
  const tick = await database.get('userState', actionStateKey(summit, 'sign'));
  assert.equal(tick?.kind === 'action-done' && tick.done, false);
  const follow = await database.get('userState', 'follow:' + summit);
  assert.deepEqual(follow?.kind === 'follow' && follow.seen, ['a', 'b']);
});

test('an import keeps the newer choice of a story\'s categories; a file from before such choices reads as none', async () => {
  const database = await machine();
  await database.put('userState', { key: categoriesKey('feeds/a'), kind: 'categories', storyId: 'feeds/a', categories: ['civic/guns'], at: '2026-11-23T00:00:00Z' });
  const parsed = parseReaderData(
    JSON.stringify({
      format: READER_DATA_FORMAT,
      version: 1,
      categories: [
        { storyId: 'feeds/a', categories: ['civic/law'], at: '2026-11-22T00:00:00Z' },
        { storyId: 'feeds/b', categories: [], at: '2026-11-22T00:00:00Z' },
      ],
    }),
  );
  assert.ok(parsed.ok);
  const { added } = await importReaderData(database, parsed.data, { now: NOW });
  assert.equal(added.categories, 1);
  const a = await database.get('userState', categoriesKey('feeds/a'));
  assert.deepEqual(a?.kind === 'categories' && a.categories, ['civic/guns'], 'the newer choice here is kept');
  const b = await database.get('userState', categoriesKey('feeds/b'));
  assert.deepEqual(b?.kind === 'categories' && b.categories, [], 'taking every category away is a choice');

  const old = parseReaderData(JSON.stringify({ format: READER_DATA_FORMAT, version: 1, following: [] }));
  assert.ok(old.ok);
  assert.deepEqual(old.data.categories, []);
});

test('an opinion the reader read stays one through export and import; an unknown kind reads as a report', async () => {
  const database = await machine();
  await database.put('history', { pageKey: 'news.example/column', url: 'https://news.example/opinion/column', title: 'A column read', siteName: 'News', published: null, readAt: '2026-11-20T08:00:00Z', text: 'It argues.', storyId: null, kind: 'opinion' });
  const data = await exportReaderData(database, DEFAULT_SETTINGS, NOW);
  assert.equal(data.history[0]?.kind, 'opinion');
  const parsed = parseReaderData(JSON.stringify(data));
  assert.ok(parsed.ok);
  const other = await machine();
  await importReaderData(other, parsed.data, { now: NOW });
  assert.equal((await other.get('history', 'news.example/column'))?.kind, 'opinion');
  const odd = parseReaderData(JSON.stringify({ ...data, history: [{ ...data.history[0], kind: 'rant' }] }));
  assert.ok(odd.ok);
  assert.equal('kind' in odd.data.history[0]!, false);
});

test('a bad file is refused whole, each problem named by its place', () => {
  assert.deepEqual(parseReaderData('{'), { ok: false, errors: ['not a JSON file'] });
  const wrong = parseReaderData(JSON.stringify({ format: 'storyline-pack', version: 1 }));
  assert.equal(wrong.ok, false);
  const bad = parseReaderData(
    JSON.stringify({
      format: READER_DATA_FORMAT,
      version: 1,
      feeds: [{ url: 'javascript:alert(1)' }],
      history: [{ pageKey: 'k', url: 'https://a.example/', title: 'T', readAt: 'yesterday' }],
      subscriptions: [{ url: 'https://p.example/pack.json', publicKey: 'not-a-key' }],
      actions: [{ storyId: 's', actionId: 'a', done: 'yes', at: '2026-11-22T00:00:00Z' }],
      categories: [{ storyId: 's', categories: ['civic/law', 'civic/law'], at: '2026-11-22T00:00:00Z' }],
      sourcePrefs: { refreshHours: 0, retentionDays: 90 },
    }),
  );
  assert.ok(!bad.ok);
  assert.deepEqual([...bad.errors].sort(), [
    'feeds[0].url: not an http(s) URL',
    'history[0].readAt: not an ISO 8601 date-time with offset',
    'subscriptions[0].publicKey: not a base64 Ed25519 public key',
    'actions[0].done: must be true or false',
    'categories[0].categories: must be at most 5 different category ids',
    'sourcePrefs.refreshHours: must be a whole number from 1 to 168',
  ].sort());
});

test('a version that is an object with a non-function toString is refused, never thrown', () => {
  const text = JSON.stringify({ format: READER_DATA_FORMAT, version: { toString: 1 }, history: [] });
  const result = parseReaderData(text);
  assert.equal(result.ok, false);
  if (!result.ok) assert.match(result.errors[0]!, /^version: object is not a version/);
});

test('times given with an offset or fractions of a second are read as UTC, so the newer answer stands', async () => {
  const database = await machine();
  // Here: ticked at 06:00 UTC. The file: undone at 10:00+05:00, that is 05:00 UTC, the older.
  await database.put('userState', { key: actionStateKey(summit, 'sign'), kind: 'action-done', storyId: summit, actionId: 'sign', done: true, at: '2025-01-01T06:00:00.000Z' });
  const parsed = parseReaderData(
    JSON.stringify({
      format: READER_DATA_FORMAT,
      version: 1,
      actions: [{ storyId: summit, actionId: 'sign', done: false, at: '2025-01-01T10:00:00+05:00' }],
      history: [{ pageKey: 'news.example/a', url: 'https://news.example/a', title: 'A', siteName: null, published: null, readAt: '2025-01-01T06:00:00.5Z', text: '' }],
    }),
  );
  assert.ok(parsed.ok);
  assert.equal(parsed.data.actions[0]!.at, '2025-01-01T05:00:00.000Z');
  assert.equal(parsed.data.history[0]!.readAt, '2025-01-01T06:00:00.500Z');
  await importReaderData(database, parsed.data, { now: NOW });
  const tick = await database.get('userState', actionStateKey(summit, 'sign'));
  assert.equal(tick?.kind === 'action-done' && tick.done, true, 'the newer tick, made here, stands');
});

test('a field longer than the extension ever stores there is refused by name', () => {
  const result = parseReaderData(
    JSON.stringify({
      format: READER_DATA_FORMAT,
      version: 1,
      history: [{ pageKey: 'news.example/a', url: 'https://news.example/a', title: `Budget 1.${'0'.repeat(50_000)}1`, siteName: null, published: null, readAt: '2025-01-01T06:00:00Z', text: '' }],
      rejections: [{ pageKey: `news.example/${'a'.repeat(MAX_PAGE_KEY_CHARS)}`, storyId: summit, at: '2025-01-01T06:00:00Z' }],
    }),
  );
  assert.ok(!result.ok);
  assert.deepEqual(result.errors, ['history[0].title: longer than 1000 characters', `rejections[0].pageKey: longer than ${MAX_PAGE_KEY_CHARS} characters`]);
});

test('"Not this story" and "This page is about this story" on one page and story: the later of the two stands, here or in the file', async () => {
  const file = (rejections: unknown[], confirmations: unknown[]) => {
    const parsed = parseReaderData(JSON.stringify({ format: READER_DATA_FORMAT, version: 1, rejections, confirmations }));
    assert.ok(parsed.ok);
    return parsed.data;
  };
  const page = 'news.example/c';
  // Confirmed here on the 21st; the file refused it on the 20th: the confirmation stands.
  const here = await filledMachine();
  await importReaderData(here, file([{ pageKey: page, storyId: summit, at: '2026-11-20T00:00:00Z' }], []), { now: NOW });
  assert.equal((await here.get('userState', confirmationKey(page)))?.kind, 'confirmed');
  assert.equal(await here.get('userState', rejectionKey(page, summit)), undefined);
  // The file refused it on the 22nd: the refusal stands, the confirmation goes.
  await importReaderData(here, file([{ pageKey: page, storyId: summit, at: '2026-11-22T00:00:00Z' }], []), { now: NOW });
  assert.equal(await here.get('userState', confirmationKey(page)), undefined);
  assert.equal((await here.get('userState', rejectionKey(page, summit)))?.kind, 'rejected');
  // Refused here on the 22nd; the file confirmed it on the 23rd: the confirmation stands.
  await importReaderData(here, file([], [{ pageKey: page, storyId: summit, at: '2026-11-23T00:00:00Z' }]), { now: NOW });
  assert.equal((await here.get('userState', confirmationKey(page)))?.kind, 'confirmed');
  assert.equal(await here.get('userState', rejectionKey(page, summit)), undefined);
});
