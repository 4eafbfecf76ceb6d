// Per-tab state, driven as the browser drives it: a content script reports its page (the state is
// made), the tab's URL changes (the match goes, unless only the fragment moved), the tab closes
// (the state goes). Each step fires the listener the background registered on the fake browser and
// waits for the work it started.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installPack, scopedId } from '../../../src/background/pack-store';
import { db } from '../../../src/background/db';
import { MENU_ID } from '../../../src/background/context-menu';
import { tabStateKey } from '../../../src/formats/storage-schema';
import { tabStates } from '../../../src/background/tab-state';
import type { StorageArea } from '../../../src/background/browser-api';
import type { ExtractedArticle } from '../../../src/contracts/page-report';
import { samplePack } from '../../fixtures/packs';
import { contentSender, pageSender, startFakeBackground } from './background-env';
import { fakeTab } from './fake-browser';

const PAGE = 'https://www.example.com/summit';
const summit = scopedId('sample', 'summit');

const page = (url: string, title = 'summit first report'): ExtractedArticle => ({
  url,
  canonicalUrl: null,
  title,
  byline: null,
  siteName: 'Example News',
  published: null,
  lang: 'en',
  excerpt: null,
  text: 'The leaders met at the summit.',
});

const removeInfo = { windowId: 1, isWindowClosing: false };

/** A started background whose database holds the sample pack, with tab `tabId` showing its summit report. */
async function matchedTab(tabId: number) {
  await installPack(await db(), samplePack(), 'file');
  const bg = startFakeBackground();
  bg.openTab(tabId, PAGE);
  const answer = await bg.send({ type: 'article/found', payload: { article: page(PAGE) } }, contentSender(tabId, PAGE));
  assert.deepEqual(answer, { ok: true, value: { count: 1 } });
  return bg;
}

test('a page reported by its content script makes the tab’s state: its match, and the badge', async () => {
  const bg = await matchedTab(5);
  const state = await bg.states.get(5);
  assert.equal(state.match?.storyId, summit);
  assert.equal(state.match?.pageKey, 'example.com/summit');
  assert.equal(state.match?.otherReports, 1);
  assert.deepEqual([state.search, state.pinned, state.sidebarTicket, state.sidebarFrame], [null, null, null, null]);
  assert.ok(bg.browser.storage.session.items.has(tabStateKey(5)), 'kept in storage.session');
  assert.equal(bg.badges.get(5), '1');
  // A tab nothing was reported for has the empty state, and nothing stored.
  assert.deepEqual(await bg.states.get(6), { match: null, search: null, pinned: null, panelShown: null, sidebarTicket: null, sidebarFrame: null });
  assert.equal(bg.browser.storage.session.items.has(tabStateKey(6)), false);
});

test('the same document at another fragment, or a change without a URL, keeps the match', async () => {
  const bg = await matchedTab(5);
  await bg.settle(bg.browser.tabs.onUpdated.fire(5, { url: `${PAGE}#comments` }, fakeTab(5, `${PAGE}#comments`)));
  await bg.settle(bg.browser.tabs.onUpdated.fire(5, { status: 'loading' }, fakeTab(5, PAGE)));
  await bg.settle(bg.browser.tabs.onUpdated.fire(5, { title: 'Summit, updated' }, fakeTab(5, PAGE)));
  assert.equal((await bg.states.get(5)).match?.storyId, summit);
  assert.equal(bg.badges.get(5), '1');
});

test('another URL in the tab forgets its match, search and badge', async () => {
  const bg = await matchedTab(5);
  await bg.states.update(5, { search: { query: 'summit', source: 'selection', hits: [] } });
  const next = 'https://www.example.com/budget';
  await bg.settle(bg.browser.tabs.onUpdated.fire(5, { url: next }, fakeTab(5, next)));
  const state = await bg.states.get(5);
  assert.equal(state.match, null);
  assert.equal(state.search, null);
  assert.equal(bg.badges.get(5), null, 'the tab’s own count removed: it shows the global badge again');
});

test('a page the content script says it left forgets its match too', async () => {
  const bg = await matchedTab(5);
  assert.deepEqual(await bg.send({ type: 'page/left', payload: {} }, contentSender(5, PAGE)), { ok: true, value: null });
  assert.equal((await bg.states.get(5)).match, null);
  assert.equal(bg.badges.get(5), null);
});

test('a closed tab’s state is dropped; other tabs keep theirs', async () => {
  const bg = await matchedTab(5);
  bg.openTab(8, PAGE);
  await bg.send({ type: 'article/found', payload: { article: page(PAGE) } }, contentSender(8, PAGE));
  await bg.settle(bg.browser.tabs.onRemoved.fire(5, removeInfo));
  assert.equal(bg.browser.storage.session.items.has(tabStateKey(5)), false);
  assert.equal((await bg.states.get(5)).match, null);
  assert.equal((await bg.states.get(8)).match?.storyId, summit);
});

test('a story the reader opens from the popup is pinned in the tab’s state until the sidebar closes', async () => {
  const bg = await matchedTab(5);
  const budget = scopedId('sample', 'budget');
  assert.deepEqual(await bg.send({ type: 'popup/open-story', payload: { tabId: 5, storyId: budget } }, pageSender('popup.html')), { ok: true, value: true });
  assert.equal((await bg.states.get(5)).pinned, budget);
  assert.deepEqual(bg.contentCalls.at(-1), { tabId: 5, message: { type: 'sidebar/open', payload: {} }, frameId: 0 });
  // The side panel names the tab it follows.
  assert.deepEqual(await bg.send({ type: 'sidebar/close', payload: { tabId: 5 } }, pageSender('sidebar.html')), { ok: true, value: null });
  assert.equal((await bg.states.get(5)).pinned, null);
  assert.equal((await bg.states.get(5)).match?.storyId, summit, 'the match stays');
});

test('“Find related coverage” on a selection keeps its search in the tab’s state and opens the sidebar', async () => {
  const bg = await matchedTab(5);
  await bg.hooks.onMenuClicked({ menuItemId: MENU_ID, selectionText: '  budget  ', editable: false, modifiers: [] }, fakeTab(5, PAGE));
  const { search, match } = await bg.states.get(5);
  assert.equal(search?.query, 'budget');
  assert.equal(search?.source, 'selection');
  assert.ok(search?.hits.some((hit) => hit.storyId === scopedId('sample', 'budget')), JSON.stringify(search?.hits));
  assert.equal(match?.storyId, summit, 'the match stays beside the search');
  assert.deepEqual(bg.contentCalls.at(-1), { tabId: 5, message: { type: 'sidebar/open', payload: {} }, frameId: 0 });
  // The sidebar shows the search, not the match, until the page changes.
  const view = (await bg.send({ type: 'sidebar/view', payload: { tabId: 5 } }, pageSender('sidebar.html'))) as { value?: { kind?: string } };
  assert.equal(view.value?.kind, 'search');
});

test('a side panel closed by the browser: the next one opened shows the page’s story, not the search the first showed', async () => {
  const bg = await matchedTab(5);
  const view = async (panel?: string): Promise<string | undefined> => {
    const answer = (await bg.send({ type: 'sidebar/view', payload: { tabId: 5, ...(panel ? { panel } : {}) } }, pageSender('sidebar.html'))) as { value?: { kind?: string } };
    return answer.value?.kind;
  };
  await bg.hooks.onMenuClicked({ menuItemId: MENU_ID, selectionText: 'budget', editable: false, modifiers: [] }, fakeTab(5, PAGE));
  // The panel opened for the search shows it, as often as it asks.
  assert.equal(await view('panel-1'), 'search');
  assert.equal(await view('panel-1'), 'search');
  // Closed with the browser's own button (no word to Storyline), then opened again by the reader.
  assert.equal(await view('panel-2'), 'story');
  assert.equal((await bg.states.get(5)).search, null);
  // A new search is shown by the panel open now, and a story opened from the popup likewise.
  await bg.hooks.onMenuClicked({ menuItemId: MENU_ID, selectionText: 'budget', editable: false, modifiers: [] }, fakeTab(5, PAGE));
  assert.equal(await view('panel-2'), 'search');
  await bg.send({ type: 'popup/open-story', payload: { tabId: 5, storyId: scopedId('sample', 'budget') } }, pageSender('popup.html'));
  assert.equal((await bg.states.get(5)).panelShown, null, 'a story set anew was shown by no panel yet');
  assert.equal(await view('panel-2'), 'story');
  assert.equal((await bg.states.get(5)).pinned, scopedId('sample', 'budget'));
  assert.equal(await view('panel-3'), 'story');
  assert.equal((await bg.states.get(5)).pinned, null);
});

test('a panel id that is not one refuses the view', async () => {
  const bg = await matchedTab(5);
  for (const panel of ['', 'a b', 'x'.repeat(65), 7]) {
    const answer = (await bg.send({ type: 'sidebar/view', payload: { tabId: 5, panel } }, pageSender('sidebar.html'))) as { ok: boolean };
    assert.equal(answer.ok, false, JSON.stringify(panel));
  }
});

test('two changes of one tab’s state at once both land: each reads what the other wrote', async () => {
  // A session area whose reads answer a while after they are made, as the browser's may: two read-change-write steps
  // that overlapped would each write back what the other had not seen.
  const items = new Map<string, unknown>();
  const later = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));
  const area: StorageArea = {
    async get(key) {
      const read = Object.fromEntries([key as string].filter((k) => items.has(k)).map((k) => [k, structuredClone(items.get(k))]));
      await later();
      return read;
    },
    async set(values) {
      for (const [k, v] of Object.entries(values)) items.set(k, structuredClone(v));
    },
    async remove(key) {
      for (const k of [key].flat()) items.delete(k);
    },
  };
  const states = tabStates(area);
  await Promise.all([states.update(5, { sidebarTicket: 'ticket' }), states.update(5, { pinned: 'story' }), states.update(6, { pinned: 'other' })]);
  const five = await states.get(5);
  assert.deepEqual([five.sidebarTicket, five.pinned], ['ticket', 'story']);
  assert.equal((await states.get(6)).pinned, 'other');
  // A step that fails does not hold up the tab's next one.
  const failing = tabStates({ ...area, set: () => Promise.reject(new Error('quota')) });
  await assert.rejects(failing.update(5, { pinned: 'x' }), /quota/);
  await assert.rejects(failing.update(5, { pinned: 'y' }), /quota/);
});

test('a match that finishes after the tab moved on to another page is not the tab’s: no state, no badge', async () => {
  await installPack(await db(), samplePack(), 'file');
  const bg = startFakeBackground();
  bg.openTab(7, `${PAGE}?utm_source=feed`);
  const pending = bg.send({ type: 'article/found', payload: { article: page(PAGE) } }, contentSender(7, PAGE));
  // The reader follows a link to a page that is not an article (no report of its own follows).
  const next = 'https://www.example.com/';
  bg.openTab(7, next);
  await bg.settle(bg.browser.tabs.onUpdated.fire(7, { url: next }, fakeTab(7, next)));
  assert.deepEqual(await pending, { ok: false, error: { code: 'not-found', detail: 'tab 7 moved to another page before its match finished' } });
  assert.equal((await bg.states.get(7)).match, null);
  assert.equal(bg.badges.get(7) ?? '', '');
  // The same page at another fragment, or with tracking parameters, is the page: matched.
  bg.openTab(8, `${PAGE}?utm_source=feed#comments`);
  assert.deepEqual(await bg.send({ type: 'article/found', payload: { article: page(PAGE) } }, contentSender(8, PAGE)), { ok: true, value: { count: 1 } });
});

test('a story opened from the popup is forgotten with its page: the next page’s sidebar shows that page, not the story', async () => {
  const bg = await matchedTab(5);
  const budget = scopedId('sample', 'budget');
  await bg.send({ type: 'popup/open-story', payload: { tabId: 5, storyId: budget } }, pageSender('popup.html'));
  assert.equal((await bg.states.get(5)).pinned, budget);
  const next = 'https://other.example/';
  bg.openTab(5, next);
  await bg.settle(bg.browser.tabs.onUpdated.fire(5, { url: next }, fakeTab(5, next)));
  assert.equal((await bg.states.get(5)).pinned, null);
  const view = (await bg.send({ type: 'sidebar/view', payload: { tabId: 5 } }, pageSender('sidebar.html'))) as { value?: { kind?: string } };
  assert.equal(view.value?.kind, 'none');
});

test('a story from the popup whose sidebar could not open is not kept for the next sidebar on the tab', async () => {
  const bg = await matchedTab(5);
  // No content script answers there, and none can be put in (a page the browser keeps to itself).
  bg.browser.tabs.sendMessage = async () => {
    throw new Error('Could not establish connection. Receiving end does not exist.');
  };
  (bg.browser as unknown as { scripting: { executeScript(): Promise<never> } }).scripting.executeScript = async () => {
    throw new Error('Cannot access contents of the page.');
  };
  const answer = await bg.send({ type: 'popup/open-story', payload: { tabId: 5, storyId: scopedId('sample', 'budget') } }, pageSender('popup.html'));
  assert.deepEqual(answer, { ok: true, value: false });
  assert.equal((await bg.states.get(5)).pinned, null);
  assert.equal((await bg.states.get(5)).match?.storyId, summit, 'the page keeps its own story');
});

test('“Find related coverage” on a matched page itself shows its story, not one opened from the popup before', async () => {
  const bg = await matchedTab(5);
  await bg.send({ type: 'popup/open-story', payload: { tabId: 5, storyId: scopedId('sample', 'budget') } }, pageSender('popup.html'));
  await bg.hooks.onMenuClicked({ menuItemId: MENU_ID, editable: false, modifiers: [] }, fakeTab(5, PAGE));
  const view = (await bg.send({ type: 'sidebar/view', payload: { tabId: 5 } }, pageSender('sidebar.html'))) as { value?: { kind?: string; story?: { id: string } } };
  assert.equal(view.value?.story?.id, summit);
});

test('a navigation heard while the match is being stored: the old page’s match and badge stay off the new page', async () => {
  await installPack(await db(), samplePack(), 'file');
  const bg = startFakeBackground();
  bg.openTab(7, PAGE);
  const next = 'https://www.example.com/';
  const tabs = bg.browser.tabs;
  const get = tabs.get.bind(tabs);
  let navigated: Promise<unknown> | undefined;
  // The reader follows a link just after the background found the tab still on the page: the
  // browser tells of the new address while the page's reading is written.
  tabs.get = async (tabId: number) => {
    const tab = await get(tabId);
    if (tabId === 7 && !navigated) {
      queueMicrotask(() => {
        bg.openTab(7, next);
        navigated = Promise.all(tabs.onUpdated.fire(7, { url: next }, fakeTab(7, next)));
      });
    }
    return tab;
  };
  await bg.send({ type: 'article/found', payload: { article: page(PAGE) } }, contentSender(7, PAGE));
  await navigated;
  assert.equal((await bg.states.get(7)).match, null);
  assert.equal(bg.badges.get(7) ?? null, null);
});
