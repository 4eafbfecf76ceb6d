// The sidebar page shown in the browser's own side panel (Chrome) or sidebar (Firefox) rather than
// in an iframe on the article. There it is an extension page outside any tab, so it follows a tab:
// the active tab of the browser window it is docked in (or, when it is not docked in a browser
// window, of the last focused one). It reloads when that tab changes or the background writes the
// tab's state (a new match, a navigation, a search from the context menu, a story from the popup).
import { browser, type Tabs } from '../shared/browser';
import { callBackground } from '../shared/messaging';
import { closeSidePanel } from '../shared/side-panel';
import { tabStateKey } from '../formats/storage-schema';
import { PANEL_TAB_CALLS } from '../contracts/messages';
import type { CallBackground } from './api';

/** Why the view is asked again: the sidebar follows another tab, or its tab's state changed. */
export type ViewChange = 'tab' | 'state';

/** What App needs from the surface it is shown in, besides calls. */
export interface PanelLink {
  call: CallBackground;
  /**
   * Calls `listener` whenever what the panel should show may have changed ('tab': it follows
   * another tab now; 'state': its tab's state was written); answers "stop".
   */
  subscribe(listener: (change: ViewChange) => void): () => void;
  close(): Promise<void>;
}

// The polyfill's types give `windowTypes` only to getAll(), though getLastFocused() takes it too.
const NORMAL_WINDOWS: Parameters<typeof browser.windows.getAll>[0] = { windowTypes: ['normal'] };

/** The window whose active tab the panel shows; undefined: the active tab of any normal window. */
async function followedWindow(): Promise<number | undefined> {
  const own = await browser.windows.getCurrent();
  if (own.type === 'normal') return own.id;
  const last = await browser.windows.getLastFocused(NORMAL_WINDOWS);
  // Firefox may ignore the filter (deprecated there) and answer the panel's own window.
  return last.type === 'normal' ? last.id : undefined;
}

async function activeTab(windowId: number | undefined): Promise<Tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query(windowId === undefined ? { active: true, windowType: 'normal' } : { active: true, windowId });
  return tab;
}

export function panelLink(): PanelLink {
  let windowId: number | undefined;
  let tabId: number | null = null;
  const listeners = new Set<(change: ViewChange) => void>();
  const notify = (change: ViewChange): void => listeners.forEach((listener) => listener(change));

  // The first tab found is not news: every call waits for it, the first view's too. Told, App
  // would ask a second time and drop the first answer, which had already marked a followed
  // story's new reports seen: its "new" marks would never show.
  const locate = async (first = false): Promise<void> => {
    windowId = await followedWindow();
    const next = (await activeTab(windowId))?.id ?? null;
    if (next !== tabId) {
      tabId = next;
      if (!first) notify('tab');
    }
  };
  let located = locate(true);
  const relocate = (): void => {
    located = locate().catch(() => undefined);
  };

  browser.tabs.onActivated.addListener((info) => {
    if (windowId === undefined || info.windowId === windowId) relocate();
  });
  browser.windows.onFocusChanged.addListener(relocate);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && tabId !== null && tabStateKey(tabId) in changes) notify('state');
  });

  // This opening of the panel: the browser closes a panel without telling the background, which
  // tells one opening from the next by it (a search shown by a panel since closed is not shown again).
  const panel = crypto.randomUUID();

  const call: CallBackground = async (type, payload) => {
    if (!PANEL_TAB_CALLS.has(type)) return callBackground(type, payload);
    await located;
    // No tab to follow (the window has none, or is closing): nothing matched.
    if (tabId === null) {
      if (type === 'sidebar/view') return { kind: 'none', maybe: [] } as never;
      throw new Error('no tab to show');
    }
    return callBackground(type, { ...(payload as object), tabId, ...(type === 'sidebar/view' ? { panel } : {}) } as typeof payload);
  };

  return {
    call,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => closeSidePanel(windowId),
  };
}
