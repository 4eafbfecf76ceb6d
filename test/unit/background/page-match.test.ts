// Page matching as the background runs it: a content script reports its page ('article/found'), the
// background matches it (a stored report by its address, else the engine over the stored stories,
// never a story the reader rejected for the page) and answers the launcher's count. The built-in
// packs come from the committed files; the sample pack gives reports with addresses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { db } from '../../../src/background/db';
import { indexLoads, invalidateStoryIndex } from '../../../src/background/matcher';
import { installPack, scopedId } from '../../../src/background/pack-store';
import type { ExtractedArticle } from '../../../src/contracts/page-report';
import { samplePack } from '../../fixtures/packs';
import type { Pack } from '../../../src/formats/model';
import { MATCH_THRESHOLD, MAYBE_FLOOR } from '../../../src/engine';
import type { PopupState, SidebarView } from '../../../src/contracts/views';
import type { Result } from '../../../src/contracts/call-result';
import { contentSender, pageSender, startFakeBackground } from './background-env';
import { fakeTab } from './fake-browser';
import { MENU_ID } from '../../../src/background/context-menu';
import { searchStories } from '../../../src/background/search';
import { matchPage } from '../../../src/background/page-match';
import { urlKey } from '../../../src/formats/url';

const STARTER_STORY = 'storyline-starter/2025-08-alaska-summit-trump-putin';
const WIRE = 'https://wire.example/world/alaska-summit';

function page(url: string, title: string, text: string, canonicalUrl: string | null = null): ExtractedArticle {
  return { url, canonicalUrl, title, byline: null, siteName: null, published: '2025-08-16T08:00:00Z', lang: 'en', excerpt: null, text };
}

/** Another outlet's report of the starter pack's story: none of its addresses is stored. */
const wireReport = page(
  WIRE,
  'Trump and Putin leave Alaska summit with no Ukraine ceasefire',
  'Donald Trump and Vladimir Putin met for three hours at Joint Base Elmendorf-Richardson near Anchorage, Alaska, on Friday. ' +
    'The two presidents spoke of productive talks on the war in Ukraine but announced no ceasefire and no deal. Ukraine’s ' +
    'President Zelensky was not invited, and European leaders said Kyiv must be part of any settlement. Putin proposed Moscow for the next meeting.',
);
const bread = page('https://cook.example/bread', 'How to bake sourdough bread at home', 'Flour, water and salt are all you need. Feed the starter the night before, fold the dough every half hour and bake it in a hot oven.');

async function report(bg: ReturnType<typeof startFakeBackground>, tabId: number, article: ExtractedArticle, incognito = false): Promise<unknown> {
  return bg.send({ type: 'article/found', payload: { article } }, contentSender(tabId, article.url, incognito));
}

test('another outlet’s report of a stored story matches it through the engine, with the words it shares', async () => {
  const bg = startFakeBackground();
  bg.openTab(1, WIRE);
  assert.deepEqual(await report(bg, 1, wireReport), { ok: true, value: { count: 5 } });
  const { match } = await bg.states.get(1);
  assert.equal(match?.storyId, STARTER_STORY);
  assert.ok(match.why && match.why.score > 0 && match.why.shared.includes('summit'), JSON.stringify(match.why));
  assert.equal(match.otherReports, 5);
  assert.equal(match.article.url, WIRE);
  assert.equal(bg.badges.get(1), '5');
  // The sidebar says how close in words: a report's bar reached.
  const view = (await bg.send({ type: 'sidebar/view', payload: { tabId: 1 } }, pageSender('sidebar.html'))) as Result<SidebarView>;
  assert.ok(view.ok && view.value.kind === 'story');
  assert.deepEqual(view.value.story.why, { ...match.why, close: match.why.score >= MATCH_THRESHOLD });
  assert.equal(view.value.story.why?.close, true);
});

test('a page that is a stored report matches its story by address, canonical or its own', async () => {
  await installPack(await db(), samplePack(), 'file');
  const bg = startFakeBackground();
  bg.openTab(2, 'https://www.example.com/summit');
  // The pack's URL carries a tracking parameter; the page's does not: the same address.
  assert.deepEqual(await report(bg, 2, page('https://www.example.com/summit', 'A headline of its own', 'Nothing the engine would know.')), { ok: true, value: { count: 1 } });
  const own = (await bg.states.get(2)).match;
  assert.equal(own?.storyId, scopedId('sample', 'summit'));
  assert.equal(own?.currentArticleId, scopedId('sample', 'summit-1'));
  assert.equal(own?.why, null, 'matched by identity, not by the engine');

  bg.openTab(3, 'https://m.example.com/amp/summit');
  await report(bg, 3, page('https://m.example.com/amp/summit', 'A headline of its own', 'Nothing the engine would know.', 'https://www.example.com/summit'));
  assert.equal((await bg.states.get(3)).match?.currentArticleId, scopedId('sample', 'summit-1'));
});

test('a page about no stored story gets no count and no badge', async () => {
  const bg = startFakeBackground();
  bg.openTab(4, bread.url);
  assert.deepEqual(await report(bg, 4, bread), { ok: true, value: null });
  const { match } = await bg.states.get(4);
  assert.equal(match?.storyId, null);
  assert.equal(match?.pageKey, 'cook.example/bread');
  assert.equal(bg.badges.get(4), null);
});

test('“Not this story” is remembered for the page: it matches nothing after, even reported again', async () => {
  const bg = startFakeBackground();
  bg.openTab(5, WIRE);
  await report(bg, 5, wireReport);
  // From the side panel, which names the tab it follows.
  const answer = (await bg.send({ type: 'match/reject', payload: { storyId: STARTER_STORY, tabId: 5 } }, pageSender('sidebar.html'))) as Result<SidebarView>;
  // The rejected story is not offered as "maybe related" either.
  assert.ok(answer.ok && answer.value.kind === 'none', JSON.stringify(answer));
  assert.deepEqual(answer.value.maybe, []);
  // What Storyline knows comes with it (the built-in story, and the pack file installed above).
  assert.deepEqual(answer.value.library, { stories: 3, sources: 1, refreshedAt: null });
  assert.equal((await bg.states.get(5)).match?.storyId, null);
  assert.equal(bg.badges.get(5), null);
  assert.deepEqual(bg.contentCalls.at(-1), { tabId: 5, message: { type: 'launcher/hide', payload: {} }, frameId: 0 });
  assert.deepEqual(await report(bg, 5, wireReport), { ok: true, value: null });
});

test('a site the reader switched off gets nothing, and no state is made for its tab', async () => {
  const bg = startFakeBackground();
  await bg.send({ type: 'settings/update', payload: { change: { sitesOff: ['wire.example'] } } }, pageSender('options.html'));
  bg.openTab(6, WIRE);
  assert.deepEqual(await report(bg, 6, wireReport), { ok: true, value: null });
  assert.equal((await bg.states.get(6)).match, null);
  assert.equal(bg.badges.has(6), false);
});

test('a page read in a private window is matched, and reading history records nothing', async () => {
  const bg = startFakeBackground();
  const database = await db();
  const before = await database.count('history');
  const privatePage = { ...wireReport, url: 'https://wire.example/world/alaska-summit-private' };
  bg.openTab(7, privatePage.url, { incognito: true });
  assert.deepEqual(await report(bg, 7, privatePage, true), { ok: true, value: { count: 5 } });
  assert.equal(await database.count('history'), before);
  // The same page in a normal window joins the history.
  bg.openTab(8, privatePage.url);
  await report(bg, 8, privatePage);
  assert.equal(await database.count('history'), before + 1);
});

test('a tab closed while its page was matched gets no state, and the answer says why', async () => {
  const bg = startFakeBackground();
  assert.deepEqual(await report(bg, 9, wireReport), { ok: false, error: { code: 'not-found', detail: 'tab 9 closed before its match finished' } });
  assert.equal((await bg.states.get(9)).match, null);
});

test('an article page starts the engine’s index loading as its bundle is injected, unless it is a stored report', async () => {
  await installPack(await db(), samplePack(), 'file');
  const bg = startFakeBackground();
  // A page matched first, so the built-in packs are in place, as in a worker started on a profile in use.
  bg.openTab(6, bread.url);
  await report(bg, 6, bread);
  invalidateStoryIndex(); // as after a worker start: no index in memory
  const loads = indexLoads();
  const stored = 'https://www.example.com/summit';
  bg.openTab(7, stored);
  assert.deepEqual(await bg.send({ type: 'page/article', payload: {} }, contentSender(7, stored)), { ok: true, value: null });
  assert.equal(bg.injections.length, 1, 'the bundle is injected');
  assert.equal(indexLoads(), loads, 'a stored report is answered by its address: no index is loaded for it');

  // Another outlet's copy at an address nothing stores (reading history keeps the pages read above).
  const copy = { ...wireReport, url: 'https://syndicated.example/alaska-summit' };
  bg.openTab(8, copy.url);
  await bg.send({ type: 'page/article', payload: {} }, contentSender(8, copy.url));
  assert.equal(bg.injections.length, 2);
  assert.equal(indexLoads(), loads + 1, 'another page: the index loads while its bundle reads the page');
  assert.deepEqual(await report(bg, 8, copy), { ok: true, value: { count: 5 } });
  assert.equal(indexLoads(), loads + 1, 'and its match uses that load');
});

test('a page close to a stored story but not of its event gets no launcher, and the popup offers the story as maybe related', async () => {
  const bg = startFakeBackground();
  // Days after the summit, another event of the same war: the same names, not the same news.
  const after = page(
    'https://wire.example/world/white-house-meeting',
    'Zelensky and European leaders meet Trump at the White House',
    'Ukraine’s President Volodymyr Zelensky met Donald Trump in Washington on Monday, days after the Alaska summit with Vladimir Putin, ' +
      'joined by European leaders who pressed for security guarantees for Kyiv.',
  );
  bg.openTab(8, after.url);
  // In a private window: reading history keeps nothing, so the stories stay as the tests before left them.
  assert.deepEqual(await report(bg, 8, after, true), { ok: true, value: null });
  const { match } = await bg.states.get(8);
  assert.equal(match?.storyId, null);
  assert.deepEqual(match?.maybe?.map((m) => m.storyId), [STARTER_STORY]);
  assert.ok(match.maybe[0]!.score < MATCH_THRESHOLD && match.maybe[0]!.score >= MAYBE_FLOOR, String(match.maybe[0]!.score));
  assert.equal(bg.badges.get(8), null);
  const popup = (await bg.send({ type: 'popup/state', payload: { tabId: 8 } }, pageSender('popup.html'))) as Result<PopupState>;
  assert.ok(popup.ok, JSON.stringify(popup));
  const [offered] = popup.value.maybe;
  assert.deepEqual(popup.value.maybe, [{ id: STARTER_STORY, title: offered?.title, reportCount: 6 }]);
  assert.match(offered?.title ?? '', /Alaska|Putin|summit/i);
  // The sidebar, opened on the page, offers it too, with the words the page shares with it.
  const sidebar = (await bg.send({ type: 'sidebar/view', payload: { tabId: 8 } }, pageSender('sidebar.html'))) as Result<SidebarView>;
  assert.ok(sidebar.ok && sidebar.value.kind === 'none', JSON.stringify(sidebar));
  assert.deepEqual(sidebar.value.maybe?.map((hit) => [hit.storyId, hit.title, hit.reportCount]), [[STARTER_STORY, offered?.title, 6]]);
  assert.ok(sidebar.value.maybe?.[0]?.shared.includes('alaska'), JSON.stringify(sidebar.value.maybe?.[0]?.shared));

  // A page about nothing stored is offered nothing.
  bg.openTab(9, bread.url);
  await report(bg, 9, bread, true);
  assert.deepEqual((await bg.states.get(9)).match?.maybe, []);
  const none = (await bg.send({ type: 'popup/state', payload: { tabId: 9 } }, pageSender('popup.html'))) as Result<PopupState>;
  assert.ok(none.ok);
  assert.deepEqual(none.value.maybe, []);
});

test('“Find related coverage” on an unmatched page lists the stories it came closest to, then those sharing its headline', async () => {
  const bg = startFakeBackground();
  // A headline that names nothing stored; a text that is close to the summit story.
  const vague = page(
    'https://wire.example/world/leaders-gather',
    'Leaders gather in Washington',
    'Ukraine’s President Volodymyr Zelensky met Donald Trump in Washington on Monday, days after the Alaska summit with Vladimir Putin, ' +
      'joined by European leaders who pressed for security guarantees for Kyiv.',
  );
  bg.openTab(10, vague.url);
  assert.deepEqual(await report(bg, 10, vague, true), { ok: true, value: null });
  assert.deepEqual((await bg.states.get(10)).match?.maybe?.map((m) => m.storyId), [STARTER_STORY]);
  await bg.hooks.onMenuClicked({ menuItemId: MENU_ID, editable: false, modifiers: [] }, fakeTab(10, vague.url));
  const { search } = await bg.states.get(10);
  assert.equal(search?.source, 'page');
  assert.equal(search?.query, 'Leaders gather in Washington');
  // The headline alone finds nothing; the page read whole came close to the summit story.
  assert.deepEqual(search?.hits.map((hit) => hit.storyId), [STARTER_STORY]);

  // A headline that does name it: the story is found both ways and listed once, the offer first.
  const named = page('https://wire.example/world/guarantees', 'Ukraine seeks guarantees in Washington', vague.text);
  bg.openTab(11, named.url);
  await report(bg, 11, named, true);
  assert.equal((await bg.states.get(11)).match?.storyId, null);
  await bg.hooks.onMenuClicked({ menuItemId: MENU_ID, editable: false, modifiers: [] }, fakeTab(11, named.url));
  const both = (await bg.states.get(11)).search;
  assert.ok(await searchStories(await db(), named.title).then((hits) => hits.some((hit) => hit.storyId === STARTER_STORY)), 'the headline finds it too');
  assert.deepEqual(both?.hits.map((hit) => hit.storyId), [STARTER_STORY]);
});

test('a tab whose story went since its page was matched finds the page’s story again, launcher and all', async () => {
  const database = await db();
  const edition = (version: string, storyId: string): Pack => {
    const pack = samplePack(version, ['retold']);
    pack.id = 'retold';
    pack.stories = pack.stories.map((s) => ({ ...s, id: storyId, articles: [...s.articles, { id: 'extra', title: 'Another report', outlet: 'example.com', kind: 'report' }] }));
    return pack;
  };
  await installPack(database, edition('1', 'first'), 'file');
  const bg = startFakeBackground();
  const url = 'https://www.example.com/retold';
  bg.openTab(11, url);
  await report(bg, 11, page(url, 'A headline of its own', 'Nothing the engine would know.'));
  assert.equal((await bg.states.get(11)).match?.storyId, scopedId('retold', 'first'));
  // The publisher's next edition files the same reports under another id (as a feed story merged
  // into an older one changes its id): the first story is gone.
  await installPack(database, edition('2', 'second'), 'file');
  assert.equal(await database.get('stories', scopedId('retold', 'first')), undefined);

  const sidebar = (await bg.send({ type: 'sidebar/view', payload: { tabId: 11 } }, pageSender('sidebar.html'))) as Result<SidebarView>;
  assert.ok(sidebar.ok && sidebar.value.kind === 'story', JSON.stringify(sidebar));
  assert.equal(sidebar.value.story.id, scopedId('retold', 'second'));
  assert.ok(sidebar.value.story.reports.some((r) => r.current), 'the page is still the report it is');
  assert.equal((await bg.states.get(11)).match?.storyId, scopedId('retold', 'second'), 'the tab keeps the match found again');
  assert.deepEqual(bg.contentCalls.at(-1), { tabId: 11, message: { type: 'launcher/show', payload: { count: 2 } }, frameId: 0 });
  assert.equal(bg.badges.get(11), '2');
  const popup = (await bg.send({ type: 'popup/state', payload: { tabId: 11 } }, pageSender('popup.html'))) as Result<PopupState>;
  assert.ok(popup.ok && popup.value.story?.id === scopedId('retold', 'second'), JSON.stringify(popup));
});

test('a page joined to a story that has gone since (history not joined again yet) is not answered with it', async () => {
  const database = await db();
  const stale = page('https://stale.example/bread', bread.title, bread.text);
  await database.put('joinedReports', { id: 'history/stale', storyId: 'gone/story', packId: 'history', urlKey: urlKey(stale.url)!, url: stale.url, title: stale.title, outlet: 'stale.example', outletName: 'stale.example', kind: 'report' });
  const match = await matchPage(database, stale);
  assert.equal(match.storyId, null, 'matched as a page about nothing stored');
});
