// A file this extension wrote must always import: whatever a page stated and the extension kept
// (its address, its date) comes back out in the export, and the import must read it. Pages are
// read here as the background reads them: the page report's contract, notAfterRead, the page's
// key and recordReading; the reader's answers about them as the sidebar gives them.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { openStorylineDB } from '../../src/background/db';
import { notAfterRead, pageKeyOf } from '../../src/background/page-doc';
import { exportReaderData, importReaderData } from '../../src/background/reader-data';
import { recordReading } from '../../src/background/sources/history';
import type { StoryIndex } from '../../src/engine';
import { isoTime } from '../../src/content/extract';
import { parseArticle, type ExtractedArticle } from '../../src/contracts/page-report';
import { isIsoDate, isIsoDateTime } from '../../src/formats/pack-validate-fields';
import { parseReaderData, READER_DATA_FORMAT } from '../../src/formats/reader-data';
import { DEFAULT_SETTINGS } from '../../src/formats/settings';
import { confirmationKey, MAX_PAGE_KEY_CHARS, rejectionKey, type HistoryRecord } from '../../src/formats/storage-schema';
import { MAX_URL_CHARS, urlKey } from '../../src/formats/url';

let counter = 0;
const NOW = Date.parse('2026-12-07T12:00:00Z');
/** Joins are not what is tested: no page here has a story. */
const NO_INDEX = {} as StoryIndex;

/** A page report as a content script sends it. */
const report = (url: string, published: string | null, canonicalUrl: string | null = null) => ({
  url, canonicalUrl, title: 'A page', byline: null, siteName: 'Site', published, lang: 'en', excerpt: null, text: 'Words of the page. '.repeat(20),
});

/** Reads `raw` as the background does, keeps it in history, and says "Not this story" and "about this story" of it. */
async function readAndAnswer(database: Awaited<ReturnType<typeof openStorylineDB>>, raw: unknown): Promise<string> {
  const parsed = parseArticle(raw, NOW);
  assert.ok(parsed, 'the background accepts the page report');
  const article: ExtractedArticle = notAfterRead(parsed, NOW);
  const pageKey = pageKeyOf(article);
  await recordReading(database, article, { pageKey, storyId: null, currentArticleId: null }, { index: NO_INDEX, now: new Date(NOW) });
  await database.put('userState', { key: rejectionKey(pageKey, 'feeds/other'), kind: 'rejected', pageKey, storyId: 'feeds/other', at: new Date(NOW).toISOString() });
  // As confirmMatch writes it (which takes it only for a story stored: none is here).
  await database.put('userState', { key: confirmationKey(pageKey), kind: 'confirmed', pageKey, storyId: 'feeds/story', at: new Date(NOW).toISOString() });
  return pageKey;
}

async function exportedText(database: Awaited<ReturnType<typeof openStorylineDB>>): Promise<string> {
  return JSON.stringify(await exportReaderData(database, DEFAULT_SETTINGS));
}

const longQuery = (unit: string, base = 'https://news.example/story?q='): string => base + unit.repeat(Math.floor((MAX_URL_CHARS - base.length) / unit.length));

const PAGES: [string, ReturnType<typeof report>][] = [
  ['the Go and .NET zero date, as Hugo pages state it', report('https://blog.example/post', isoTime('0001-01-01T00:00:00+00:00', NOW))],
  ['a date a year ahead', report('https://news.example/ahead', '2027-12-07T12:00:00Z')],
  ['a date an hour ahead (the page\'s clock)', report('https://news.example/clock', '2026-12-07T13:00:00+00:00')],
  ['a date with the largest offset', report('https://news.example/offset', '2026-12-07T10:00:00+14:00')],
  ['a 2,000-character query of ( characters', report(`https://news.example/story?q=${'('.repeat(2_000)}`, null)],
  ['the longest address, its query of ( / : , characters', report(longQuery('(/:,'), null)],
  ['the longest address, its path of characters outside ASCII', report(`https://news.example/${'€'.repeat(MAX_URL_CHARS - 21)}`, null)],
  ['the longest canonical address, its query of lone %', report('https://news.example/short', null, longQuery('%'))],
];

test('every page the extension keeps, and the reader\'s answers about it, export to a file that imports', async () => {
  for (const [name, raw] of PAGES) {
    const database = await openStorylineDB(`storyline-roundtrip-${++counter}`);
    const pageKey = await readAndAnswer(database, raw);
    const parsed = parseReaderData(await exportedText(database));
    assert.ok(parsed.ok, `${name}: ${parsed.ok ? '' : parsed.errors.join('; ')}`);
    assert.equal(parsed.data.history[0]?.pageKey, pageKey, name);
    assert.equal(parsed.data.rejections[0]?.pageKey, pageKey, name);
    assert.equal(parsed.data.confirmations?.[0]?.pageKey, pageKey, name);
    // And the history imported holds the same: exported again, it imports again.
    const other = await openStorylineDB(`storyline-roundtrip-${++counter}`);
    await importReaderData(other, parsed.data);
    const again = parseReaderData(await exportedText(other));
    assert.ok(again.ok, `${name}, exported again: ${again.ok ? '' : again.errors.join('; ')}`);
    assert.deepEqual(again.data.history, parsed.data.history, name);
  }
});

test('a date no page can have is no date: neither extracted nor taken from a page report', () => {
  assert.equal(isoTime('0001-01-01T00:00:00+00:00', NOW), null);
  assert.equal(isoTime('1970-01-01T00:00:00Z', NOW), null);
  assert.equal(isoTime('2027-12-07T12:00:00Z', NOW), null);
  assert.equal(isoTime('2026-12-08T06:00:00Z', NOW), '2026-12-08T06:00:00.000Z', 'less than a day ahead: notAfterRead moves it back');
  assert.equal(isoTime('1995-08-09T10:00:00-04:00', NOW), '1995-08-09T14:00:00.000Z');
  assert.equal(parseArticle(report('https://a.example/', '0001-01-01T00:00:00.000Z'), NOW)?.published, null, 'the report is kept, undated');
  assert.equal(parseArticle(report('https://a.example/', '2999-01-01T00:00:00.000Z'), NOW)?.published, null);
  assert.equal(parseArticle(report('https://a.example/', '2026-12-01T00:00:00.000Z'), NOW)?.published, '2026-12-01T00:00:00.000Z');
  assert.equal(parseArticle(report('https://a.example/', 'yesterday'), NOW), undefined, 'a date that is not one is still refused');
});

test('dates of the years 0–99 are dates (Date.UTC would read them as 1900–1999)', () => {
  assert.equal(isIsoDate('0001-01-01'), true);
  assert.equal(isIsoDate('0099-12-31'), true);
  assert.equal(isIsoDate('0000-02-29'), true, 'year 0 is a leap year');
  assert.equal(isIsoDate('0001-02-29'), false);
  assert.equal(isIsoDateTime('0001-01-01T00:00:00.000Z'), true);
});

test('history an older version kept with an odd date imports; the date it cannot read is no date', async () => {
  const database = await openStorylineDB(`storyline-roundtrip-${++counter}`);
  const entry = (pageKey: string, published: string | null): HistoryRecord => ({ pageKey, url: `https://${pageKey}`, title: 'T', siteName: null, published, readAt: '2026-12-01T00:00:00.000Z', text: '', storyId: null });
  await database.put('history', entry('blog.example/zero', '0001-01-01T00:00:00.000Z'));
  await database.put('history', entry('blog.example/far', '9999-12-31T23:59:59.999Z'));
  const parsed = parseReaderData(await exportedText(database));
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.errors.join('; '));
  const file = (published: unknown) => JSON.stringify({ format: READER_DATA_FORMAT, version: 1, history: [{ ...entry('news.example/a', null), published }] });
  for (const published of ['+010000-01-01T00:00:00.000Z', 'last Tuesday', 42, { at: 1 }]) {
    const odd = parseReaderData(file(published));
    assert.ok(odd.ok, `published ${JSON.stringify(published)}: ${odd.ok ? '' : odd.errors.join('; ')}`);
    assert.equal(odd.data.history[0]?.published, null);
  }
});

test('a time an offset carries past the year 9999 is refused, not stored as one the next import would refuse', () => {
  const parsed = parseReaderData(JSON.stringify({ format: READER_DATA_FORMAT, version: 1, actions: [{ storyId: 's', actionId: 'a', done: true, at: '9999-12-31T23:30:00-01:00' }] }));
  assert.deepEqual(parsed, { ok: false, errors: ['actions[0].at: not an ISO 8601 date-time with offset'], total: 1 });
});

test('property: the key of any address the extension keys fits what an import reads', () => {
  const piece = fc.constantFrom('(', ')', '/', ':', ',', '%', '%FF', '%C3', '€', '𝄞', '\u00a0', "'", '"', '<', '=', '&', '+', ' ', 'a', '?', '#', '\\', '.', '..');
  const address = fc
    .tuple(fc.constantFrom('https://news.example/', 'http://1/', 'https://www.xn--bcher-kva.example/a?', 'https://a.b/?q='), fc.array(piece, { maxLength: 40 }), fc.nat({ max: 200 }))
    .map(([start, pieces, times]) => (start + pieces.join('').repeat(times)).slice(0, MAX_URL_CHARS));
  fc.assert(
    fc.property(address, (url) => {
      const key = urlKey(url);
      return key === null || key.length <= MAX_PAGE_KEY_CHARS;
    }),
    { numRuns: 300 },
  );
});

test('a feed or subscription address is read as the options page stores one: parsed, and short enough to remove', () => {
  const parsed = parseReaderData(
    JSON.stringify({ format: READER_DATA_FORMAT, version: 1, feeds: [{ url: 'HTTPS://Feeds.Example/a' }], subscriptions: [{ url: 'https://packs.example/p.json' }] }),
  );
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.data.feeds, [{ url: 'https://feeds.example/a' }]);
  const long = parseReaderData(JSON.stringify({ format: READER_DATA_FORMAT, version: 1, feeds: [{ url: `https://feeds.example/${'a'.repeat(3_000)}` }] }));
  assert.equal(long.ok, false, 'an address the options page could not send back to remove it');
});

test('a file with millions of errors keeps a hundred of them and counts them all', () => {
  const parsed = parseReaderData(JSON.stringify({ format: READER_DATA_FORMAT, version: 1, history: Array.from({ length: 50_000 }, () => ({})) }));
  assert.equal(parsed.ok, false);
  if (parsed.ok) return;
  assert.equal(parsed.errors.length, 100);
  assert.ok((parsed.total ?? 0) >= 200_000, `${parsed.total} errors counted`);
});
