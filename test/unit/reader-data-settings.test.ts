// An import takes of the file's settings and source preferences only what the file gives: a field
// it leaves out, cannot be read by this version, or leaves "not given" (no place, no name) keeps
// the reader's choice here. Above all, an import never turns reading history back on.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStorylineDB } from '../../src/background/db';
import { exportReaderData, importReaderData } from '../../src/background/reader-data';
import { readPrefs, writePrefs } from '../../src/background/sources/source-prefs';
import { pruneHistory } from '../../src/background/sources/history';
import { importSummary } from '../../src/options/components/DataSection';
import { catalogSource, setMessageSource } from '../../src/shared/i18n';
import { readFileSync } from 'node:fs';
import { parseReaderData, READER_DATA_FORMAT } from '../../src/formats/reader-data';
import { mergeSettings, settingsIn } from '../../src/formats/reader-data-settings';
import { changeSettings, DEFAULT_SETTINGS, type Settings } from '../../src/formats/settings';

let counter = 0;
const machine = () => openStorylineDB(`storyline-data-settings-${++counter}`);
const file = (fields: Record<string, unknown>) => JSON.stringify({ format: READER_DATA_FORMAT, version: 1, ...fields });

/** The reader's settings here: history off, a dark theme, their place and name for letters. */
const here: Settings = changeSettings(DEFAULT_SETTINGS, {
  history: false,
  theme: 'dark',
  side: 'left',
  place: { country: 'US', state: 'CA', district: 12 },
  readerName: 'Ada Lovelace',
  sitesOff: ['here.example'],
});

/** What import-finish writes: the file's settings as read, merged over the reader's. */
function imported(text: string, current = here): Settings {
  const parsed = parseReaderData(text);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.errors.join('; '));
  return mergeSettings(current, parsed.data.settings);
}

test('a file from a machine where no place or name was given keeps the ones given here', async () => {
  const elsewhere = await machine();
  const text = JSON.stringify(await exportReaderData(elsewhere, changeSettings(DEFAULT_SETTINGS, { sitesOff: ['a.example'], history: false })));
  const after = imported(text);
  assert.deepEqual(after.place, here.place);
  assert.equal(after.readerName, 'Ada Lovelace');
  assert.deepEqual(after.sitesOff, ['a.example', 'here.example'], 'what the file does give is taken');
});

test('a setting this version cannot read keeps the reader\'s own: history stays off', () => {
  const after = imported(
    file({ settings: { history: 'off', theme: 'sepia', side: 42, width: null, place: { country: 'US', state: 'XX' }, readerName: 'x'.repeat(101), surface: 'panel' } }),
  );
  assert.equal(after.history, false, 'the reader turned history off here');
  assert.equal(after.theme, 'dark');
  assert.equal(after.side, 'left');
  assert.equal(after.width, here.width);
  assert.deepEqual(after.place, here.place, 'a place this version would have to change is not taken');
  assert.equal(after.readerName, 'Ada Lovelace');
  assert.equal(after.surface, 'panel', 'the one good field is taken');
});

test('the settings a file does give win, and its site lists keep their good hosts', () => {
  const given = settingsIn({ history: false, theme: 'light', place: { country: 'DE' }, readerName: 'Grace Hopper', sitesOff: ['b.example', 7, 'not a host'], autoOpen: 'c.example', unknown: 1 });
  assert.deepEqual(given, { history: false, theme: 'light', place: { country: 'DE' }, readerName: 'Grace Hopper', sitesOff: ['b.example'] });
  const after = mergeSettings(here, given);
  assert.equal(after.history, false);
  assert.deepEqual(after.place, { country: 'DE' });
  assert.deepEqual(after.sitesOff, ['b.example', 'here.example']);
  assert.deepEqual(settingsIn({ place: null, readerName: '' }), {}, '"not given" is not a choice');
  // An export writes every setting: the defaults of a machine where the reader chose nothing are
  // not choices, and would turn history back on here and reset the theme and side chosen here.
  assert.deepEqual(settingsIn({ ...DEFAULT_SETTINGS }), {}, 'defaults are not choices');
  const off = mergeSettings({ ...here, history: false, theme: 'dark', side: 'left' }, settingsIn({ ...DEFAULT_SETTINGS }));
  assert.deepEqual([off.history, off.theme, off.side], [false, 'dark', 'left']);
  assert.deepEqual(settingsIn(Object.create({ theme: 'light' })), {}, 'only the file\'s own fields');
});

test('a file written before feeds had a window of their own keeps the window chosen here', async () => {
  const database = await machine();
  await writePrefs(database, { feedRetentionDays: 30, refreshHours: 12, retentionDays: 30 });
  const parsed = parseReaderData(file({ sourcePrefs: { refreshHours: 3, retentionDays: 90 } }));
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.data.sourcePrefs, { refreshHours: 3, retentionDays: 90 });
  await importReaderData(database, parsed.data);
  assert.deepEqual(await readPrefs(database), { refreshHours: 3, retentionDays: 90, feedRetentionDays: 30 });
  // A file that gives a longer window sets it; one that gives none of them changes nothing.
  const newer = parseReaderData(file({ sourcePrefs: { feedRetentionDays: 60 } }));
  assert.ok(newer.ok);
  await importReaderData(database, newer.data);
  assert.deepEqual(await readPrefs(database), { refreshHours: 3, retentionDays: 90, feedRetentionDays: 60 });
  const none = parseReaderData(file({}));
  assert.ok(none.ok);
  await importReaderData(database, none.data);
  assert.deepEqual(await readPrefs(database), { refreshHours: 3, retentionDays: 90, feedRetentionDays: 60 });
});

test('an import never shortens how long things are kept here', async () => {
  const database = await machine();
  await writePrefs(database, { feedRetentionDays: 60, refreshHours: 6, retentionDays: 365 });
  const now = new Date('2026-12-07T12:00:00Z');
  await database.put('history', { pageKey: 'old.example/a', url: 'https://old.example/a', title: 'Read 200 days ago', siteName: null, published: null, readAt: '2026-05-21T12:00:00.000Z', text: '', storyId: null });
  const entry = (pageKey: string, readAt: string) => ({ pageKey, url: `https://${pageKey}`, title: 'T', siteName: null, published: null, readAt, text: '' });
  const parsed = parseReaderData(file({ sourcePrefs: { retentionDays: 90, feedRetentionDays: 7 }, history: [entry('new.example/a', '2026-12-01T00:00:00.000Z')] }));
  assert.ok(parsed.ok);
  const receipt = await importReaderData(database, parsed.data, { now });
  // The file's 90 and 7 days would have pruned the page read 200 days ago here at the next prune,
  // and the feeds' items older than a week.
  assert.deepEqual(await readPrefs(database), { refreshHours: 6, retentionDays: 365, feedRetentionDays: 60 });
  assert.ok(await database.get('history', 'old.example/a'));
  assert.deepEqual(receipt.history, ['new.example/a']);
});

test('history read before the days kept here is left out, and said so, not added and then pruned', async () => {
  const database = await machine();
  await writePrefs(database, { feedRetentionDays: 30, refreshHours: 6, retentionDays: 30 });
  const now = new Date('2026-12-07T12:00:00Z');
  const entry = (pageKey: string, readAt: string) => ({ pageKey, url: `https://${pageKey}`, title: 'T', siteName: null, published: null, readAt, text: '' });
  const history = [entry('recent.example/a', '2026-12-01T00:00:00.000Z'), entry('edge.example/a', '2026-11-07T12:00:00.000Z'), entry('old.example/a', '2026-10-01T00:00:00.000Z')];
  // Kept 30 days here and in the file: what was read 67 days ago is not added; 30 days to the second is.
  let parsed = parseReaderData(file({ history }));
  assert.ok(parsed.ok);
  let receipt = await importReaderData(database, parsed.data, { now });
  assert.deepEqual(receipt.history.sort(), ['edge.example/a', 'recent.example/a']);
  assert.equal(receipt.added.history, 2);
  assert.equal(receipt.added.historyTooOld, 1);
  assert.equal(await database.get('history', 'old.example/a'), undefined);
  assert.equal(await pruneHistory(database, 30, now), 0, 'nothing the import said it added is pruned');
  // A file that keeps history 90 days lengthens the keep here (an import never shortens it), and brings its pages with it.
  parsed = parseReaderData(file({ sourcePrefs: { retentionDays: 90 }, history }));
  assert.ok(parsed.ok);
  receipt = await importReaderData(database, parsed.data, { now });
  assert.deepEqual(receipt.history, ['old.example/a']);
  assert.equal(receipt.added.historyTooOld, 0);
  setMessageSource(catalogSource(JSON.parse(readFileSync(new URL('../../assets/_locales/en/messages.json', import.meta.url), 'utf8')), 'en-US'));
  assert.equal(importSummary(receipt.added), 'Imported. Added: 1 history entry. Settings from the file are applied.');
  assert.equal(
    importSummary({ ...receipt.added, history: 0, historyTooOld: 3 }),
    'Imported. Everything in the file was already here; settings from the file are applied. 3 history entries read before the days Storyline keeps history were left out.',
  );
});

test('a machine where history is off takes no history from a file', async () => {
  const database = await machine();
  const parsed = parseReaderData(file({ history: [{ pageKey: 'new.example/a', url: 'https://new.example/a', title: 'T', siteName: null, published: null, readAt: new Date().toISOString(), text: '' }] }));
  assert.ok(parsed.ok);
  const receipt = await importReaderData(database, parsed.data, { keepHistory: false });
  assert.equal(receipt.added.history, 0);
  assert.equal(await database.get('history', 'new.example/a'), undefined);
});

test('a source preference out of range is still named, and the file refused', () => {
  const parsed = parseReaderData(file({ sourcePrefs: { feedRetentionDays: 366, refreshHours: 'often' } }));
  assert.deepEqual(parsed, { ok: false, errors: ['sourcePrefs.refreshHours: must be a whole number from 1 to 168', 'sourcePrefs.feedRetentionDays: must be a whole number from 1 to 365'], total: 2 });
});
