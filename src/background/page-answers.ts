// The reader's answers about a tab's page and a story: "Not this story" and "This page is about
// this story" (page-match.ts remembers them for the page), and how the sidebar learns which it may
// offer. In a private window an answer changes that tab alone and nothing is written.
import { CallError } from '../contracts/call-result';
import type { SidebarView, StoryView } from '../contracts/views';
import { db } from './db';
import { sidebarTab, type CallContext, type Handler } from './handler-types';
import { confirmMatch, matchPage, rejectMatch } from './page-match';
import type { Services } from './services';
import { unjoin } from './sources/history';
import { showPageMatch } from './tab-refresh';
import type { TabMatch } from './tab-state';

/** Story `storyId` is one the tab's page, which matched none, came closest to: the reader may say the page is about it. */
const offered = (match: TabMatch | null, storyId: string): boolean =>
  !!match && !match.storyId && (match.maybe ?? []).some((c) => c.storyId === storyId);

/**
 * How story `storyId` stands to the tab's page beyond the engine's evidence, for the sidebar to
 * offer the answers that fit: the page's story by the reader's word or a history join, or a story
 * offered for a page that matched none; and whether the page is in a private window, where an
 * answer holds only until the page is loaded again.
 */
export function pageLinkFor(match: TabMatch | null, storyId: string): Pick<StoryView, 'pageLink' | 'privatePage'> {
  const kept = match?.privateWindow ? { privatePage: true as const } : {};
  if (match?.storyId === storyId) return { ...kept, ...(match.confirmed ? { pageLink: 'confirmed' } : match.joined ? { pageLink: 'joined' } : {}) };
  return { ...kept, ...(offered(match, storyId) ? { pageLink: 'offered' } : {}) };
}

interface Deps {
  services: Pick<Services, 'states' | 'badge' | 'callContent' | 'settings' | 'browser'>;
  /** The sidebar's view of a tab's match. */
  matchView(match: TabMatch | null): Promise<SidebarView>;
  /** A new match stored for the tab, as a page's first match is (reading history, recent stories). */
  settle(tabId: number, matched: TabMatch): Promise<TabMatch>;
}

/** In a private window (the match says so: its page's tab was private) an answer writes nothing. */
export function pageAnswerHandlers({ services: s, matchView, settle }: Deps): { 'match/reject': Handler<'match/reject'>; 'match/confirm': Handler<'match/confirm'> } {
  /**
   * The tab's match, marked as a private window's if its tab is one and the mark is missing (a
   * match stored by a version before the mark, should the browser keep session storage over an
   * update): nothing about a private window's page is written, whatever the stored state says.
   */
  const tabMatch = async (tabId: number, context: CallContext): Promise<TabMatch | null> => {
    const { match } = await s.states.get(tabId);
    if (!match || match.privateWindow) return match;
    const incognito = context.incognito || (await s.browser.tabs.get(tabId).then((tab) => tab.incognito, () => false));
    return incognito ? { ...match, privateWindow: { rejected: [] } } : match;
  };

  /**
   * An answer is remembered for the page, not the tab: the same page open in other tabs follows it
   * (launcher, badge, sidebar), as it would once loaded again. A private window's answer is that
   * tab's alone.
   */
  const followInOtherTabs = async (tabId: number, answered: TabMatch): Promise<void> => {
    if (answered.privateWindow) return;
    const database = await db();
    for (const { tabId: other, match } of await s.states.matches()) {
      if (other === tabId || !match || match.pageKey !== answered.pageKey) continue;
      const next = await matchPage(database, match.article, match.privateWindow);
      if (await s.states.replaceMatch(other, match, next)) await showPageMatch(s, other, next);
    }
  };

  return {
    async 'match/reject'({ storyId, ...payload }, context) {
      const tabId = sidebarTab(context, payload);
      const match = await tabMatch(tabId, context);
      if (!match || match.storyId !== storyId) throw new CallError('not-found', 'this page is not matched to that story');
      // A page history joined to that story leaves its reports, and the engine's index.
      if (!match.privateWindow && match.currentArticleId) await unjoin(await db(), match.pageKey, storyId);
      const next = await rejectMatch(await db(), match, storyId);
      await s.states.update(tabId, { match: next, search: null });
      await showPageMatch(s, tabId, next);
      await followInOtherTabs(tabId, match);
      return matchView(next);
    },

    async 'match/confirm'({ storyId, ...payload }, context) {
      const tabId = sidebarTab(context, payload);
      const match = await tabMatch(tabId, context);
      // Only a story the page was offered: the sidebar's word is not taken for any other.
      if (!match || !offered(match, storyId)) throw new CallError('not-found', 'that story was not offered for this page');
      const database = await db();
      const confirmed = await confirmMatch(database, match, storyId).catch(async (error: unknown) => {
        // Offered, then gone (merged into another by a refresh): the page is matched afresh, and
        // the sidebar, hearing the tab's state change, shows what it is offered now.
        if (error instanceof CallError && error.code === 'not-found') {
          const fresh = await matchPage(database, match.article, match.privateWindow);
          if (await s.states.replaceMatch(tabId, match, fresh)) await showPageMatch(s, tabId, fresh);
        }
        throw error;
      });
      const next = await settle(tabId, confirmed);
      await showPageMatch(s, tabId, next);
      await followInOtherTabs(tabId, match);
      return matchView(next);
    },
  };
}
