// Open tabs follow the stories under them. A tab's match is made when its page is read; the stories
// keep changing after (a feed refresh adds reports, merges one story into another, ages items out;
// a pack update re-files them). The launcher's count and the badge then say what the sidebar would
// show, and a page whose story went finds its story again, not "no story".
import type { IDBPDatabase } from 'idb';
import type { StorylineDB } from '../formats/storage-schema';
import { logProblem } from './log';
import { matchNow } from './page-match';
import type { Services } from './services';
import type { TabMatch } from './tab-state';

type Database = IDBPDatabase<StorylineDB>;
type Deps = Pick<Services, 'states' | 'badge' | 'callContent'>;
type TabsDeps = Deps & { browser: { tabs: Pick<Services['browser']['tabs'], 'query'> } };

/** Badge and launcher for a match that changed without a new page load. */
export async function showPageMatch(s: Deps, tabId: number, match: TabMatch): Promise<void> {
  const count = match.storyId ? match.otherReports : null;
  await s.badge.show(tabId, count ? count : null);
  if (count === null) await s.callContent(tabId, 'launcher/hide', {});
  else await s.callContent(tabId, 'launcher/show', { count });
}

/**
 * The tab's match as it stands now (page-match.ts matchNow), stored and shown when it changed.
 * Answers the match to use: the new one, or the one given when nothing changed or the tab moved on
 * to another page meanwhile (its own match stands).
 */
export async function refreshTabMatch(s: Deps, database: Database, tabId: number, match: TabMatch | null): Promise<TabMatch | null> {
  const next = await matchNow(database, match);
  if (!next || !match || !(await s.states.replaceMatch(tabId, match, next))) return match;
  // The page may be leaving (its content script gone): the stored match is what counts.
  await showPageMatch(s, tabId, next).catch((error: unknown) => logProblem('launcher after stories changed', error));
  return next;
}

/**
 * Every open tab's match brought up to date, one tab at a time; a failing tab does not stop the
 * rest. A state whose tab is gone (its close or replacement not heard: the worker was stopped) goes;
 * a discarded tab has no page to update, and its page reports again when the reader opens it.
 */
export async function refreshTabMatches(s: TabsDeps, database: Database): Promise<void> {
  // The states first: a tab opened after the query then has no state read here, never one taken for gone.
  const states = await s.states.matches();
  const open = new Map((await s.browser.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [[tab.id, tab] as const])));
  for (const { tabId, match } of states) {
    const tab = open.get(tabId);
    if (!tab) {
      await s.states.clear(tabId).catch((error: unknown) => logProblem(`tab ${tabId} gone`, error));
      continue;
    }
    if (tab.discarded) continue;
    await refreshTabMatch(s, database, tabId, match).catch((error: unknown) => logProblem(`tab ${tabId} after stories changed`, error));
  }
}
