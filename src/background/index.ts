// Background entry (Chrome service worker, Firefox event page). Every listener is registered
// synchronously at the top level, so an event that wakes the worker finds its listener.
import { browser, type Runtime } from '../shared/browser';
import { onCommand } from './commands';
import { createMenus, onMenuClicked } from './context-menu';
import { forgetPage, lastLinkText } from './handlers';
import { logProblem } from './log';
import { route } from './router';
import { ensureStarterPack } from './starter-pack';
import { alarmsApi, onSourceAlarm, scheduleSourceAlarms } from './sources/alarms';
import { clearTabState } from './tab-state';

browser.runtime.onInstalled.addListener(() => {
  void ensureStarterPack();
  createMenus().catch((error: unknown) => logProblem('context menu', error));
  scheduleSourceAlarms().catch((error: unknown) => logProblem('source alarms', error));
});
browser.runtime.onStartup.addListener(() => {
  createMenus().catch((error: unknown) => logProblem('context menu', error));
  scheduleSourceAlarms().catch((error: unknown) => logProblem('source alarms', error));
});
// Absent without the `alarms` permission: sources then refresh only when the reader asks.
alarmsApi()?.onAlarm.addListener(onSourceAlarm);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));

browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
browser.commands.onCommand.addListener((command) => void onCommand(command));

// A new document is loading in the tab: whatever matched the old one is gone.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status !== 'loading') return;
  forgetPage(tabId).catch((error: unknown) => logProblem('tab navigated', error));
});

browser.tabs.onRemoved.addListener((tabId) => {
  lastLinkText.delete(tabId);
  clearTabState(tabId).catch((error: unknown) => logProblem('tab closed', error));
});

// The debugging console and the e2e suite reach the command and menu handlers here: shortcuts and
// native menus cannot be driven from automation, and the service worker's global is not visible to pages.
Object.assign(globalThis, { storyline: { onCommand, onMenuClicked } });
