// Background entry (Chrome service worker, Firefox event page). Every listener is registered
// synchronously at the top level, so an event that wakes the worker finds its listener.
import { browser, type Runtime } from '../shared/browser';
import { onCommand } from './commands';
import { createMenus, onMenuClicked } from './context-menu';
import { onTabUrl } from './handlers';
import { readProblems } from './problems';
import { logProblem } from './log';
import { route } from './router';
import { ensureBuiltinPacks } from './builtin-packs';
import { alarmsApi, onSourceAlarm, scheduleSourceAlarms } from './sources/alarms';
import { watchSurface } from './surface';
import { clearTabState } from './tab-state';
import { db } from './db';
import { showFollowBadge } from './badge';
import { indexLoads, onStoriesChanged } from './matcher';
import { openWelcome } from './welcome';
import { traffic } from './traffic';

/** The follow badge after stories changed (a feed refresh, a pack update), once a burst is over. */
let followTimer: ReturnType<typeof setTimeout> | undefined;
function refreshFollowBadge(delayMs: number): void {
  clearTimeout(followTimer);
  followTimer = setTimeout(() => {
    db()
      .then(showFollowBadge)
      .catch((error: unknown) => logProblem('follow badge', error));
  }, delayMs);
}
onStoriesChanged(() => refreshFollowBadge(1_000));

browser.runtime.onInstalled.addListener(({ reason }) => {
  // First run: the reader chooses news sources, or Storyline knows only the starter story.
  if (reason === 'install') openWelcome().catch((error: unknown) => logProblem('welcome page', error));
  void ensureBuiltinPacks();
  refreshFollowBadge(0);
  createMenus().catch((error: unknown) => logProblem('context menu', error));
  scheduleSourceAlarms().catch((error: unknown) => logProblem('source alarms', error));
});
browser.runtime.onStartup.addListener(() => {
  void ensureBuiltinPacks();
  // The browser does not keep a badge across restarts.
  refreshFollowBadge(0);
  createMenus().catch((error: unknown) => logProblem('context menu', error));
  scheduleSourceAlarms().catch((error: unknown) => logProblem('source alarms', error));
});
// Absent without the `alarms` permission: sources then refresh only when the reader asks.
alarmsApi()?.onAlarm.addListener(onSourceAlarm);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));

browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
watchSurface();

// The tab shows another page: whatever matched the old one is gone. The signal is the tab's own URL
// changing (`change.url`), not a "loading" status: that status also fires when any frame of the
// page loads a document (an ad slot, an embed, a page rewriting our sidebar frame's src), which
// must not erase the match (issue 16). webNavigation.onCommitted with frameId 0 would tell exactly,
// but needs a permission that warns "read your browsing history"; the URL is what the tab shows.
// A reload keeps the URL: the new document's content script reports it again, replacing the match.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.url === undefined) return;
  onTabUrl(tabId, change.url).catch((error: unknown) => logProblem('tab navigated', error));
});

browser.tabs.onRemoved.addListener((tabId) => {
  clearTabState(tabId).catch((error: unknown) => logProblem('tab closed', error));
});

// The debugging console and the e2e suite reach the command and menu handlers (and the problem log) here: shortcuts and
// native menus cannot be driven from automation, and the service worker's global is not visible to pages.
// `indexLoads`: whether this worker has loaded the engine's index (a cold URL-key answer must not);
// `traffic`: what pages sent and what was injected (the gate's e2e test).
Object.assign(globalThis, { storyline: { onCommand, onMenuClicked, problems: readProblems, indexLoads, traffic } });
