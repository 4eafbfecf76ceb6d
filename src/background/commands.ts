// Keyboard shortcuts. Commands reach the background only; it forwards them to the active tab.
import type { Badge } from './badge';
import type { BackgroundTabs, Tabs } from './browser-api';
import { logProblem } from './log';
import type { Surface } from './surface';

export const OPEN_SIDEBAR_COMMAND = 'open-sidebar';

export interface CommandDeps {
  tabs: Pick<BackgroundTabs, 'query'>;
  surface: Surface;
  badge: Pick<Badge, 'explain'>;
}

export async function onCommand({ tabs, surface, badge }: CommandDeps, command: string, tab?: Tabs.Tab): Promise<void> {
  if (command !== OPEN_SIDEBAR_COMMAND) return;
  // Before any await: the side panel opens only while the browser handles the shortcut.
  const attempt = tab?.id !== undefined ? surface.openPanelNow(tab.id) : null;
  const target = tab?.id !== undefined ? tab : (await tabs.query({ active: true, lastFocusedWindow: true }))[0];
  if (target?.id === undefined) return logProblem('open sidebar', 'no active tab');
  const outcome = await surface.showAfterInput({ id: target.id, url: target.url }, attempt);
  if (outcome === 'shown') return;
  // Nothing opened: the reader hears why on the toolbar button of that tab (badge.ts).
  if (outcome !== 'site-off') logProblem('open sidebar', `${outcome} in tab ${target.id}`);
  await badge.explain(target.id, outcome);
}
