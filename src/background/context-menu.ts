// "Find related coverage" on the page, a selection or a link. The results open in the sidebar.
import { t } from '../shared/i18n';
import { db } from './db';
import { readLinkContext } from '../contracts/gate-link';
import { MAX_QUERY_TEXT } from '../contracts/messages';
import type { Badge } from './badge';
import type { BackgroundMenus, BackgroundRuntime, Menus, Tabs } from './browser-api';
import type { EnsureBuiltinPacks } from './builtin-packs';
import type { Scripting } from './extraction';
import type { Surface } from './surface';
import { logProblem } from './log';
import { searchStories, storyHits } from './search';
import type { TabStates } from './tab-state';

/** What a menu click needs. */
export interface MenuDeps {
  scripting: Scripting;
  states: TabStates;
  surface: Surface;
  badge: Pick<Badge, 'explain'>;
  ensureBuiltinPacks: EnsureBuiltinPacks;
}

export const MENU_ID = 'storyline-find-related';

export async function createMenus(contextMenus: BackgroundMenus, runtime: Pick<BackgroundRuntime, 'lastError'>): Promise<void> {
  // removeAll first: the menu survives restarts, and creating an existing id is an error.
  await contextMenus.removeAll();
  // create() reports through runtime.lastError in its callback (it answers the id, not a promise:
  // MDN menus.create). "Duplicate id" means the item is there, as wanted: not a problem.
  contextMenus.create({ id: MENU_ID, title: t('menuFindRelated'), contexts: ['page', 'selection', 'link'] }, () => {
    const message = runtime.lastError?.message;
    if (message && !/duplicate id/i.test(message)) logProblem('context menu', message);
  });
}

const clip = (text: string): string => text.slice(0, MAX_QUERY_TEXT).trim();

/** A token of an address that is no word: a number, a date part, a long run of digits and hex. */
const isId = (token: string): boolean => /^\d+$/.test(token) || (token.length >= 8 && /\d/.test(token) && /^[\da-z]+$/i.test(token));

function segmentWords(segment: string): string[] {
  let text = segment;
  try {
    text = decodeURIComponent(segment);
  } catch {
    // a stray % in the address: the segment as it is
  }
  // An extension (.html, .php, .amp) is not part of the headline.
  return text
    .replace(/\.[a-z\d]{1,5}$/i, '')
    .split(/[-_+.~\s]+/)
    .filter((token) => /\p{L}/u.test(token) && !isId(token));
}

/**
 * The headline a link's address usually carries as its slug ('/2025/08/15/trump-putin-summit-no-deal.html'
 * → 'trump putin summit no deal'): the last path segment of two words or more, read from the end
 * (so a trailing id, 'index.html' or a section name is passed over); '' when there is none.
 * One pass over the path: linear in its length.
 */
export function slugWords(linkUrl: string): string {
  let path: string;
  try {
    path = new URL(linkUrl).pathname;
  } catch {
    return '';
  }
  const segments = path.split('/');
  for (let at = segments.length - 1; at >= 0; at--) {
    const words = segmentWords(segments[at] ?? '');
    if (words.length >= 2) return clip(words.join(' '));
  }
  return '';
}

/**
 * The text of the link the reader right-clicked, as the gate script noted it in the top frame
 * (Chrome's menu data lacks it). Used only when it is that very link; '' otherwise.
 */
async function rightClickedLinkText(scripting: Scripting, tabId: number, linkUrl: string): Promise<string> {
  const [injection] = await scripting.executeScript({ target: { tabId, frameIds: [0] }, func: readLinkContext });
  const noted: unknown = injection?.result;
  if (typeof noted !== 'object' || noted === null) return '';
  const { href, text } = noted as { href?: unknown; text?: unknown };
  return href === linkUrl && typeof text === 'string' ? text : '';
}

/**
 * The query a click stands for: the selection, the link's text, else the words of the link's
 * address (an image link, a link in a subframe or a shadow root has no text we can read); null for
 * the page's own story.
 */
async function queryOf(scripting: Scripting, info: Menus.OnClickData, tabId: number): Promise<{ query: string; source: 'selection' | 'link' } | null> {
  const selected = clip(info.selectionText ?? '');
  if (selected) return { query: selected, source: 'selection' };
  if (info.linkUrl) {
    // Firefox gives the link text; Chrome does not (a link in a subframe then has none).
    const given = (info as { linkText?: string }).linkText;
    const text = given ?? ((info.frameId ?? 0) === 0 ? await rightClickedLinkText(scripting, tabId, info.linkUrl).catch(() => '') : '');
    const query = clip(text) || slugWords(info.linkUrl);
    if (query) return { query, source: 'link' };
  }
  return null;
}

export async function onMenuClicked(deps: MenuDeps, info: Menus.OnClickData, tab: Tabs.Tab | undefined): Promise<void> {
  if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
  const tabId = tab.id;
  const { states, surface } = deps;
  // Before any await: the side panel opens only while the browser handles the click.
  const attempt = surface.openPanelNow(tabId);
  try {
    await deps.ensureBuiltinPacks();
    const asked = await queryOf(deps.scripting, info, tabId);
    if (asked) {
      const hits = await searchStories(await db(), asked.query);
      await states.update(tabId, { search: { ...asked, hits } });
    } else {
      // On the page itself: its own story when it matched; else the stories the page came closest
      // to (read whole, as its match was), then those that share its headline.
      const { match } = await states.get(tabId);
      if (match?.storyId) await states.update(tabId, { search: null, pinned: null });
      else {
        const query = clip(match?.pageTitle ?? tab.title ?? '');
        const database = await db();
        const offered = await storyHits(database, match?.maybe ?? []);
        const searched = (await searchStories(database, query)).filter((hit) => !offered.some((o) => o.storyId === hit.storyId));
        await states.update(tabId, { search: { query, source: 'page', hits: [...offered, ...searched] } });
      }
    }
    const outcome = await surface.showAfterInput({ id: tabId, url: tab.url }, attempt);
    if (outcome === 'shown') return;
    // Nothing opened: the reader hears why on the toolbar button of that tab (badge.ts).
    if (outcome !== 'site-off') logProblem('find related coverage', `${outcome} in tab ${tabId}`);
    await deps.badge.explain(tabId, outcome);
  } catch (error) {
    logProblem('find related coverage', error);
  }
}
