// In shared/ because the background and popup open the panel, the sidebar closes it and options asks if it exists.
// The browser's own side panel, for readers who want nothing over the article: Chrome's `sidePanel`
// (manifest `side_panel`, permission `sidePanel`), Firefox's `sidebarAction` (manifest
// `sidebar_action`). Both show sidebar.html; the manifest transform writes each browser's keys.
//
// Both browsers open their panel only while handling the reader's input (a click, a shortcut, a
// menu item). Firefox forgets that it is handling input at the first `await`, so callers must call
// openSidePanel() synchronously from their event handler, before anything asynchronous.
//
// The background also keeps the reader's choice where its input handlers find it at once after a
// wake (keptChoice below).
//
// Reached through the global namespace rather than the polyfill: the polyfill does not know Chrome's
// `sidePanel`, and Node (unit tests) imports the modules that use this without any extension API.

import type { Surface } from '../formats/settings';

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
  setOptions(options: { tabId?: number; path?: string; enabled?: boolean }): Promise<void>;
  /** Chrome 141 and later. */
  close?(options: { tabId?: number; windowId?: number }): Promise<void>;
}

interface FirefoxSidebarAction {
  open(): Promise<void>;
  close(): Promise<void>;
}

interface Globals {
  browser?: { sidebarAction?: FirefoxSidebarAction };
  chrome?: { sidePanel?: ChromeSidePanel; runtime?: { getManifest(): { side_panel?: { default_path?: string } } } };
  localStorage?: Pick<Storage, 'getItem' | 'setItem'>;
}

const globals = (): Globals => globalThis as Globals;

/** Whether this browser gives Storyline a side panel. */
export function sidePanelSupported(): boolean {
  const g = globals();
  return !!(g.browser?.sidebarAction ?? g.chrome?.sidePanel);
}

/** Opens the side panel in the window of `tab`. Call it synchronously from an input handler. */
export function openSidePanel(tab: { tabId: number; windowId?: number }): Promise<void> {
  const g = globals();
  // Firefox first: its `chrome` alias has no sidePanel, and its sidebar opens in the current window.
  if (g.browser?.sidebarAction) return g.browser.sidebarAction.open();
  if (g.chrome?.sidePanel) return g.chrome.sidePanel.open({ tabId: tab.tabId });
  return Promise.reject(new Error('no side panel in this browser'));
}

/** Closes the side panel from the panel page itself (its close button). */
export function closeSidePanel(windowId: number | undefined): Promise<void> {
  const g = globals();
  if (g.browser?.sidebarAction) return g.browser.sidebarAction.close();
  if (g.chrome?.sidePanel?.close && windowId !== undefined) return g.chrome.sidePanel.close({ windowId });
  // Older Chrome: a side panel page may close itself like a window.
  window.close();
  return Promise.resolve();
}

/**
 * The reader's surface choice, kept where a shortcut or menu handler can use it synchronously in a
 * background that the input itself has just woken (settings are read asynchronously, and both
 * browsers open the panel only before the handler's first `await`).
 * `recall()` answers 'panel' or 'page' as kept; 'browser' when the browser itself holds the choice
 * (Chrome: open() may always be called, it refuses unless the reader chose the panel); null when
 * nothing is kept (the panel then cannot open from this input).
 */
export interface KeptChoice {
  keep(choice: Surface): Promise<void>;
  recall(): Surface | 'browser' | null;
}

const KEPT_KEY = 'storyline.surface';

/** How this browser keeps the choice (the background calls it once); undefined where it has no panel. */
export function keptChoice(): KeptChoice | undefined {
  const g = globals();
  if (g.browser?.sidebarAction) {
    // Firefox's MV3 background is an event page, a document with a synchronous localStorage. MDN
    // (storage.local) warns that Firefox clears an extension's localStorage when the reader clears
    // browsing data: this is only a copy of the stored setting, written again at every wake.
    let storage: Globals['localStorage'];
    try {
      storage = g.localStorage;
    } catch {
      storage = undefined; // storage switched off: nothing kept, the panel opens from a warm background only
    }
    return {
      keep: async (choice) => storage?.setItem(KEPT_KEY, choice),
      recall() {
        try {
          const kept = storage?.getItem(KEPT_KEY);
          return kept === 'panel' || kept === 'page' ? kept : null;
        } catch {
          return null;
        }
      },
    };
  }
  const sidePanel = g.chrome?.sidePanel;
  if (sidePanel) {
    // Chrome's service worker has no synchronous storage. Its panel is enabled only for readers who
    // chose it, so open() refuses otherwise ("No active side panel for tabId", side_panel_api.cc).
    // The options live in the browser's memory (SidePanelService), not on disk: the start after a
    // browser restart sets them again before any input. The path is the manifest's: an enabled
    // default without a path would not open either.
    const path = g.chrome?.runtime?.getManifest().side_panel?.default_path;
    return {
      keep: (choice) => sidePanel.setOptions({ path, enabled: choice === 'panel' }),
      recall: () => 'browser',
    };
  }
  return undefined;
}
