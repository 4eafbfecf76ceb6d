// What the background knows about each tab: the page's identity and its match, or a pending search.
// Kept in storage.session (memory only, never written to disk) so a service worker that wakes up
// again still knows its tabs. The area is handed in (browser-api.ts): Node tests give a fake.
import type { ExtractedArticle } from '../contracts/page-report';
import { TAB_STATE_PREFIX, tabStateKey } from '../formats/storage-schema';
import type { SearchHit } from '../contracts/views';
import type { StorageArea } from './browser-api';
import type { MatchCandidate } from '../engine';

export interface TabMatch {
  /** urlKey of the page (canonical URL when it gives one). */
  pageKey: string;
  pageTitle: string;
  storyId: string | null;
  /** The story article that is this page, when it is one of the story's reports. */
  currentArticleId: string | null;
  why: { score: number; shared: string[] } | null;
  /** Reports other than the page itself. */
  otherReports: number;
  /** The story is the one the reader said the page is about (page-match.ts confirmMatch). */
  confirmed?: boolean;
  /** The page is one of the story's reports because reading history joined it there when it was
   * first read (matched then, by the engine or the reader's word): the reader may still reject it. */
  joined?: boolean;
  /**
   * With no match: the stories the engine ranked best, offered as "maybe related" (decision.ts).
   * Absent in a state stored by an older version: read as none.
   */
  maybe?: MatchCandidate[];
  /**
   * The tab is in a private window, where the reader's answers about the page are not written:
   * the stories they rejected for it are kept here instead, for as long as the page is loaded.
   */
  privateWindow?: { rejected: string[] };
  /** The page as extracted (text cut to the lead), so "Not this story" can match it again. */
  article: ExtractedArticle;
}

export interface TabState {
  match: TabMatch | null;
  /** A search the reader asked for from the context menu; shown by the sidebar instead of the match. */
  search: { query: string; source: 'selection' | 'link' | 'page'; hits: SearchHit[] } | null;
  /** A story the reader opened from the popup; shown instead of the match until the sidebar closes. */
  pinned: string | null;
  /**
   * The side panel (its page's id) that showed `search` or `pinned`. The browser closes a panel
   * without a word to Storyline (its own close button, another panel chosen), so a panel opened
   * later that finds another's id here forgets them, as Storyline's own close button does, and the
   * page's story shows again. Emptied whenever `search` or `pinned` is set.
   */
  panelShown: string | null;
  /** The one-time ticket handed to the content script for the sidebar frame it is making. */
  sidebarTicket: string | null;
  /** The frame that presented the last ticket: the only in-page sidebar whose calls are answered. */
  sidebarFrame: { frameId: number; documentId: string | null } | null;
}

export interface TabStates {
  get(tabId: number): Promise<TabState>;
  /** Merges `change` into the tab's state and answers the result. */
  update(tabId: number, change: Partial<TabState>): Promise<TabState>;
  /**
   * Puts `next` in place of the tab's match when the tab still holds `from` (the same page matched
   * to the same story): a page loaded meanwhile keeps its own match. Answers whether it did.
   */
  replaceMatch(tabId: number, from: TabMatch, next: TabMatch): Promise<boolean>;
  /**
   * Stores the page's match (the search and the story opened from the popup give way to it) when
   * `stillShown()` says the tab still shows the page, asked in the tab's turn: a navigation heard
   * before it has forgotten the page, and one heard after forgets this match. Answers whether it did.
   */
  storeMatch(tabId: number, match: TabMatch, stillShown: () => Promise<boolean>): Promise<boolean>;
  /** Every tab with a state, and its match. */
  matches(): Promise<{ tabId: number; match: TabMatch | null }[]>;
  /** The tab closed: its state goes. */
  clear(tabId: number): Promise<void>;
}

/**
 * Each tab's writes run one after another: two read-change-write steps for one tab (a
 * sidebar claiming its ticket while the stories' refresh counts the tab's reports again) would
 * otherwise each write back what the other had not seen, and one change would be lost.
 */
export function tabStates(session: StorageArea): TabStates {
  const key = tabStateKey;
  const get = async (tabId: number): Promise<TabState> => {
    const stored = await session.get(key(tabId));
    const state = stored[key(tabId)] as TabState | undefined;
    return { match: null, search: null, pinned: null, panelShown: null, sidebarTicket: null, sidebarFrame: null, ...state };
  };
  const queues = new Map<number, Promise<unknown>>();
  const serially = <T>(tabId: number, step: () => Promise<T>): Promise<T> => {
    const run = (queues.get(tabId) ?? Promise.resolve()).then(step);
    const settled = run.catch(() => undefined);
    queues.set(tabId, settled);
    // The queue is forgotten once idle, so closed tabs leave nothing behind.
    void settled.then(() => queues.get(tabId) === settled && queues.delete(tabId));
    return run;
  };
  return {
    get,
    update(tabId, change) {
      return serially(tabId, async () => {
        // A search or story set anew has been shown by no panel yet.
        const fresh = ('search' in change || 'pinned' in change) && !('panelShown' in change) ? { panelShown: null } : {};
        const next = { ...(await get(tabId)), ...fresh, ...change };
        await session.set({ [key(tabId)]: next });
        return next;
      });
    },
    replaceMatch(tabId, from, next) {
      return serially(tabId, async () => {
        const state = await get(tabId);
        if (state.match?.pageKey !== from.pageKey || state.match.storyId !== from.storyId) return false;
        await session.set({ [key(tabId)]: { ...state, match: next } });
        return true;
      });
    },
    storeMatch(tabId, match, stillShown) {
      return serially(tabId, async () => {
        if (!(await stillShown())) return false;
        await session.set({ [key(tabId)]: { ...(await get(tabId)), match, search: null, pinned: null, panelShown: null } });
        return true;
      });
    },
    async matches() {
      // The session area also holds the problem log: only the tabs' keys are read back.
      const stored = await session.get(null);
      return Object.entries(stored).flatMap(([k, state]) => {
        const tabId = k.startsWith(TAB_STATE_PREFIX) ? Number(k.slice(TAB_STATE_PREFIX.length)) : NaN;
        return Number.isInteger(tabId) ? [{ tabId, match: (state as Partial<TabState> | undefined)?.match ?? null }] : [];
      });
    },
    clear(tabId) {
      return serially(tabId, async () => {
        await session.remove(key(tabId));
      });
    },
  };
}
