// "This page is about this story": on a page that matched none, the reader may say it is about one
// of the stories that came closest. The background takes that answer only for a story the page was
// offered, remembers it for the page (not in a private window), and the page has that story from
// then on, until "Not this story" takes it back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { db } from '../../../src/background/db';
import type { ExtractedArticle } from '../../../src/contracts/page-report';
import type { Result } from '../../../src/contracts/call-result';
import type { SidebarView, SourcesState, StoryView } from '../../../src/contracts/views';
import { confirmationKey, rejectionKey } from '../../../src/formats/storage-schema';
import { matchNow, pageAnswerOf } from '../../../src/background/page-match';
import { urlKey } from '../../../src/formats/url';
import { contentSender, pageSender, startFakeBackground } from './background-env';
import { FOLLOW_UP } from '../../../scripts/demo/follow-up';
import { storyIndex } from '../../../src/background/matcher';
import { rejoinHistory } from '../../../src/background/sources/history';

const STARTER_STORY = 'storyline-starter/2025-08-alaska-summit-trump-putin';
const WIRE_OTHER = 'https://post.example/world/alaska-summit-other';

/** The demo's follow-up of the summit (another event of the same war): offered the summit's story, not launched on. */
function page(url: string): ExtractedArticle {
  return { url, canonicalUrl: null, title: FOLLOW_UP.headline, byline: null, siteName: FOLLOW_UP.outlet, published: FOLLOW_UP.published ?? null, lang: 'en', excerpt: null, text: FOLLOW_UP.body.join('\n\n') };
}

/** Another outlet's report of the summit: the engine matches it, and reading history joins it. */
const summitReport = (url: string, title: string): ExtractedArticle => ({
  url,
  canonicalUrl: null,
  title,
  byline: null,
  siteName: null,
  published: '2025-08-16T08:00:00Z',
  lang: 'en',
  excerpt: null,
  text:
    'Donald Trump and Vladimir Putin met for three hours at Joint Base Elmendorf-Richardson near Anchorage, Alaska, on Friday. ' +
    'The two presidents spoke of productive talks on the war in Ukraine but announced no ceasefire and no deal.',
});

const report = (bg: ReturnType<typeof startFakeBackground>, tabId: number, article: ExtractedArticle, incognito = false): Promise<unknown> =>
  bg.send({ type: 'article/found', payload: { article } }, contentSender(tabId, article.url, incognito));
const sidebar = (bg: ReturnType<typeof startFakeBackground>, type: 'match/confirm' | 'match/reject', storyId: string, tabId: number) =>
  bg.send({ type, payload: { storyId, tabId } }, pageSender('sidebar.html')) as Promise<Result<SidebarView>>;

test('in a private window the answers change the tab alone and write nothing', async () => {
  const bg = startFakeBackground();
  const article = page('https://wire.example/world/white-house-meeting-private');
  bg.openTab(4, article.url, { incognito: true });
  await report(bg, 4, article, true);
  assert.deepEqual((await bg.states.get(4)).match?.maybe?.map((m) => m.storyId), [STARTER_STORY]);
  const database = await db();
  const before = [await database.count('userState'), await database.count('history'), await database.count('joinedReports')];
  // From the side panel, an extension page with no tab of its own: the tab it follows is private.
  const answer = await sidebar(bg, 'match/confirm', STARTER_STORY, 4);
  assert.ok(answer.ok && answer.value.kind === 'story', JSON.stringify(answer));
  // The sidebar is told, so that its answers say they hold until the page is loaded again.
  assert.equal(answer.value.story.privatePage, true);
  assert.equal((await bg.states.get(4)).match?.storyId, STARTER_STORY);
  assert.deepEqual([await database.count('userState'), await database.count('history'), await database.count('joinedReports')], before);
  // "Not this story" there too: the tab loses the story, and still nothing is written.
  const rejected = await sidebar(bg, 'match/reject', STARTER_STORY, 4);
  assert.ok(rejected.ok && rejected.value.kind === 'none', JSON.stringify(rejected));
  assert.equal((await bg.states.get(4)).match?.storyId, null);
  assert.deepEqual([await database.count('userState'), await database.count('history'), await database.count('joinedReports')], before);
  // The tab keeps the refusal while the page is loaded: when stories change under it (a refresh
  // of the reader's feeds), the page matched again does not get that story back.
  const launched = summitReport('https://wire.example/world/alaska-summit-private', 'Summit in Alaska ends without a ceasefire');
  bg.openTab(6, launched.url, { incognito: true });
  await report(bg, 6, launched, true);
  assert.equal((await bg.states.get(6)).match?.storyId, STARTER_STORY);
  assert.ok((await sidebar(bg, 'match/reject', STARTER_STORY, 6)).ok);
  const refused = (await bg.states.get(6)).match;
  assert.deepEqual(refused?.privateWindow, { rejected: [STARTER_STORY] });
  assert.equal(await matchNow(database, refused), null, 'nothing changes for the page');
  assert.deepEqual([await database.count('userState'), await database.count('history'), await database.count('joinedReports')], before);

  // A match stored without the mark (by a version before it), in a private tab: still nothing written.
  const unmarked = summitReport('https://wire.example/world/alaska-summit-private-2', 'Summit in Alaska: no ceasefire');
  bg.openTab(7, unmarked.url, { incognito: true });
  await report(bg, 7, unmarked, true);
  const { privateWindow: _mark, ...stored } = (await bg.states.get(7)).match!;
  await bg.states.update(7, { match: stored });
  assert.ok((await sidebar(bg, 'match/reject', STARTER_STORY, 7)).ok);
  assert.deepEqual([await database.count('userState'), await database.count('history'), await database.count('joinedReports')], before);
  assert.deepEqual((await bg.states.get(7)).match?.privateWindow, { rejected: [STARTER_STORY] });

  // A normal window's page: no such word.
  const normal = page('https://wire.example/world/white-house-meeting-normal');
  bg.openTab(5, normal.url);
  await report(bg, 5, normal);
  const story = (await bg.send({ type: 'sidebar/story', payload: { storyId: STARTER_STORY, tabId: 5 } }, pageSender('sidebar.html'))) as Result<StoryView | null>;
  assert.ok(story.ok && story.value, JSON.stringify(story));
  assert.equal(story.value.pageLink, 'offered');
  assert.equal(story.value.privatePage, undefined);
});

test('a story offered for a page is taken as its story when the reader says so, and stays so', async () => {
  const bg = startFakeBackground();
  const article = page('https://wire.example/world/white-house-meeting');
  bg.openTab(1, article.url);
  assert.deepEqual(await report(bg, 1, article), { ok: true, value: null });
  assert.deepEqual((await bg.states.get(1)).match?.maybe?.map((m) => m.storyId), [STARTER_STORY]);

  // Opened from "maybe related", the story says it may be the page's.
  const opened = (await bg.send({ type: 'sidebar/story', payload: { storyId: STARTER_STORY, tabId: 1 } }, pageSender('sidebar.html'))) as Result<StoryView | null>;
  assert.ok(opened.ok && opened.value);
  assert.equal(opened.value.pageLink, 'offered');

  // Only a story the page was offered: the sidebar's word is not taken for another.
  const other = await sidebar(bg, 'match/confirm', 'storyline-starter/elsewhere', 1);
  assert.equal(other.ok, false);
  assert.equal((await bg.states.get(1)).match?.storyId, null);

  const answer = await sidebar(bg, 'match/confirm', STARTER_STORY, 1);
  assert.ok(answer.ok && answer.value.kind === 'story', JSON.stringify(answer));
  assert.equal(answer.value.story.id, STARTER_STORY);
  assert.equal(answer.value.story.pageLink, 'confirmed');
  assert.equal(answer.value.story.why, null, 'the reader\'s word, not the engine\'s evidence');
  const { match } = await bg.states.get(1);
  assert.equal(match?.storyId, STARTER_STORY);
  assert.ok(match.otherReports > 0);
  assert.equal(bg.badges.get(1), String(match.otherReports));
  assert.deepEqual(bg.contentCalls.at(-1), { tabId: 1, message: { type: 'launcher/show', payload: { count: match.otherReports } }, frameId: 0 });
  const said = await (await db()).get('userState', confirmationKey(urlKey(article.url)!));
  assert.equal(said?.kind === 'confirmed' && said.storyId, STARTER_STORY);

  // Read again (reading history joined it as a report of the story, too): the same story.
  bg.openTab(2, article.url);
  const again = (await report(bg, 2, article)) as Result<{ count: number } | null>;
  assert.ok(again.ok && again.value && again.value.count > 0);
  assert.equal((await bg.states.get(2)).match?.storyId, STARTER_STORY);
  const shown = await bg.send({ type: 'sidebar/view', payload: { tabId: 2 } }, pageSender('sidebar.html')) as Result<SidebarView>;
  assert.ok(shown.ok && shown.value.kind === 'story' && shown.value.story.pageLink === 'confirmed', JSON.stringify(shown));

  // "Not this story" takes the answer back: the page has no story, even read once more.
  const rejected = await sidebar(bg, 'match/reject', STARTER_STORY, 2);
  assert.ok(rejected.ok && rejected.value.kind === 'none', JSON.stringify(rejected));
  assert.equal(await (await db()).get('userState', confirmationKey(urlKey(article.url)!)), undefined);
  // Nor is it one of the story's reports any more; its history entry stays, with no story.
  assert.equal(await (await db()).get('joinedReports', `history/${urlKey(article.url)!}`), undefined);
  assert.equal((await (await db()).get('history', urlKey(article.url)!))?.storyId, null);
  bg.openTab(3, article.url);
  assert.deepEqual(await report(bg, 3, article), { ok: true, value: null });
});

test('a page reading history joined to the story the engine matched may still be rejected when read again', async () => {
  const bg = startFakeBackground();
  // Another outlet's report of the summit: matched by the engine, joined by reading history.
  const url = 'https://wire.example/world/alaska-summit-joined';
  const article = summitReport(url, 'Trump and Putin leave Alaska summit with no Ukraine ceasefire');
  bg.openTab(10, url);
  const first = (await report(bg, 10, article)) as Result<{ count: number } | null>;
  assert.ok(first.ok && first.value);
  const reports = first.value.count;
  const database = await db();
  assert.equal((await database.get('joinedReports', `history/${urlKey(url)!}`))?.storyId, STARTER_STORY);

  bg.openTab(11, url);
  await report(bg, 11, article);
  const view = (await bg.send({ type: 'sidebar/view', payload: { tabId: 11 } }, pageSender('sidebar.html'))) as Result<SidebarView>;
  assert.ok(view.ok && view.value.kind === 'story', JSON.stringify(view));
  assert.equal(view.value.story.pageLink, 'joined');
  assert.equal(view.value.story.why, null);

  const rejected = await sidebar(bg, 'match/reject', STARTER_STORY, 11);
  assert.ok(rejected.ok && rejected.value.kind === 'none', JSON.stringify(rejected));
  assert.equal(await database.get('joinedReports', `history/${urlKey(url)!}`), undefined);
  // The story's other pages count one report fewer: this page is no longer among them.
  bg.openTab(12, WIRE_OTHER);
  const other = (await report(bg, 12, { ...article, url: WIRE_OTHER, title: 'Alaska summit: no ceasefire after three hours of Trump-Putin talks' })) as Result<{ count: number } | null>;
  assert.ok(other.ok && other.value);
  assert.equal(other.value.count, reports);
});

test('the options page counts the answers about pages and forgets them: the pages are the engine\'s again', async () => {
  const bg = startFakeBackground();
  const state = async (): Promise<number> => {
    const answer = (await bg.send({ type: 'sources/state', payload: {} }, pageSender('options.html'))) as Result<{ pageAnswers: number }>;
    assert.ok(answer.ok, JSON.stringify(answer));
    return answer.value.pageAnswers;
  };
  // The tests before left two rejections ("Not this story" on the follow-up, on the joined report).
  assert.equal(await state(), 2);
  assert.deepEqual(await bg.send({ type: 'answers/clear', payload: {} }, pageSender('options.html')), { ok: true, value: null });
  assert.equal(await state(), 0);
  // Only the options page may ask.
  assert.equal(((await bg.send({ type: 'answers/clear', payload: {} }, pageSender('sidebar.html'))) as Result<null>).ok, false);
  // The follow-up the reader had rejected the summit's story for is offered it again.
  const article = page('https://wire.example/world/white-house-meeting');
  bg.openTab(13, article.url);
  await report(bg, 13, article);
  assert.deepEqual((await bg.states.get(13)).match?.maybe?.map((m) => m.storyId), [STARTER_STORY]);
});

test('history joined again (after an import, or stories that changed) keeps the page the reader filed under its story', async () => {
  const database = await db();
  const pageKey = urlKey('https://wire.example/world/white-house-meeting-imported')!;
  const read = { pageKey, url: `https://${pageKey}`, title: FOLLOW_UP.headline, siteName: FOLLOW_UP.outlet, published: FOLLOW_UP.published ?? null, readAt: '2026-12-01T10:00:00Z', text: FOLLOW_UP.body[0]!, storyId: null };
  await database.put('history', read);
  // Without an answer the engine does not join it: the story is only offered for such a page.
  await rejoinHistory(database, await storyIndex(), new Set([pageKey]));
  assert.equal(await database.get('joinedReports', `history/${pageKey}`), undefined);
  await database.put('userState', { key: confirmationKey(pageKey), kind: 'confirmed', pageKey, storyId: STARTER_STORY, at: '2026-12-01T10:01:00Z' });
  await rejoinHistory(database, await storyIndex(), new Set([pageKey]));
  assert.equal((await database.get('joinedReports', `history/${pageKey}`))?.storyId, STARTER_STORY);
  assert.equal((await database.get('history', pageKey))?.storyId, STARTER_STORY);
});

test("the options page's reading history says what the reader answered about each page", async () => {
  const bg = startFakeBackground();
  const article = page('https://wire.example/world/white-house-meeting-history');
  bg.openTab(6, article.url);
  await report(bg, 6, article);
  const entry = async () => {
    const state = (await bg.send({ type: 'sources/state', payload: {} }, pageSender('options.html'))) as Result<SourcesState>;
    assert.ok(state.ok, JSON.stringify(state));
    return state.value.history.find((h) => h.url === article.url);
  };
  assert.equal((await entry())?.answer, null);
  const database = await db();
  const { pageKey } = (await entry())!;
  const title = (await database.get('stories', STARTER_STORY))?.title;
  assert.ok(title);
  // The records the two answers write (their writing is tested above).
  await database.put('userState', { key: rejectionKey(pageKey, STARTER_STORY), kind: 'rejected', pageKey, storyId: STARTER_STORY, at: '2026-12-01T10:00:00.000Z' });
  assert.deepEqual((await entry())?.answer, { kind: 'rejected', storyTitle: title });
  await database.put('userState', { key: confirmationKey(pageKey), kind: 'confirmed', pageKey, storyId: STARTER_STORY, at: '2026-12-01T10:01:00.000Z' });
  assert.deepEqual((await entry())?.answer, { kind: 'confirmed', storyTitle: title });
  // A story gone since (left the reader's window): the answer is still told, without a title.
  await database.put('userState', { key: confirmationKey(pageKey), kind: 'confirmed', pageKey, storyId: 'feeds/gone-story', at: '2026-12-01T10:02:00.000Z' });
  assert.deepEqual((await entry())?.answer, { kind: 'confirmed', storyTitle: null });
  await database.delete('userState', confirmationKey(pageKey));
  await database.delete('userState', rejectionKey(pageKey, STARTER_STORY));
});

test("a page's answer: the story given wins over any refused, else the story refused last", async () => {
  const database = await db();
  const pageKey = 'wire.example/world/answers-order';
  assert.equal(await pageAnswerOf(database, pageKey), null);
  const rejected = (storyId: string, at: string) => ({ key: rejectionKey(pageKey, storyId), kind: 'rejected' as const, pageKey, storyId, at });
  await database.put('userState', rejected('b-story', '2026-12-01T10:00:00.000Z'));
  await database.put('userState', rejected('a-story', '2026-12-02T10:00:00.000Z'));
  await database.put('userState', rejected('c-story', '2026-11-30T10:00:00.000Z'));
  assert.deepEqual(await pageAnswerOf(database, pageKey), { kind: 'rejected', storyId: 'a-story' });
  await database.put('userState', { key: confirmationKey(pageKey), kind: 'confirmed', pageKey, storyId: 'd-story', at: '2026-11-29T10:00:00.000Z' });
  assert.deepEqual(await pageAnswerOf(database, pageKey), { kind: 'confirmed', storyId: 'd-story' });
  // Another page's answers, whose key starts with this one's, are not this page's.
  await database.put('userState', rejected('e-story', '2026-12-03T10:00:00.000Z'));
  assert.equal((await pageAnswerOf(database, `${pageKey}-longer`)), null);
});

test("forgetting one page's answer hands that page back to the engine: joined again, or out of the story the reader gave it", async () => {
  const bg = startFakeBackground();
  const database = await db();
  const forget = (pageKey: string, sender = pageSender('options.html')) => bg.send({ type: 'answers/forget', payload: { pageKey } }, sender) as Promise<Result<null>>;
  // A report of the summit the reader said was not about it: the engine joins it again once that is forgotten.
  const url = 'https://wire.example/world/alaska-summit-forgotten';
  const article = summitReport(url, 'Trump and Putin end their Alaska summit without a Ukraine ceasefire');
  const pageKey = urlKey(url)!;
  bg.openTab(20, url);
  await report(bg, 20, article);
  assert.equal((await database.get('history', pageKey))?.storyId, STARTER_STORY);
  assert.ok((await sidebar(bg, 'match/reject', STARTER_STORY, 20)).ok);
  assert.equal((await database.get('history', pageKey))?.storyId, null);
  // Only the options page may ask.
  assert.equal((await forget(pageKey, pageSender('sidebar.html'))).ok, false);
  assert.deepEqual(await pageAnswerOf(database, pageKey), { kind: 'rejected', storyId: STARTER_STORY });
  assert.deepEqual(await forget(pageKey), { ok: true, value: null });
  assert.equal(await pageAnswerOf(database, pageKey), null);
  assert.equal((await database.get('history', pageKey))?.storyId, STARTER_STORY);
  assert.equal((await database.get('joinedReports', `history/${pageKey}`))?.storyId, STARTER_STORY);

  // A page about nothing stored that the reader gave the summit's story: out of it once that is forgotten.
  const local: ExtractedArticle = {
    ...article,
    url: 'https://town.example/news/bike-lanes',
    title: 'Council approves bike lanes on Harbour Road',
    text: 'The town council voted seven to two on Tuesday to paint protected bike lanes along Harbour Road before the spring. Shop owners asked for loading bays to be kept.',
  };
  const localKey = urlKey(local.url)!;
  bg.openTab(21, local.url);
  await report(bg, 21, local);
  assert.equal((await database.get('history', localKey))?.storyId, null);
  await database.put('userState', { key: confirmationKey(localKey), kind: 'confirmed', pageKey: localKey, storyId: STARTER_STORY, at: '2026-12-01T10:00:00.000Z' });
  await rejoinHistory(database, await storyIndex(), new Set([localKey]));
  assert.equal((await database.get('joinedReports', `history/${localKey}`))?.storyId, STARTER_STORY);
  assert.deepEqual(await forget(localKey), { ok: true, value: null });
  assert.equal(await pageAnswerOf(database, localKey), null);
  assert.equal(await database.get('joinedReports', `history/${localKey}`), undefined);
  assert.equal((await database.get('history', localKey))?.storyId, null);
});

test('the same page open in another tab follows an answer given in one: launcher, badge and sidebar', async () => {
  const bg = startFakeBackground();
  const article = summitReport('https://wire.example/world/alaska-summit-two-tabs', 'Summit in Alaska ends without a ceasefire');
  bg.openTab(31, article.url);
  bg.openTab(32, article.url);
  const other = 'https://cook.example/bread';
  bg.openTab(33, other);
  await report(bg, 31, article);
  await report(bg, 32, article);
  assert.equal((await bg.states.get(32)).match?.storyId, STARTER_STORY);
  assert.ok(Number(bg.badges.get(32)) > 0);

  // "Not this story" in tab 31: tab 32 shows the same page, and loses the story too.
  assert.ok((await sidebar(bg, 'match/reject', STARTER_STORY, 31)).ok);
  assert.equal((await bg.states.get(32)).match?.storyId, null);
  assert.equal(bg.badges.get(32), null);
  assert.ok(bg.contentCalls.some((c) => c.tabId === 32 && (c.message as { type: string }).type === 'launcher/hide'), 'the launcher leaves tab 32');
  const view = (await bg.send({ type: 'sidebar/view', payload: { tabId: 32 } }, pageSender('sidebar.html'))) as Result<SidebarView>;
  assert.ok(view.ok && view.value.kind === 'none', JSON.stringify(view));
  assert.equal((await bg.states.get(33)).match, null, 'a tab of another page is left as it was');
});
