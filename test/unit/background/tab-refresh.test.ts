// Open tabs follow the stories under them (tab-refresh.ts): once stories change, a tab's count,
// badge and launcher say what its sidebar would show, without the reader opening anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { db } from '../../../src/background/db';
import { invalidateStoryIndex } from '../../../src/background/matcher';
import { installPack, scopedId } from '../../../src/background/pack-store';
import { matchNow } from '../../../src/background/page-match';
import { refreshTabMatch, refreshTabMatches } from '../../../src/background/tab-refresh';
import type { ExtractedArticle } from '../../../src/contracts/page-report';
import type { Pack } from '../../../src/formats/model';
import { samplePack } from '../../fixtures/packs';
import type { TabMatch } from '../../../src/background/tab-state';
import { urlKey } from '../../../src/formats/url';
import { contentSender, startFakeBackground } from './background-env';

type Background = ReturnType<typeof startFakeBackground>;

/**
 * A publisher's edition of one story, filed as `storyId`: the sample pack's two reports of `name`
 * (the first at https://www.example.com/name) and `extra` more.
 */
function edition(version: string, name: string, storyId: string, extra: number): Pack {
  const pack = samplePack(version, [name]);
  pack.id = 'live';
  pack.stories = pack.stories.map((s) => ({
    ...s,
    id: storyId,
    articles: [...s.articles, ...Array.from({ length: extra }, (_, i) => ({ id: `extra-${i}`, title: `Report ${i}`, outlet: 'example.com', kind: 'report' as const }))],
  }));
  return pack;
}

function page(url: string): ExtractedArticle {
  return { url, canonicalUrl: null, title: 'A headline of its own', byline: null, siteName: null, published: null, lang: 'en', excerpt: null, text: 'Nothing the engine would know.' };
}

/** Opens tab `tabId` on the stored report at `url` and has its content script report it. */
async function read(bg: Background, tabId: number, url: string): Promise<void> {
  bg.openTab(tabId, url);
  await bg.send({ type: 'article/found', payload: { article: page(url) } }, contentSender(tabId, url));
}

/** Polls an observable outcome; fails with `what` when it does not come. */
async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('an open tab’s count, badge and launcher follow its story as reports join it, with nothing opened', async () => {
  const database = await db();
  await installPack(database, edition('1', 'grows', 'grows', 0), 'file');
  const bg = startFakeBackground();
  const url = 'https://www.example.com/grows';
  await read(bg, 21, url);
  assert.equal(bg.badges.get(21), '1', 'the page is one of two reports');

  await installPack(database, edition('2', 'grows', 'grows', 3), 'file');
  invalidateStoryIndex();
  await until('the badge counts the new reports', () => bg.badges.get(21) === '4');
  const { match } = await bg.states.get(21);
  assert.equal(match?.storyId, scopedId('live', 'grows'));
  assert.equal(match?.otherReports, 4);
  assert.deepEqual(bg.contentCalls.at(-1), { tabId: 21, message: { type: 'launcher/show', payload: { count: 4 } }, frameId: 0 });
});

test('a tab whose story went is matched again; a tab still with no story or an unchanged count is left alone', async () => {
  const database = await db();
  await installPack(database, edition('1', 'retold', 'before', 1), 'file');
  const bg = startFakeBackground();
  await read(bg, 22, 'https://www.example.com/retold');
  bg.openTab(23, 'https://cook.example/bread');
  await bg.states.update(23, { match: { ...(await bg.states.get(22)).match!, pageKey: 'cook.example/bread', article: page('https://cook.example/bread'), storyId: null, currentArticleId: null, otherReports: 0 } });
  const unmatched = (await bg.states.get(23)).match;

  // Nothing changed yet: nothing is called.
  const calls = bg.contentCalls.length;
  await refreshTabMatches(bg.hooks.services, database);
  assert.equal(bg.contentCalls.length, calls);

  // The next edition files the same reports under another id.
  await installPack(database, edition('2', 'retold', 'after', 1), 'file');
  await refreshTabMatches(bg.hooks.services, database);
  const moved = (await bg.states.get(22)).match;
  assert.equal(moved?.storyId, scopedId('live', 'after'));
  assert.equal(moved?.currentArticleId, scopedId('live', 'retold-1'));
  assert.equal(bg.badges.get(22), '2');
  assert.deepEqual((await bg.states.get(23)).match, unmatched);
});

test('a tab that moved on to another page keeps that page’s match', async () => {
  const database = await db();
  await installPack(database, edition('1', 'first', 'first', 0), 'file');
  const bg = startFakeBackground();
  await read(bg, 24, 'https://www.example.com/first');
  const old = (await bg.states.get(24)).match!;
  await installPack(database, edition('2', 'first', 'first', 2), 'file');
  assert.equal((await matchNow(database, old))?.otherReports, 3, 'the old match is out of date');

  // Meanwhile the tab shows another page, matched to nothing.
  const other = { ...old, pageKey: 'cook.example/bread', storyId: null, currentArticleId: null, otherReports: 0 };
  await bg.states.update(24, { match: other });
  assert.equal(await refreshTabMatch(bg.hooks.services, database, 24, old), old);
  assert.deepEqual((await bg.states.get(24)).match, other);
});

test('an open page that matched nothing gets its launcher once a story holding it arrives, with nothing opened', async () => {
  const database = await db();
  const bg = startFakeBackground();
  const url = 'https://www.example.com/arrives';
  await read(bg, 25, url);
  assert.equal((await bg.states.get(25)).match?.storyId, null, 'no story holds the page yet');
  const calls = bg.contentCalls.length;

  // The first run's feeds land while the page is open.
  await installPack(database, edition('1', 'arrives', 'arrives', 2), 'file');
  invalidateStoryIndex();
  await until('the badge counts the story’s other reports', () => bg.badges.get(25) === '3');
  assert.equal((await bg.states.get(25)).match?.storyId, scopedId('live', 'arrives'));
  assert.deepEqual(bg.contentCalls.slice(calls).at(-1), { tabId: 25, message: { type: 'launcher/show', payload: { count: 3 } }, frameId: 0 });
});


/** The match a tab at `url` was given earlier, to story `storyId`: what matchNow brings up to date. */
function heldMatch(url: string, storyId: string, currentArticleId: string | null, otherReports: number): TabMatch {
  const article = page(url);
  return { pageKey: urlKey(url)!, pageTitle: article.title, storyId, currentArticleId, why: null, otherReports, article };
}

test('a page whose own copy joined its story since (history matched it again after a merge) is that copy, not another report', async () => {
  const database = await db();
  await installPack(database, edition('1', 'merged', 'merged', 1), 'file');
  const storyId = scopedId('live', 'merged');
  const url = 'https://harbour.example/anchorage';
  // Matched to the story before its copy joined (the rejoin still queued); the rejoin then joins it.
  const held = heldMatch(url, storyId, null, 3);
  await database.put('joinedReports', { id: 'history/harbour.example/anchorage', storyId, packId: 'history', urlKey: 'harbour.example/anchorage', url, title: held.pageTitle, outlet: 'harbour.example', outletName: 'harbour.example', kind: 'report' });
  const next = await matchNow(database, held);
  assert.equal(next?.currentArticleId, 'history/harbour.example/anchorage');
  assert.equal(next?.otherReports, 3, 'the three stored reports; the page is not counted as a fourth');
});

test('a page whose copy left because a feed brought that very page is the story\'s report at its address', async () => {
  const database = await db();
  await installPack(database, edition('1', 'brought', 'brought', 0), 'file');
  // Matched while its copy stood for it; the copy has since gone (the story holds the page itself).
  const next = await matchNow(database, heldMatch('https://www.example.com/brought', scopedId('live', 'brought'), 'history/example.com/brought', 2));
  assert.equal(next?.currentArticleId, scopedId('live', 'brought-1'));
  assert.equal(next?.otherReports, 1, 'the other of the two reports; the page is not counted');
});

test('a tab replaced or closed unheard leaves no state behind; a discarded tab is not called', async () => {
  const database = await db();
  await installPack(database, edition('1', 'kept', 'kept', 0), 'file');
  const bg = startFakeBackground();
  await read(bg, 31, 'https://www.example.com/kept');
  await read(bg, 32, 'https://www.example.com/kept');
  await read(bg, 33, 'https://www.example.com/kept');
  const tabIds = async (): Promise<number[]> => (await bg.states.matches()).map((m) => m.tabId).sort();
  assert.deepEqual(await tabIds(), [31, 32, 33]);

  // Chrome's Memory Saver gives tab 31's page a new id: no onRemoved for the old one.
  bg.browser.tabs.onReplaced!.fire(41, 31);
  await until('the replaced tab’s state goes', async () => !(await tabIds()).includes(31));

  // Tab 32 closed while the worker was stopped; tab 33 is discarded.
  bg.closeTab(32);
  bg.openTab(33, 'https://www.example.com/kept', { discarded: true });
  const calls = bg.contentCalls.length;
  await installPack(database, edition('2', 'kept', 'kept', 2), 'file');
  await refreshTabMatches(bg.hooks.services, database);
  assert.deepEqual(await tabIds(), [33]);
  assert.equal(bg.contentCalls.length, calls, 'nothing sent to a discarded tab');
});

test('a navigation in a tab with nothing stored stores nothing', async () => {
  const bg = startFakeBackground();
  const tab = bg.openTab(51, 'https://elsewhere.example/next');
  // The listener answers its work (start.ts): settled, whatever it stores is stored.
  await bg.settle(bg.browser.tabs.onUpdated.fire(51, { url: 'https://elsewhere.example/next' }, tab));
  assert.deepEqual((await bg.states.matches()).map((m) => m.tabId), []);
});
