// "Find related coverage" on the page, a selection or a link. The results open in the sidebar.
import { t } from '../shared/i18n';
import { db } from './db';
import { readLinkContext } from '../contracts/gate-link';
import { MAX_QUERY_TEXT } from '../contracts/messages';
import type { BackgroundBrowser, Menus, Tabs } from './browser-api';
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
  ensureBuiltinPacks: EnsureBuiltinPacks;
}

export const MENU_ID = 'storyline-find-related';

export async function createMenus(contextMenus: BackgroundBrowser['contextMenus']): Promise<void> {
  // removeAll first: the menu survives restarts, and creating an existing id is an error.
  await contextMenus.removeAll();
  contextMenus.create({
    id: MENU_ID,
    title: t('menuFindRelated'),
    contexts: ['page', 'selection', 'link'],
  });
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
  return href === linkUrl && typeof text === 'string' ? text.slice(0, MAX_QUERY_TEXT) : '';
}

/** The query a click stands for: the selection, the link's text, or the page's own story. */
async function queryOf(scripting: Scripting, info: Menus.OnClickData, tabId: number): Promise<{ query: string; source: 'selection' | 'link' } | null> {
  if (info.selectionText?.trim()) return { query: info.selectionText.trim(), source: 'selection' };
  if (info.linkUrl) {
    // Firefox gives the link text; Chrome does not (a link in a subframe then has none).
    const given = (info as { linkText?: string }).linkText;
    const text = given ?? ((info.frameId ?? 0) === 0 ? await rightClickedLinkText(scripting, tabId, info.linkUrl).catch(() => '') : '');
    return { query: text.trim(), source: 'link' };
  }
  return null;
}

export async function onMenuClicked(deps: MenuDeps, info: Menus.OnClickData, tab: Tabs.Tab | undefined): Promise<void> {
  if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
  const tabId = tab.id;
  const { states, surface } = deps;
  // Before any await: the side panel opens only while the browser handles the click.
  const panelTried = surface.openPanelNow(tabId);
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
        const query = match?.pageTitle ?? tab.title ?? '';
        const database = await db();
        const offered = await storyHits(database, match?.maybe ?? []);
        const searched = (await searchStories(database, query)).filter((hit) => !offered.some((o) => o.storyId === hit.storyId));
        await states.update(tabId, { search: { query, source: 'page', hits: [...offered, ...searched] } });
      }
    }
    if (!(await surface.showSidebar(tabId, panelTried))) logProblem('find related coverage', `no content script in tab ${tabId}`);
  } catch (error) {
    logProblem('find related coverage', error);
  }
}
