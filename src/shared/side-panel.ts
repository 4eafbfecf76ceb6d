// In shared/ because the background and popup open the panel, the sidebar closes it and options asks if it exists.
// The browser's own side panel, for readers who want nothing over the article: Chrome's `sidePanel`
// (manifest `side_panel`, permission `sidePanel`), Firefox's `sidebarAction` (manifest
// `sidebar_action`). Both show sidebar.html; the manifest transform writes each browser's keys.
//
// Both browsers open their panel only while handling the reader's input (a click, a shortcut, a
// menu item). Firefox forgets that it is handling input at the first `await`, so callers must call
// openSidePanel() synchronously from their event handler, before anything asynchronous.
//
// Reached through the global namespace rather than the polyfill: the polyfill does not know Chrome's
// `sidePanel`, and Node (unit tests) imports the modules that use this without any extension API.

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
  /** Chrome 141 and later. */
  close?(options: { tabId?: number; windowId?: number }): Promise<void>;
}

interface FirefoxSidebarAction {
  open(): Promise<void>;
  close(): Promise<void>;
}

interface Globals {
  browser?: { sidebarAction?: FirefoxSidebarAction };
  chrome?: { sidePanel?: ChromeSidePanel };
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
