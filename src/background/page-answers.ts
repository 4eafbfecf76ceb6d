// The reader's answers about a tab's page and a story: "Not this story" and "This page is about
// this story" (page-match.ts remembers them for the page), and how the sidebar learns which it may
// offer. In a private window (the sender's tab, or the tab the side panel follows) an answer
// changes that tab alone and nothing is written.
import { CallError } from '../contracts/call-result';
import type { SidebarView, StoryView } from '../contracts/views';
import { db } from './db';
import { sidebarTab, type CallContext, type Handler } from './handler-types';
import { confirmMatch, rejectMatch } from './page-match';
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
 * offered for a page that matched none.
 */
export function pageLinkFor(match: TabMatch | null, storyId: string): Pick<StoryView, 'pageLink'> {
  if (match?.storyId === storyId) return match.confirmed ? { pageLink: 'confirmed' } : match.joined ? { pageLink: 'joined' } : {};
  return offered(match, storyId) ? { pageLink: 'offered' } : {};
}

interface Deps {
  services: Pick<Services, 'states' | 'badge' | 'callContent' | 'browser' | 'settings'>;
  /** The sidebar's view of a tab's match. */
  matchView(match: TabMatch | null): Promise<SidebarView>;
  /** A new match stored for the tab, as a page's first match is (reading history, recent stories). */
  settle(tabId: number, matched: TabMatch, opts: { incognito: boolean; history: boolean }): Promise<TabMatch>;
}

export function pageAnswerHandlers({ services: s, matchView, settle }: Deps): { 'match/reject': Handler<'match/reject'>; 'match/confirm': Handler<'match/confirm'> } {
  const privateTab = async (tabId: number, context: CallContext): Promise<boolean> =>
    context.incognito || (await s.browser.tabs.get(tabId).then((tab) => tab.incognito, () => false));

  return {
    async 'match/reject'({ storyId, ...payload }, context) {
      const tabId = sidebarTab(context, payload);
      const { match } = await s.states.get(tabId);
      if (!match || match.storyId !== storyId) throw new CallError('not-found', 'this page is not matched to that story');
      const remember = !(await privateTab(tabId, context));
      // A page history joined to that story leaves its reports, and the engine's index.
      if (remember && match.currentArticleId) await unjoin(await db(), match.pageKey, storyId);
      const next = await rejectMatch(await db(), match, storyId, { remember });
      await s.states.update(tabId, { match: next, search: null });
      await showPageMatch(s, tabId, next);
      return matchView(next);
    },

    async 'match/confirm'({ storyId, ...payload }, context) {
      const tabId = sidebarTab(context, payload);
      const { match } = await s.states.get(tabId);
      // Only a story the page was offered: the sidebar's word is not taken for any other.
      if (!match || !offered(match, storyId)) throw new CallError('not-found', 'that story was not offered for this page');
      const incognito = await privateTab(tabId, context);
      const confirmed = await confirmMatch(await db(), match, storyId, { remember: !incognito });
      const next = await settle(tabId, confirmed, { incognito, history: (await s.settings.read()).history });
      await showPageMatch(s, tabId, next);
      return matchView(next);
    },
  };
}
