// The options page's search of reading history ('history/find'): every entry is searched (not only
// the newest the page lists), by every word typed, in the headline, the site's name or the address,
// without regard to case or accents; the newest first, each with the reader's answer about its page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { db } from '../../../src/background/db';
import { answersWithoutHistory, findInHistory, HISTORY_LISTED } from '../../../src/background/sources/history-list';
import { searchWords } from '../../../src/formats/search-words';
import type { Result } from '../../../src/contracts/call-result';
import type { HistoryView, SourcesState } from '../../../src/contracts/views';
import type { HistoryRecord } from '../../../src/formats/storage-schema';
import { confirmationKey, rejectionKey } from '../../../src/formats/storage-schema';
import { contentSender, pageSender, startFakeBackground } from './background-env';

const record = (pageKey: string, title: string, siteName: string | null, readAt: string): HistoryRecord => ({
  pageKey,
  url: `https://${pageKey}`,
  title,
  siteName,
  published: null,
  readAt,
  text: 'The lead of the page.',
  storyId: null,
});

const ENTRIES = [
  record('harbour.example/port-kestrel-strike', 'Port Kestrel dockworkers strike for 48 hours', 'Harbour Post', '2026-11-02T08:00:00.000Z'),
  record('wire.example/geneve-talks', 'Talks in Genève end without a deal', 'The Wire', '2026-11-05T08:00:00.000Z'),
  record('meridian.example/strike-ends', 'Dockworkers end their strike', 'The Daily Meridian', '2026-11-09T08:00:00.000Z'),
  record('cook.example/sourdough', 'How to bake sourdough bread', null, '2026-11-10T08:00:00.000Z'),
];

async function stored(): Promise<void> {
  const database = await db();
  for (const entry of ENTRIES) await database.put('history', entry);
}

const find = async (bg: ReturnType<typeof startFakeBackground>, query: string) =>
  (await bg.send({ type: 'history/find', payload: { query } }, pageSender('options.html'))) as Result<{ entries: HistoryView[]; matched: number }>;

test('a search finds the entries with every word typed, in the headline, the site or the address, newest first', async () => {
  const bg = startFakeBackground();
  await stored();
  const keys = async (query: string): Promise<string[]> => {
    const answer = await find(bg, query);
    assert.ok(answer.ok, JSON.stringify(answer));
    assert.equal(answer.value.matched, answer.value.entries.length);
    return answer.value.entries.map((e) => e.pageKey);
  };
  assert.deepEqual(await keys('strike'), ['meridian.example/strike-ends', 'harbour.example/port-kestrel-strike']);
  // Every word, wherever it is: a headline's and a site's.
  assert.deepEqual(await keys('DOCKWORKERS harbour'), ['harbour.example/port-kestrel-strike']);
  // Accents and case folded on both sides; the address counts.
  assert.deepEqual(await keys('geneve'), ['wire.example/geneve-talks']);
  assert.deepEqual(await keys('GENÈVE talks'), ['wire.example/geneve-talks']);
  assert.deepEqual(await keys('cook.example'), ['cook.example/sourdough']);
  assert.deepEqual(await keys('strike sourdough'), []);
  assert.deepEqual(await keys('   '), []);
  // Not the scheme every address has: "http" found all of history (and "p", "h", "t" did, first
  // keystrokes of many words).
  assert.deepEqual(await keys('https'), []);
  assert.deepEqual(await keys('http'), []);
});

test('each entry found carries the reader’s answer about its page', async () => {
  const bg = startFakeBackground();
  await stored();
  const database = await db();
  const pageKey = 'meridian.example/strike-ends';
  // A story of the built-in pack, refused for the page.
  const storyId = 'storyline-starter/2025-08-alaska-summit-trump-putin';
  bg.openTab(1, `https://${pageKey}`);
  await database.put('userState', { key: rejectionKey(pageKey, storyId), kind: 'rejected', pageKey, storyId, at: '2026-11-09T09:00:00.000Z' });
  // The built-in pack is installed by the background's first page.
  await bg.send({ type: 'article/found', payload: { article: { url: 'https://other.example/x', canonicalUrl: null, title: 'x', byline: null, siteName: null, published: null, lang: 'en', excerpt: null, text: 'x' } } }, contentSender(1, 'https://other.example/x'));
  const answer = await find(bg, 'dockworkers end');
  assert.ok(answer.ok, JSON.stringify(answer));
  assert.equal(answer.value.entries.length, 1);
  assert.equal(answer.value.entries[0]!.answer?.kind, 'rejected');
  assert.match(answer.value.entries[0]!.answer?.storyTitle ?? '', /summit/i);
});

test('a broad search lists at most the page’s share and counts them all; words past the eighth are not looked for', async () => {
  const database = await db();
  await stored();
  const { found, matched } = await findInHistory(database, 'dockworkers', 1);
  assert.equal(matched, 2);
  assert.deepEqual(found.map((e) => e.pageKey), ['meridian.example/strike-ends']);
  assert.ok(HISTORY_LISTED >= 100);
  assert.deepEqual(searchWords('a b c d e f g h i j a'), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  assert.deepEqual(searchWords('  Straße  STRASSE '), ['straße', 'strasse']);
});

test('only the options page may search reading history, with a query of text', async () => {
  const bg = startFakeBackground();
  bg.openTab(2, 'https://page.example/');
  const fromPage = await bg.send({ type: 'history/find', payload: { query: 'strike' } }, contentSender(2, 'https://page.example/'));
  assert.deepEqual(fromPage, { ok: false, error: { code: 'refused' } });
  const fromPopup = await bg.send({ type: 'history/find', payload: { query: 'strike' } }, pageSender('popup.html'));
  assert.deepEqual(fromPopup, { ok: false, error: { code: 'refused' } });
  for (const payload of [{}, { query: 7 }, { query: 'x'.repeat(201) }]) {
    assert.deepEqual(await bg.send({ type: 'history/find', payload }, pageSender('options.html')), { ok: false, error: { code: 'refused' } });
  }
});

test('answers about pages with no history entry are listed apart, by address; those beside an entry are not', async () => {
  const bg = startFakeBackground();
  await stored();
  const database = await db();
  const storyId = 'storyline-starter/2025-08-alaska-summit-trump-putin';
  // One page read (in history) with an answer; two answers about pages history no longer holds.
  await database.put('userState', { key: rejectionKey('harbour.example/port-kestrel-strike', storyId), kind: 'rejected', pageKey: 'harbour.example/port-kestrel-strike', storyId, at: '2026-11-02T09:00:00.000Z' });
  await database.put('userState', { key: confirmationKey('zeta.example/aged-out'), kind: 'confirmed', pageKey: 'zeta.example/aged-out', storyId, at: '2026-08-01T09:00:00.000Z' });
  await database.put('userState', { key: rejectionKey('alpha.example/gone-story', 'feeds/gone'), kind: 'rejected', pageKey: 'alpha.example/gone-story', storyId: 'feeds/gone', at: '2026-08-02T09:00:00.000Z' });
  const away = await answersWithoutHistory(database);
  assert.deepEqual(away.map((a) => [a.pageKey, a.answer.kind, a.answer.storyTitle === null]), [
    ['alpha.example/gone-story', 'rejected', true],
    ['zeta.example/aged-out', 'confirmed', false],
  ]);
  const state = (await bg.send({ type: 'sources/state', payload: {} }, pageSender('options.html'))) as Result<SourcesState>;
  assert.ok(state.ok, JSON.stringify(state));
  assert.deepEqual(state.value.answersAway, away);
  // Forgotten from the list, by its address.
  assert.ok(((await bg.send({ type: 'answers/forget', payload: { pageKey: 'zeta.example/aged-out' } }, pageSender('options.html'))) as Result<null>).ok);
  assert.deepEqual((await answersWithoutHistory(database)).map((a) => a.pageKey), ['alpha.example/gone-story']);
});

test('a page is found by the title of the story it joined, its words and the story’s together', async () => {
  const bg = startFakeBackground();
  const database = await db();
  bg.openTab(3, 'https://other.example/y');
  // The built-in pack is installed by the background's first page.
  await bg.send({ type: 'article/found', payload: { article: { url: 'https://other.example/y', canonicalUrl: null, title: 'y', byline: null, siteName: null, published: null, lang: 'en', excerpt: null, text: 'y' } } }, contentSender(3, 'https://other.example/y'));
  const storyId = 'storyline-starter/2025-08-alaska-summit-trump-putin';
  await database.put('history', { ...record('desk.example/anchorage-talks', 'Leaders leave Anchorage after three hours', 'The Desk', '2026-11-11T08:00:00.000Z'), storyId });
  const keys = async (query: string): Promise<string[]> => {
    const answer = await find(bg, query);
    assert.ok(answer.ok, JSON.stringify(answer));
    return answer.value.entries.map((e) => e.pageKey);
  };
  assert.deepEqual(await keys('summit'), ['desk.example/anchorage-talks']);
  assert.deepEqual(await keys('anchorage ukraine'), ['desk.example/anchorage-talks'], 'a word of the headline and one of the story');
  assert.deepEqual(await keys('summit sourdough'), []);
});
