// What the background does for each call. Payloads arrive validated and senders checked (router.ts).
import { CallError, STORY_GONE } from '../contracts/call-result';
import { cleanUrl, urlKey } from '../formats/url';
import { changeSettings, hostInList, isSiteOff, normaliseHost } from '../formats/settings';
import { actionStateKey } from '../formats/storage-schema';
import { db } from './db';
import { requireTab, sidebarTab, type Handlers } from './handler-types';
import { writeForStory } from './story-writes';
import { matchPage, warmForPage } from './page-match';
import { pageAnswerHandlers, pageLinkFor } from './page-answers';
import { notAfterRead } from './page-doc';
import { refreshTabMatch } from './tab-refresh';
import { packRecordCount } from './pack-keys';
import { noteRecentStory } from './recent-stories';
import { searchStories, storyHits } from './search';
import type { Services } from './services';
import { ReadingPace } from './reading-pace';
import { recordReading } from './sources/history';
import { sourceHandlers } from './sources/handlers';
import { storySummary, storyView } from './story-views';
import type { TabMatch } from './tab-state';
import type { SidebarView, StoryView } from '../contracts/views';
import { setFollowing, withFollowing } from './follow';
import { readerDataHandlers } from './reader-data-handlers';
import { categoryHandlers } from './category-choice';
import { extractionHandlers, gateState, withinTime } from './extraction';
import { openBefore } from './open-tabs';
import { sourcePermission } from '../formats/source-request';
import { popupLists } from './popup-lists';
import { libraryView } from './library';
import { claimTicket, issueTicket } from './sidebar-ticket';

/** How long the popup waits for the page to say whether Storyline runs there (see 'popup/state'). */
export const POPUP_PROBE_MS = 800;

/** The tab shows another page now: its match, badge, pending search and story opened from the popup no longer apply. */
export async function forgetPage(s: Pick<Services, 'states' | 'badge'>, tabId: number): Promise<void> {
  await s.states.update(tabId, { match: null, search: null, pinned: null });
  await s.badge.show(tabId, null);
}

/**
 * The tab's URL changed. Another document (or an in-page navigation to another address) is
 * forgotten; the same document at another fragment (`#comments`) keeps its match.
 */
export async function onTabUrl(s: Pick<Services, 'states' | 'badge'>, tabId: number, url: string): Promise<void> {
  const { match, search, pinned } = await s.states.get(tabId);
  if (match && cleanUrl(url) === match.article.url) return;
  // A tab with nothing to forget keeps no state: every navigation in every tab stored one, which
  // each refresh of the stories then went through.
  if (!match && !search && !pinned) return s.badge.show(tabId, null);
  await forgetPage(s, tabId);
}

/** The handler of every call, working with the background's services. */
export function createHandlers(s: Services): Handlers {
  const { browser, states, badge, callContent, ensureBuiltinPacks } = s;
  const pace = new ReadingPace();
  const store = s.settings;

  /**
   * Whether the tab still shows the page at `url` once its match is made (which can take a while
   * on a cold index): closed, or moved on to another page (whose own report follows, or none for a
   * page that is not an article), its match is not the tab's. Another fragment is the same page;
   * a tab whose address the browser withholds is taken to show it.
   */
  const tabShows = async (tabId: number, url: string): Promise<'here' | 'closed' | 'moved'> => {
    try {
      const tab = await browser.tabs.get(tabId);
      return tab.url === undefined || urlKey(tab.url) === urlKey(url) ? 'here' : 'moved';
    } catch {
      return 'closed';
    }
  };

  /** A story as the sidebar shows it (with what is new since the reader last saw it, if followed). */
  const sidebarStory = async (storyId: string, context?: Parameters<typeof storyView>[2]): Promise<StoryView | null> => {
    const database = await db();
    const view = await storyView(database, storyId, context);
    if (!view) return null;
    const shown = await withFollowing(database, view);
    if (shown.seenNew) await badge.showFollow(database);
    return shown.view;
  };

  const matchView = async (match: TabMatch | null): Promise<SidebarView> => {
    const story = match?.storyId ? await sidebarStory(match.storyId, { currentArticleId: match.currentArticleId, why: match.why, ...pageLinkFor(match, match.storyId) }) : null;
    if (story) return { kind: 'story', story };
    // Nothing to show: what came closest, and what Storyline knows (so the reader sees whether
    // there was much to find, and can search it).
    const database = await db();
    return { kind: 'none', maybe: match?.storyId ? [] : await storyHits(database, match?.maybe ?? []), library: await libraryView(database) };
  };

  /**
   * The page's match made: reading history keeps the page (joining it to its story as a report, so
   * from then on it is that report, never listed as another outlet's), the tab's state and badge
   * follow. Answers the match as stored.
   */
  const settle = async (tabId: number, matched: TabMatch, { revisit = false }: { revisit?: boolean } = {}): Promise<TabMatch> => {
    // The settings as they are now, not as the match found them: a match takes a while (seconds for
    // a woken worker's first page), and a site switched off meanwhile (the popup's "Off on this
    // site") gets no story, badge or reading.
    const host = new URL(matched.article.url).hostname;
    const siteOff = async (): Promise<boolean> => isSiteOff(await store.read(), host);
    if (await siteOff()) throw new CallError('not-found', `tab ${tabId}'s site was switched off before its match finished`);
    const { history } = await store.read();
    const database = await db();
    const incognito = !!matched.privateWindow;
    // A page come back to writes nothing new; a page new to history counts against the tab's pace
    // (reading-pace.ts), whatever it says of how it loaded (a page can reload itself to say "reload").
    const known = revisit && (await database.get('history', matched.pageKey)) !== undefined;
    const recording = !incognito && history && (known || pace.allow(tabId, Date.now()));
    const joined = recording ? await recordReading(database, matched.article, matched, { revisit }) : null;
    const match = joined ? { ...matched, currentArticleId: joined } : matched;
    // The reading above takes a while: the tab may have moved on, or its site been switched off, meanwhile.
    if (!(await states.storeMatch(tabId, match, async () => (await tabShows(tabId, match.article.url)) === 'here' && !(await siteOff())))) {
      throw new CallError('not-found', `tab ${tabId} no longer shows the page its match was made for, or its site was switched off`);
    }
    // A page come back (a reload, a restored tab) does not move its story up the reader's Recent list.
    if (match.storyId && !incognito) await noteRecentStory(database, match.storyId, { keepPlace: revisit });
    return match;
  };

  /** The tab's match, brought up to date when stories changed under it since (tab-refresh.ts). */
  const currentMatch = async (tabId: number): Promise<TabMatch | null> => refreshTabMatch(s, await db(), tabId, (await states.get(tabId)).match);

  return {
    ...sourceHandlers({ browser, serially: s.serially, alarms: s.alarms }),
    ...readerDataHandlers({ settings: store, imports: s.imports }),
    ...categoryHandlers(),
    ...pageAnswerHandlers({ services: s, matchView, settle }),
    ...extractionHandlers(browser.scripting, async (url) => warmForPage(await db(), url)),
    async 'article/found'(payload, context) {
      const tabId = requireTab(context);
      const article = notAfterRead(payload.article, Date.now());
      // The content script checks too; a site switched off since then gets nothing either.
      if (isSiteOff(await store.read(), new URL(article.url).hostname)) return null;
      await ensureBuiltinPacks();
      const database = await db();
      // The content script's own tab says whether it is private: its match then writes nothing.
      const matched = await matchPage(database, article, context.incognito ? { rejected: [] } : undefined);
      const shown = await tabShows(tabId, article.url);
      if (shown !== 'here') throw new CallError('not-found', `tab ${tabId} ${shown === 'closed' ? 'closed' : 'moved to another page'} before its match finished`);
      // Come back (a reload, a restored tab), or the page the tab showed when this run started (an update's takeover).
      const revisit = payload.revisit || (await openBefore(browser.storage.session, tabId, article.url));
      const match = await settle(tabId, matched, { revisit });
      const count = match.storyId ? match.otherReports : null;
      await badge.show(tabId, count ? count : null);
      // A navigation heard meanwhile cleared the badge before this count landed: cleared again.
      if (count && (await states.get(tabId)).match?.pageKey !== match.pageKey) await badge.show(tabId, null);
      return count === null ? null : { count };
    },


    async 'page/problem'({ what, detail }, context) {
      await s.problems.note(`content script (tab ${requireTab(context)})`, what, detail);
      return null;
    },

    async 'sidebar/ticket'(_payload, context) {
      return issueTicket(states, requireTab(context));
    },

    async 'sidebar/claim'({ ticket }, context) {
      await claimTicket(states, requireTab(context), ticket, context.frameId, context.documentId);
      return null;
    },

    async 'page/left'(_payload, context) {
      await forgetPage(s, requireTab(context));
      return null;
    },

    async 'sidebar/view'({ panel, ...payload }, context) {
      const tabId = sidebarTab(context, payload);
      await ensureBuiltinPacks();
      let state = await states.get(tabId);
      // A side panel's search or story opened from the popup stands while the panel that showed it
      // does (TabState.panelShown): one opened since finds the page's own story.
      if (panel && (state.search || state.pinned) && state.panelShown !== panel) {
        state = await states.update(tabId, state.panelShown === null ? { panelShown: panel } : { search: null, pinned: null });
      }
      if (state.search) return { kind: 'search', ...state.search };
      if (state.pinned && state.pinned !== state.match?.storyId) {
        // A story opened from the popup's "maybe related" list: the reader may say the page is about it.
        const story = await sidebarStory(state.pinned, { currentArticleId: null, why: null, ...pageLinkFor(state.match, state.pinned) });
        if (story) return { kind: 'story', story };
      }
      return matchView(await currentMatch(tabId));
    },

    async 'sidebar/story'({ storyId, ...payload }, context) {
      const tabId = context.tabId ?? payload.tabId;
      const match = tabId === undefined ? null : (await states.get(tabId)).match;
      const own = match?.storyId === storyId;
      return sidebarStory(storyId, {
        currentArticleId: own ? match.currentArticleId : null,
        why: own ? match.why : null,
        ...pageLinkFor(match, storyId),
      });
    },

    async 'story/follow'({ storyId, follow }) {
      const database = await db();
      await setFollowing(database, storyId, follow);
      await badge.showFollow(database);
      return null;
    },

    async 'sidebar/close'(payload, context) {
      const tabId = sidebarTab(context, payload);
      await states.update(tabId, { search: null, pinned: null });
      // The side panel closes itself; the in-page sidebar is removed by its tab's content script.
      if (context.tabId !== undefined) await callContent(tabId, 'sidebar/close', {});
      return null;
    },

    async 'action/set-done'({ storyId, actionId, done }) {
      const key = actionStateKey(storyId, actionId);
      await writeForStory(await db(), storyId, (userState) => userState.put({ key, kind: 'action-done', storyId, actionId, done, at: new Date().toISOString() }));
      return null;
    },

    async 'popup/state'({ tabId }) {
      await ensureBuiltinPacks();
      // Asking the page waits until it is idle: a page still loading (or showing an alert()) held
      // the whole popup at "Loading…" until it was. One that has not answered by then is a page
      // scripts may run in, being loaded: the gate runs there as it does, so it is not offered a
      // reload; what it matches reaches the popup as it comes (the popup watches the tab's state).
      const [probed, match] = await Promise.all([withinTime(gateState(browser.scripting, tabId), POPUP_PROBE_MS), currentMatch(tabId)]);
      const gate = probed === 'late' ? 'runs' : probed;
      const scriptable = gate === 'runs';
      const story = match?.storyId ? await storySummary(await db(), match.storyId) : null;
      const url = (await browser.tabs.get(tabId)).url;
      const host = url && /^https?:/.test(url) ? normaliseHost(url) : null;
      // A page opened before Storyline was there (switched back on, or a tab the install could not
      // reach): a reload gives it the gate, where the reader has not withdrawn the host's access.
      // The pattern without a port: Firefox's match patterns take none (and match every port).
      const pattern = url ? sourcePermission(url) : null;
      const reloadable = gate === 'absent' && pattern !== null && (await browser.permissions.contains({ origins: [pattern] }));
      const settings = await store.read();
      const siteOff = host !== null && isSiteOff(settings, host);
      const autoOpen = host !== null && hostInList(settings.autoOpen, host);
      const otherReports = story && match ? match.otherReports : 0;
      const lists = await popupLists(await db(), story?.id ?? null, match?.maybe ?? [], new Date());
      return { scriptable, reloadable, story, otherReports, host, siteOff, autoOpen, surface: settings.surface, ...lists };
    },

    // The popup opened the side panel itself, from the click, when that is the reader's choice.
    async 'popup/open-sidebar'({ tabId }) {
      return s.surface.showSidebar(tabId);
    },

    async 'popup/open-story'({ tabId, storyId }) {
      if (!(await (await db()).get('stories', storyId))) throw new CallError('not-found', STORY_GONE);
      await states.update(tabId, { search: null, pinned: storyId });
      const opened = await s.surface.showSidebar(tabId);
      // Not shown: the next sidebar opened on the tab shows the page's own story, not this one.
      if (!opened) await states.update(tabId, { pinned: null });
      return opened;
    },

    async 'options/state'() {
      await ensureBuiltinPacks();
      const database = await db();
      const packs = await database.getAll('packs');
      const summaries = [];
      for (const pack of packs) {
        summaries.push({
          ...pack,
          stories: await packRecordCount(database, 'stories', pack.id),
          categories: await packRecordCount(database, 'categories', pack.id),
        });
      }
      return { packs: summaries };
    },

    async 'settings/get'() {
      return store.read();
    },

    async 'settings/update'({ change }, context) {
      // The sidebar sets only what its letter step asks for; everything else is the popup's and options'.
      if (context.kind === 'sidebar' && Object.keys(change).some((key) => key !== 'place' && key !== 'readerName')) throw new CallError('refused', 'the sidebar sets only the place and the name');
      // In turn with any other change (another page's, an import's): each applies to what the one before wrote.
      return store.update((current) => changeSettings(current, change));
    },

    async 'search/stories'({ query }) {
      await ensureBuiltinPacks();
      return searchStories(await db(), query);
    },
  };
}
