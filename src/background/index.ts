// Background entry (Chrome service worker, Firefox event page), and the one background module that
// loads the browser (the polyfill, shared/browser.ts): it hands the APIs the background uses to
// startBackground(), which registers every listener synchronously at the top level, so an event
// that wakes the worker finds its listener. (The lint rule in eslint.config.js keeps it the only one.)
import { browser } from '../shared/browser';
import { keptChoice, openSidePanel } from '../shared/side-panel';
import type { BackgroundBrowser } from './browser-api';
import { startBackground } from './start';

const api: BackgroundBrowser = {
  runtime: browser.runtime,
  tabs: browser.tabs,
  storage: browser.storage,
  action: browser.action,
  // Absent in Firefox for Android (MDN: no menus, commands or sidebarAction there).
  contextMenus: (browser as { contextMenus?: typeof browser.contextMenus }).contextMenus,
  commands: (browser as { commands?: typeof browser.commands }).commands,
  scripting: browser.scripting,
  permissions: browser.permissions,
  // Absent without the `alarms` permission.
  alarms: (browser as { alarms?: typeof browser.alarms }).alarms,
  openSidePanel,
  keptChoice: keptChoice(),
};

const { onCommand, onMenuClicked, problems, indexLoads, traffic } = startBackground(api);

// The debugging console and the e2e suite reach the command and menu handlers (and the problem log) here: shortcuts and
// native menus cannot be driven from automation, and the service worker's global is not visible to pages.
// `indexLoads`: whether this worker has loaded the engine's index (a cold URL-key answer must not);
// `traffic`: what pages sent and what was injected (the gate's e2e test).
Object.assign(globalThis, { storyline: { onCommand, onMenuClicked, problems, indexLoads, traffic } });
