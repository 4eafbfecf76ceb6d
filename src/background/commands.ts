// Keyboard shortcuts. Commands reach the background only; it forwards them to the active tab.
import { browser, type Tabs } from '../shared/browser';
import { logProblem } from './log';
import { openPanelNow, showSidebar } from './surface';

export const OPEN_SIDEBAR_COMMAND = 'open-sidebar';

export async function onCommand(command: string, tab?: Tabs.Tab): Promise<void> {
  if (command !== OPEN_SIDEBAR_COMMAND) return;
  // Before any await: the side panel opens only while the browser handles the shortcut.
  const panelTried = tab?.id !== undefined && openPanelNow(tab.id);
  const target = tab?.id !== undefined ? tab : (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  if (target?.id === undefined || !(await showSidebar(target.id, panelTried))) logProblem('open sidebar', 'no page to open it on');
}
