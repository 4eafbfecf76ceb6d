// The browser as the background sees it: exactly the extension APIs it uses, and no more. The
// entry point (index.ts) is the one background module that loads the polyfill; it hands this
// object to startBackground(), which passes each module the part it needs. Node tests hand in a
// small fake instead, so the router, sender trust, tab state and handlers run without a browser.
// Only types come from webextension-polyfill here: the import is erased from the bundle.
import type { Action, Alarms, Commands, Menus, Permissions, Runtime, Scripting, Storage, Tabs } from 'webextension-polyfill';
import type { KeptChoice } from '../shared/side-panel';

export type { Menus, Runtime, Tabs };

/** An event as the background uses it: listeners are added, and (settings) removed again. */
export interface BrowserEvent<F> {
  addListener(listener: F): void;
  removeListener(listener: F): void;
}

type ListenerOf<E> = E extends { addListener(callback: infer F, ...params: never[]): void } ? F : never;
type EventOf<E> = BrowserEvent<ListenerOf<E>>;

/** A storage area (`storage.local`, `storage.session`) as far as the background reads and writes it. */
export type StorageArea = Pick<Storage.StorageArea, 'get' | 'set' | 'remove'>;

/** What answers a message: the router's Result envelope, always asynchronously. */
export type MessageListener = (message: unknown, sender: Runtime.MessageSender) => Promise<unknown>;

export interface BackgroundRuntime extends Pick<Runtime.Static, 'id' | 'getURL'> {
  /** The error of the last callback-style call (`contextMenus.create`), read inside its callback. */
  readonly lastError?: { message?: string } | null;
  /** A broadcast to the extension's open pages; rejected when none listens. */
  sendMessage(message: unknown): Promise<unknown>;
  onInstalled: EventOf<Runtime.Static['onInstalled']>;
  onStartup: EventOf<Runtime.Static['onStartup']>;
  onMessage: BrowserEvent<MessageListener>;
}

export interface BackgroundTabs extends Pick<Tabs.Static, 'get' | 'query' | 'create'> {
  /** A call to a tab's content script (background/content-calls.ts), answered in a Result envelope. */
  sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
  onUpdated: EventOf<Tabs.Static['onUpdated']>;
  onRemoved: EventOf<Tabs.Static['onRemoved']>;
  /**
   * A tab's page went to another tab id (Chrome's Memory Saver discards and prerendered pages): no
   * onRemoved for the old id. Optional: not every browser has it (MDN lists none for Firefox for Android).
   */
  onReplaced?: EventOf<Tabs.Static['onReplaced']>;
}

export interface BackgroundStorage {
  local: StorageArea;
  /** Memory only, gone with the browser session: tab state and the problem log. */
  session: StorageArea;
  onChanged: EventOf<Storage.Static['onChanged']>;
}

export interface BackgroundAlarms extends Pick<Alarms.Static, 'get' | 'create'> {
  onAlarm: EventOf<Alarms.Static['onAlarm']>;
}

export interface BackgroundBrowser {
  runtime: BackgroundRuntime;
  tabs: BackgroundTabs;
  storage: BackgroundStorage;
  action: Pick<Action.Static, 'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle' | 'getTitle'>;
  /**
   * Absent in Firefox for Android, which has no menus, commands or sidebar (MDN's compatibility
   * tables for `menus`, `commands` and `sidebarAction`), though the manifest opts into it.
   */
  contextMenus: BackgroundMenus | undefined;
  /** Absent in Firefox for Android (see contextMenus). */
  commands: { onCommand: EventOf<Commands.Static['onCommand']> } | undefined;
  scripting: Pick<Scripting.Static, 'executeScript'>;
  permissions: Pick<Permissions.Static, 'contains'>;
  /** Absent without the `alarms` permission: sources then refresh only when the reader asks. */
  alarms: BackgroundAlarms | undefined;
  /** Chrome's `sidePanel` or Firefox's `sidebarAction` (shared/side-panel.ts): call it from the reader's input. */
  openSidePanel(tab: { tabId: number }): Promise<void>;
  /**
   * Where the reader's surface choice is kept for an input handler to know it before any `await`,
   * even in a worker that the input has just woken (shared/side-panel.ts). Absent where nothing
   * keeps it: the panel is then opened only by a background that has read the settings.
   */
  keptChoice?: KeptChoice | undefined;
}

export type BackgroundMenus = Pick<Menus.Static, 'create' | 'removeAll'> & { onClicked: EventOf<Menus.Static['onClicked']> };
