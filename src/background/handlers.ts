// What the background does for each call. Payloads arrive validated and senders checked (router.ts).
import { browser } from '../shared/browser';
import { callContent } from '../shared/messaging';
import { changeSettings, isSiteOff, normaliseHost } from '../shared/settings';
import { readSettings, writeSettings } from '../shared/settings-store';
import { actionStateKey } from '../shared/storage-schema';
import { showBadge } from './badge';
import { db } from './db';
import { requireTab, type Handlers } from './handler-types';
import { matchPage, rejectMatch } from './page-match';
import { noteRecentStory, recentStories } from './recent-stories';
import { searchStories } from './search';
import { recordReading } from './sources/history';
import { sourceHandlers } from './sources/handlers';
import { ensureStarterPack } from './starter-pack';
import { storySummary, storyView } from './story-views';
import { getTabState, updateTabState, type TabMatch } from './tab-state';
import type { SidebarView } from '../shared/views';

/** Link text under the last right-click per tab: Chrome's context-menu data does not carry it. */
export const lastLinkText = new Map<number, string>();

export async function openSidebar(tabId: number): Promise<boolean> {
  try {
    await callContent(tabId, 'sidebar/open', {});
    return true;
  } catch {
    // No content script in this tab (a browser page, or a tab opened before install).
    return false;
  }
}

/** The tab shows another page now: its match, badge and pending search no longer apply. */
export async function forgetPage(tabId: number): Promise<void> {
  await updateTabState(tabId, { match: null, search: null });
  await showBadge(tabId, null);
}

async function tabIsOpen(tabId: number): Promise<boolean> {
  try {
    await browser.tabs.get(tabId);
    return true;
  } catch {
    return false;
  }
}

async function matchView(match: TabMatch | null): Promise<SidebarView> {
  if (!match?.storyId) return { kind: 'none' };
  const story = await storyView(await db(), match.storyId, { currentArticleId: match.currentArticleId, why: match.why });
  return story ? { kind: 'story', story } : { kind: 'none' };
}

/** Badge and launcher after the tab's match changed without a new page load. */
async function showPageMatch(tabId: number, match: TabMatch): Promise<void> {
  const count = match.storyId ? match.otherReports : null;
  await showBadge(tabId, count ? count : null);
  if (count === null) await callContent(tabId, 'launcher/hide', {});
  else await callContent(tabId, 'launcher/show', { count });
}

export const handlers: Handlers = {
  ...sourceHandlers,
  async 'article/found'({ article }, context) {
    const tabId = requireTab(context);
    // The content script checks too; a site switched off since then gets nothing either.
    if (isSiteOff(await readSettings(), new URL(article.url).hostname)) return null;
    await ensureStarterPack();
    const database = await db();
    const match = await matchPage(database, article);
    if (!(await tabIsOpen(tabId))) throw new Error(`tab ${tabId} closed before its match finished`);
    await updateTabState(tabId, { match, search: null, pinned: null });
    if (match.storyId && !context.incognito) await noteRecentStory(database, match.storyId);
    if (!context.incognito) await recordReading(database, article, match);
    const count = match.storyId ? match.otherReports : null;
    await showBadge(tabId, count ? count : null);
    return count === null ? null : { count };
  },


  async 'page/left'(_payload, context) {
    await forgetPage(requireTab(context));
    return null;
  },

  async 'page/link-context'({ text }, context) {
    const tabId = requireTab(context);
    if (text) lastLinkText.set(tabId, text);
    else lastLinkText.delete(tabId);
    return null;
  },

  async 'sidebar/view'(_payload, context) {
    const tabId = requireTab(context);
    await ensureStarterPack();
    const state = await getTabState(tabId);
    if (state.search) return { kind: 'search', ...state.search };
    if (state.pinned && state.pinned !== state.match?.storyId) {
      const story = await storyView(await db(), state.pinned);
      if (story) return { kind: 'story', story };
    }
    return matchView(state.match);
  },

  async 'match/reject'({ storyId }, context) {
    const tabId = requireTab(context);
    const { match } = await getTabState(tabId);
    if (!match || match.storyId !== storyId) throw new Error('this page is not matched to that story');
    const next = await rejectMatch(await db(), match, storyId);
    await updateTabState(tabId, { match: next, search: null });
    await showPageMatch(tabId, next);
    return matchView(next);
  },

  async 'sidebar/story'({ storyId }, context) {
    const match = context.tabId === undefined ? null : (await getTabState(context.tabId)).match;
    const own = match?.storyId === storyId;
    return storyView(await db(), storyId, {
      currentArticleId: own ? match.currentArticleId : null,
      why: own ? match.why : null,
    });
  },

  async 'sidebar/close'(_payload, context) {
    const tabId = requireTab(context);
    await updateTabState(tabId, { search: null, pinned: null });
    await callContent(tabId, 'sidebar/close', {});
    return null;
  },

  async 'action/set-done'({ storyId, actionId, done }) {
    const database = await db();
    if (!(await database.get('stories', storyId))) throw new Error('unknown story');
    const key = actionStateKey(storyId, actionId);
    await database.put('userState', { key, kind: 'action-done', storyId, actionId, done, at: new Date().toISOString() });
    return null;
  },

  async 'popup/state'({ tabId }) {
    await ensureStarterPack();
    const scriptable = await callContent(tabId, 'page/ping', {}).then(
      () => true,
      () => false,
    );
    const match = (await getTabState(tabId)).match;
    const story = match?.storyId ? await storySummary(await db(), match.storyId) : null;
    const url = (await browser.tabs.get(tabId)).url;
    const host = url && /^https?:/.test(url) ? normaliseHost(url) : null;
    const siteOff = host !== null && isSiteOff(await readSettings(), host);
    const recent = await recentStories(await db(), story?.id ?? null);
    return { scriptable, story, otherReports: story && match ? match.otherReports : 0, host, siteOff, recent };
  },

  async 'popup/open-sidebar'({ tabId }) {
    return openSidebar(tabId);
  },

  async 'popup/open-story'({ tabId, storyId }) {
    if (!(await (await db()).get('stories', storyId))) throw new Error('unknown story');
    await updateTabState(tabId, { search: null, pinned: storyId });
    return openSidebar(tabId);
  },

  async 'options/state'() {
    await ensureStarterPack();
    const database = await db();
    const packs = await database.getAll('packs');
    const summaries = [];
    for (const pack of packs) {
      summaries.push({ ...pack, stories: await database.countFromIndex('stories', 'byPack', pack.id) });
    }
    return { packs: summaries };
  },

  async 'settings/get'() {
    return readSettings();
  },

  async 'settings/update'({ change }) {
    const next = changeSettings(await readSettings(), change);
    await writeSettings(next);
    return next;
  },

  async 'search/stories'({ query }) {
    await ensureStarterPack();
    return searchStories(await db(), query);
  },
};
