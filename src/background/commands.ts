// Keyboard shortcuts. Commands reach the background only; it forwards them to the active tab.
import type { BackgroundTabs, Tabs } from './browser-api';
import { logProblem } from './log';
import type { Surface } from './surface';

export const OPEN_SIDEBAR_COMMAND = 'open-sidebar';

export async function onCommand(tabs: Pick<BackgroundTabs, 'query'>, surface: Surface, command: string, tab?: Tabs.Tab): Promise<void> {
  if (command !== OPEN_SIDEBAR_COMMAND) return;
  // Before any await: the side panel opens only while the browser handles the shortcut.
  const panelTried = tab?.id !== undefined && surface.openPanelNow(tab.id);
  const target = tab?.id !== undefined ? tab : (await tabs.query({ active: true, lastFocusedWindow: true }))[0];
  if (target?.id === undefined || !(await surface.showSidebar(target.id, panelTried))) logProblem('open sidebar', 'no page to open it on');
}
