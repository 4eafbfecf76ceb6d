// "Find related coverage" on the page, a selection or a link. The results open in the sidebar.
import { browser, type Menus, type Tabs } from '../shared/browser';
import { t } from '../shared/i18n';
import { db } from './db';
import { lastLinkText } from './handlers';
import { openPanelNow, showSidebar } from './surface';
import { logProblem } from './log';
import { searchStories } from './search';
import { ensureBuiltinPacks } from './builtin-packs';
import { getTabState, updateTabState } from './tab-state';

export const MENU_ID = 'storyline-find-related';

export async function createMenus(): Promise<void> {
  // removeAll first: the menu survives restarts, and creating an existing id is an error.
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_ID,
    title: t('menuFindRelated'),
    contexts: ['page', 'selection', 'link'],
  });
}

/** The query a click stands for: the selection, the link's text, or the page's own story. */
function queryOf(info: Menus.OnClickData, tabId: number): { query: string; source: 'selection' | 'link' } | null {
  if (info.selectionText?.trim()) return { query: info.selectionText.trim(), source: 'selection' };
  if (info.linkUrl) {
    // Firefox gives the link text; Chrome does not, so the content script sent it on right-click.
    const text = (info as { linkText?: string }).linkText ?? lastLinkText.get(tabId) ?? '';
    return { query: text.trim(), source: 'link' };
  }
  return null;
}

export async function onMenuClicked(info: Menus.OnClickData, tab: Tabs.Tab | undefined): Promise<void> {
  if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
  const tabId = tab.id;
  // Before any await: the side panel opens only while the browser handles the click.
  const panelTried = openPanelNow(tabId);
  try {
    await ensureBuiltinPacks();
    const asked = queryOf(info, tabId);
    if (asked) {
      const hits = await searchStories(await db(), asked.query);
      await updateTabState(tabId, { search: { ...asked, hits } });
    } else {
      // On the page itself: its own story when it matched, else stories that share its headline.
      const { match } = await getTabState(tabId);
      if (match?.storyId) await updateTabState(tabId, { search: null });
      else {
        const query = match?.pageTitle ?? tab.title ?? '';
        await updateTabState(tabId, { search: { query, source: 'page', hits: await searchStories(await db(), query) } });
      }
    }
    if (!(await showSidebar(tabId, panelTried))) logProblem('find related coverage', `no content script in tab ${tabId}`);
  } catch (error) {
    logProblem('find related coverage', error);
  }
}
