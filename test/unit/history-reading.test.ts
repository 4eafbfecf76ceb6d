// Reading history: an article read joins the story it matches (listed in its coverage, marked as
// read), one that matches nothing stays history only; retention, clearing and re-joining after
// packs change.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StoryIndex } from '../../src/engine';
import { openStorylineDB } from '../../src/background/db';
import { articleDoc } from '../../src/background/matcher';
import { installPack, removePack, scopedId } from '../../src/background/pack-store';
import { clearHistory, historyNewestFirst, pruneHistory, recordReading, rejoinHistory, removeFromHistory } from '../../src/background/sources/history';
import { pageAnswerOf } from '../../src/background/page-match';
import { confirmationKey, rejectionKey } from '../../src/formats/storage-schema';
import { everyReport } from '../../src/background/story-reports';
import { storyView } from '../../src/background/story-views';
import type { ExtractedArticle } from '../../src/contracts/page-report';
import { urlKey } from '../../src/formats/url';
import { summitPack } from '../fixtures/packs';

let counter = 0;

const read = (url: string, title: string, text: string): ExtractedArticle => ({
  url, canonicalUrl: null, title, byline: null, siteName: 'Harbour Post', published: '2025-08-16T06:00:00Z', lang: 'en', excerpt: null, text,
});
const harbour = read('https://harbour.example/anchorage', 'Trump and Putin end Alaska summit in Anchorage with no Ukraine ceasefire deal', 'After three hours of talks at the Anchorage air base, Trump and Putin left the Alaska summit without a ceasefire agreement for Ukraine. '.repeat(20));
const unrelated = read('https://harbour.example/heatwave', 'Heatwave warning issued for the coast', 'Forecasters expect temperatures well above the seasonal average.');

async function setup() {
  const database = await openStorylineDB(`storyline-history-${++counter}`);
  await installPack(database, summitPack('p'), 'file');
  const index = new StoryIndex();
  for (const a of await everyReport(database)) index.addArticle(a.storyId, articleDoc(a));
  return { database, index };
}

test('a read article that matches a story joins its coverage, marked as read; the text kept is short', async () => {
  const { database, index } = await setup();
  const storyId = scopedId('p', 'summit');
  const pageKey = urlKey(harbour.url) ?? '';
  await recordReading(database, harbour, { pageKey, storyId, currentArticleId: null }, { index, now: new Date('2025-08-16T10:00:00Z') });
  const [entry] = await historyNewestFirst(database);
  assert.equal(entry?.storyId, storyId);
  assert.ok((entry?.text.length ?? 0) <= 500);

  const view = await storyView(database, storyId, { currentArticleId: null, why: null });
  const joined = view?.reports.find((r) => r.url === harbour.url);
  assert.equal(joined?.read, true);
  assert.equal(joined?.outletName, 'Harbour Post');
  assert.equal(view?.reports.find((r) => r.id === scopedId('p', 'r1'))?.read, undefined);
  // The engine now knows the read article under that story.
  assert.equal(index.storyOf(`history/${pageKey}`), storyId);
  // Seen from the joined page itself, it is the current report, not "read".
  const own = await storyView(database, storyId, { currentArticleId: `history/${pageKey}`, why: null });
  assert.equal(own?.reports.find((r) => r.url === harbour.url)?.read, undefined);
});

test('an opinion page the reader read joins its story as an opinion, and keeps that when joined again', async () => {
  const { database, index } = await setup();
  const storyId = scopedId('p', 'summit');
  const pageKey = urlKey(harbour.url) ?? '';
  await recordReading(database, { ...harbour, kind: 'opinion' }, { pageKey, storyId, currentArticleId: null }, { index, now: new Date('2025-08-16T10:00:00Z') });
  assert.equal((await historyNewestFirst(database))[0]?.kind, 'opinion');
  const view = await storyView(database, storyId, { currentArticleId: null, why: null });
  assert.equal(view?.reports.find((r) => r.url === harbour.url)?.kind, 'opinion');
  // Its join dropped and made again (packs changed): still an opinion.
  await database.clear('joinedReports');
  index.removeArticle(`history/${pageKey}`);
  await rejoinHistory(database, index);
  assert.equal((await database.get('joinedReports', `history/${pageKey}`))?.kind, 'opinion');
});

test('reading a stored report marks it read without a copy; an unmatched article is history only', async () => {
  const { database, index } = await setup();
  const storyId = scopedId('p', 'summit');
  const stored = read('https://meridian.example/summit', 'Alaska summit ends', 'text');
  await recordReading(database, stored, { pageKey: 'meridian.example/summit', storyId, currentArticleId: scopedId('p', 'r1') }, { index });
  await recordReading(database, unrelated, { pageKey: 'harbour.example/heatwave', storyId: null, currentArticleId: null }, { index });
  assert.equal(await database.count('joinedReports'), 0);
  assert.equal(await database.count('history'), 2);
  const view = await storyView(database, storyId);
  assert.deepEqual(view?.reports.map((r) => [r.id, r.read]), [[scopedId('p', 'r1'), true]]);
});

test('retention prunes old reads and their joins; clearing removes everything the history added', async () => {
  const { database, index } = await setup();
  const storyId = scopedId('p', 'summit');
  await recordReading(database, harbour, { pageKey: 'harbour.example/anchorage', storyId, currentArticleId: null }, { index, now: new Date('2025-05-01T00:00:00Z') });
  await recordReading(database, unrelated, { pageKey: 'harbour.example/heatwave', storyId: null, currentArticleId: null }, { index, now: new Date('2025-08-10T00:00:00Z') });
  assert.equal(await pruneHistory(database, 90, new Date('2025-08-16T00:00:00Z')), 1);
  assert.deepEqual((await historyNewestFirst(database)).map((h) => h.pageKey), ['harbour.example/heatwave']);
  assert.equal(await database.count('joinedReports'), 0);

  await recordReading(database, harbour, { pageKey: 'harbour.example/anchorage', storyId, currentArticleId: null }, { index });
  await clearHistory(database);
  assert.equal(await database.count('history'), 0);
  assert.equal(await database.count('joinedReports'), 0);
  assert.equal((await database.get('stories', scopedId('p', 'summit')))?.reports.length, 1, 'pack reports stay');
});

test('when its story goes, a read joins the matching story of another pack; removing packs never removes history', async () => {
  const { database, index } = await setup();
  await recordReading(database, harbour, { pageKey: 'harbour.example/anchorage', storyId: scopedId('p', 'summit'), currentArticleId: null }, { index });
  await installPack(database, summitPack('q'), 'file');
  await removePack(database, 'p');
  const rebuilt = new StoryIndex();
  for (const a of await everyReport(database)) rebuilt.addArticle(a.storyId, articleDoc(a));
  await rejoinHistory(database, rebuilt);
  const joined = await database.getAll('joinedReports');
  assert.deepEqual(joined.map((a) => a.storyId), [scopedId('q', 'summit')]);
  assert.equal((await historyNewestFirst(database))[0]?.storyId, scopedId('q', 'summit'));

  await removePack(database, 'q');
  await rejoinHistory(database, new StoryIndex());
  assert.equal(await database.count('joinedReports'), 0);
  assert.equal(await database.count('history'), 1);
  assert.equal((await historyNewestFirst(database))[0]?.storyId, null);
});

test('the page being read joins its story as the current report, not as another outlet’s', async () => {
  const { database, index } = await setup();
  const storyId = scopedId('p', 'summit');
  const pageKey = urlKey(harbour.url) ?? '';
  const joined = await recordReading(database, harbour, { pageKey, storyId, currentArticleId: null }, { index });
  assert.equal(joined, `history/${pageKey}`);
  const view = await storyView(database, storyId, { currentArticleId: joined, why: null });
  const self = view?.reports.filter((r) => r.url === harbour.url) ?? [];
  assert.equal(self.length, 1);
  assert.equal(self[0]?.current, true);
  // "You read this" marks the other reports; the page itself is simply the current one.
  assert.equal(self[0]?.read, undefined);
  // A page already stored as a report joins nothing.
  assert.equal(await recordReading(database, harbour, { pageKey, storyId, currentArticleId: scopedId('p', 'r1') }, { index }), null);
});

test('one page removed from history leaves as if never read: its entry, its join, the index and the answers about it', async () => {
  const { database, index } = await setup();
  const storyId = scopedId('p', 'summit');
  const pageKey = urlKey(harbour.url) ?? '';
  await recordReading(database, harbour, { pageKey, storyId, currentArticleId: null }, { index });
  await recordReading(database, unrelated, { pageKey: 'harbour.example/heatwave', storyId: null, currentArticleId: null }, { index });
  await database.put('userState', { key: confirmationKey(pageKey), kind: 'confirmed', pageKey, storyId, at: '2025-08-16T10:00:00.000Z' });
  await database.put('userState', { key: rejectionKey(pageKey, 'p/other'), kind: 'rejected', pageKey, storyId: 'p/other', at: '2025-08-16T10:00:00.000Z' });
  assert.equal(index.storyOf(`history/${pageKey}`), storyId);

  await removeFromHistory(database, index, pageKey);
  assert.deepEqual((await historyNewestFirst(database)).map((h) => h.pageKey), ['harbour.example/heatwave']);
  assert.equal(await database.get('joinedReports', `history/${pageKey}`), undefined);
  assert.equal(index.storyOf(`history/${pageKey}`), undefined);
  assert.equal(await pageAnswerOf(database, pageKey), null);
  const view = await storyView(database, storyId, { currentArticleId: null, why: null });
  assert.equal(view?.reports.some((r) => r.url === harbour.url), false);
  // A page history only (no join) goes too.
  await removeFromHistory(database, index, 'harbour.example/heatwave');
  assert.deepEqual(await historyNewestFirst(database), []);
});

test('a page come back (a reload, Back, a restored tab) keeps its read time and writes nothing unchanged; a new visit dates it anew', async () => {
  const { database, index } = await setup();
  const storyId = scopedId('p', 'summit');
  const pageKey = urlKey(harbour.url) ?? '';
  const match = { pageKey, storyId, currentArticleId: null };
  const first = await recordReading(database, harbour, match, { index, now: new Date('2025-08-16T10:00:00Z') });
  let added = 0;
  const addArticle = index.addArticle.bind(index);
  index.addArticle = (...args) => (added++, addArticle(...args));
  const again = await recordReading(database, harbour, match, { index, now: new Date('2025-08-20T08:00:00Z'), revisit: true });
  assert.equal(again, first, 'the page is the same report of its story');
  assert.equal((await database.get('history', pageKey))?.readAt, '2025-08-16T10:00:00.000Z');
  assert.equal(added, 0, 'the engine was not told again (its snapshot is not saved again)');
  // The page changed meanwhile (its lead rewritten): the copy follows, the read time stays.
  const edited = { ...harbour, text: `Updated: ${harbour.text}` };
  await recordReading(database, edited, match, { index, now: new Date('2025-08-21T08:00:00Z'), revisit: true });
  assert.equal((await database.get('history', pageKey))?.readAt, '2025-08-16T10:00:00.000Z');
  assert.match((await database.get('joinedReports', `history/${pageKey}`))?.excerpt ?? '', /^Updated: /);
  assert.equal(added, 1);
  // Come back to a page never read here (history was off, or cleared): it is read now.
  const other = read('https://harbour.example/summit-later', 'Alaska summit: what comes next', 'Analysts weigh the Anchorage talks.');
  const otherKey = urlKey(other.url) ?? '';
  await recordReading(database, other, { pageKey: otherKey, storyId: null, currentArticleId: null }, { index, now: new Date('2025-08-22T08:00:00Z'), revisit: true });
  assert.equal((await database.get('history', otherKey))?.readAt, '2025-08-22T08:00:00.000Z');
  // Opened anew (a link followed, the address typed): a new reading.
  await recordReading(database, harbour, match, { index, now: new Date('2025-08-23T08:00:00Z') });
  assert.equal((await database.get('history', pageKey))?.readAt, '2025-08-23T08:00:00.000Z');
});
