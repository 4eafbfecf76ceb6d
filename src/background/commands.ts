// Keyboard shortcuts. Commands reach the background only; it forwards them to the active tab.
import { browser } from '../shared/browser';
import { openSidebar } from './handlers';
import { logProblem } from './log';

export const OPEN_SIDEBAR_COMMAND = 'open-sidebar';

export async function onCommand(command: string): Promise<void> {
  if (command !== OPEN_SIDEBAR_COMMAND) return;
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined || !(await openSidebar(tab.id))) logProblem('open sidebar', 'no page to open it on');
}
