// The background, started with the browser it was given (index.ts gives the real one, Node tests a
// fake). Every listener is registered synchronously, before anything is awaited, so an event that
// wakes the worker finds its listener.
import type { BackgroundBrowser, Menus, Tabs } from './browser-api';
import type { ReadPackFile } from './builtin-pack-install';
import { onCommand } from './commands';
import { createMenus, onMenuClicked } from './context-menu';
import { createHandlers, onTabUrl } from './handlers';
import { logProblem } from './log';
import { indexLoads, onStoriesChanged } from './matcher';
import type { ProblemRecord } from './problems';
import { createRouter } from './router';
import { createServices, type Services } from './services';
import { installBenchHook } from './sources/bench-hook';
import { traffic } from './traffic';
import { refreshTabMatches } from './tab-refresh';
import { takeOverOpenTabs } from './open-tabs';
import { afterBurst } from './after-burst';
import { openWelcome } from './welcome';

/** What the debugging console and the e2e suite reach (index.ts puts it on the global). */
export interface BackgroundHooks {
  onCommand: (command: string, tab?: Tabs.Tab) => Promise<void>;
  onMenuClicked: (info: Menus.OnClickData, tab: Tabs.Tab | undefined) => Promise<void>;
  problems: () => Promise<ProblemRecord[]>;
  indexLoads: typeof indexLoads;
  traffic: typeof traffic;
  /** The services the listeners work with (Node tests read tab state through them). */
  services: Services;
}

export function startBackground(browser: BackgroundBrowser, readPackaged?: ReadPackFile): BackgroundHooks {
  const services = createServices(browser, readPackaged);
  const { badge, ensureBuiltinPacks, alarms, surface, states } = services;
  const route = createRouter({ runtime: browser.runtime, states, handlers: createHandlers(services) });
  const menuDeps = { scripting: browser.scripting, states, surface, badge, ensureBuiltinPacks };
  const hooks: BackgroundHooks = {
    onCommand: (command, tab) => onCommand({ tabs: browser.tabs, surface, badge }, command, tab),
    onMenuClicked: (info, tab) => onMenuClicked(menuDeps, info, tab),
    problems: () => services.problems.read(),
    indexLoads,
    traffic,
    services,
  };

  // The tab shows another page: whatever matched the old one is gone. The signal is the tab's own URL
  // changing (`change.url`), not a "loading" status: that status also fires when any frame of the
  // page loads a document (an ad slot, an embed, a page rewriting our sidebar frame's src), which
  // must not erase the match (issue 16). webNavigation.onCommitted with frameId 0 would tell exactly,
  // but needs a permission that warns "read your browsing history"; the URL is what the tab shows.
  // A reload keeps the URL: the new document's content script reports it again, replacing the match.
  // (These two listeners return their work: the browser ignores it, a Node test awaits it.)
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url === undefined) return;
    return onTabUrl(services, tabId, change.url).catch((error: unknown) => logProblem('tab navigated', error));
  });

  browser.tabs.onRemoved.addListener((tabId) => states.clear(tabId).catch((error: unknown) => logProblem('tab closed', error)));
  browser.tabs.onReplaced?.addListener((_added, removed) => states.clear(removed).catch((error: unknown) => logProblem('tab replaced', error)));

  // After stories changed (a feed refresh, a pack update), once a burst of changes is over: the
  // follow badge, and each open tab's count and launcher (tab-refresh.ts).
  const refreshFollowBadge = afterBurst('follow badge', (database) => badge.showFollow(database));
  const refreshTabs = afterBurst('open tabs after stories changed', (database) => refreshTabMatches(services, database));
  onStoriesChanged(() => {
    refreshFollowBadge(1_000);
    refreshTabs(1_000);
  });

  // Once per worker: a browser update fires onStartup and onInstalled ('browser_update' in Firefox,
  // 'chrome_update' in Chrome) in the same start, and two menu builds at once would race
  // removeAll() against create() ("Cannot create item with duplicate id").
  let started = false;
  const whenStarted = (): void => {
    if (started) return;
    started = true;
    void ensureBuiltinPacks();
    refreshFollowBadge(0);
    if (browser.contextMenus) createMenus(browser.contextMenus, browser.runtime).catch((error: unknown) => logProblem('context menu', error));
    alarms.schedule().catch((error: unknown) => logProblem('source alarms', error));
    // An import whose worker stopped between its commit and its end (import-receipts.ts).
    void services.imports.finishPending();
  };
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run: the reader chooses news sources, or Storyline knows only the starter story.
    if (reason === 'install') openWelcome(browser).catch((error: unknown) => logProblem('welcome page', error));
    whenStarted();
  });
  // The browser does not keep a badge across restarts: whenStarted() shows it again.
  browser.runtime.onStartup.addListener(whenStarted);
  // Absent without the `alarms` permission: sources then refresh only when the reader asks.
  browser.alarms?.onAlarm.addListener(alarms.onAlarm);

  browser.runtime.onMessage.addListener(route);

  // Absent in Firefox for Android (browser-api.ts): the rest of the background runs all the same.
  browser.contextMenus?.onClicked.addListener((info, tab) => void hooks.onMenuClicked(info, tab));
  browser.commands?.onCommand.addListener((command, tab) => void hooks.onCommand(command, tab));
  surface.watch(browser.keptChoice);
  installBenchHook(services.serially);
  // The pages the reader already had open get the gate a page load would have given them, once per
  // run of the extension (open-tabs.ts): after an install, an update (which cuts the old version's
  // scripts off) or being switched back on.
  takeOverOpenTabs(browser.storage.session, browser.tabs, browser.scripting).catch((error: unknown) => logProblem('open tabs', error));

  return hooks;
}
