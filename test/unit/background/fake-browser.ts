// A hand-written browser for the background's Node tests: the narrow BackgroundBrowser interface
// (src/background/browser-api.ts), in memory. Events keep their listeners so a test fires them as
// the browser would; storage copies what it stores (as the real areas serialise it); tabs, badges,
// content-script calls, injections and broadcasts are recorded for the test to read. It is not the
// polyfill and does not try to be: the real browsers are the e2e suite's.
import type { BackgroundBrowser, BackgroundMenus, BrowserEvent, StorageArea, Tabs } from '../../../src/background/browser-api';

export const EXTENSION_ID = 'storyline-test-id';
export const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

/** An event whose listeners the test calls; `fire` answers what each listener returned. */
export class FakeEvent<A extends unknown[]> implements BrowserEvent<(...args: A) => unknown> {
  readonly listeners: ((...args: A) => unknown)[] = [];
  addListener(listener: (...args: A) => unknown): void {
    this.listeners.push(listener);
  }
  removeListener(listener: (...args: A) => unknown): void {
    const at = this.listeners.indexOf(listener);
    if (at >= 0) this.listeners.splice(at, 1);
  }
  fire(...args: A): unknown[] {
    return this.listeners.map((listener) => listener(...args));
  }
}

type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;

class FakeArea implements StorageArea {
  readonly items = new Map<string, unknown>();
  constructor(
    private readonly name: string,
    private readonly changed: FakeEvent<[StorageChanges, string]>,
  ) {}
  async get(keys?: null | string | string[] | Record<string, unknown>): Promise<Record<string, unknown>> {
    const wanted = keys === null || keys === undefined ? [...this.items.keys()] : typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
    return Object.fromEntries(wanted.filter((key) => this.items.has(key)).map((key) => [key, structuredClone(this.items.get(key))]));
  }
  async set(items: Record<string, unknown>): Promise<void> {
    const changes: StorageChanges = {};
    for (const [key, value] of Object.entries(items)) {
      changes[key] = { oldValue: this.items.get(key), newValue: structuredClone(value) };
      this.items.set(key, structuredClone(value));
    }
    this.changed.fire(changes, this.name);
  }
  async remove(keys: string | string[]): Promise<void> {
    const changes: StorageChanges = {};
    for (const key of [keys].flat()) {
      if (!this.items.has(key)) continue;
      changes[key] = { oldValue: this.items.get(key) };
      this.items.delete(key);
    }
    this.changed.fire(changes, this.name);
  }
}

/** A tab as the fake keeps it: the polyfill's Tab with the fields the type requires. */
export function fakeTab(id: number, url: string, extra: Partial<Tabs.Tab> = {}): Tabs.Tab {
  return { id, url, title: url, index: id, highlighted: false, active: true, pinned: false, incognito: false, ...extra };
}

export interface ContentCall {
  tabId: number;
  message: unknown;
  frameId: number | undefined;
}

export function fakeBrowser() {
  const openTabs = new Map<number, Tabs.Tab>();
  const storageChanged = new FakeEvent<[StorageChanges, string]>();
  /** Badge text per tab, and under 'global' the text shown where a tab has none of its own. */
  const badges = new Map<number | 'global', string | null>();
  const contentCalls: ContentCall[] = [];
  const broadcasts: unknown[] = [];
  const injections: unknown[] = [];
  const panelsOpened: number[] = [];
  /** Tooltip per tab, and under 'global' the one shown where a tab has none of its own. */
  const titles = new Map<number | 'global', string>();
  /**
   * Chrome's side panel: enabled (the manifest's default_path) until the background keeps the
   * reader's choice; open() refuses while it is disabled, as Chrome does (side_panel_api.cc).
   */
  const sidePanel = { enabled: true };

  const browser = {
    runtime: {
      id: EXTENSION_ID,
      getURL: (path: string) => `${ORIGIN}${path.replace(/^\//, '')}`,
      async sendMessage(message: unknown) {
        broadcasts.push(message);
        return undefined;
      },
      onInstalled: new FakeEvent<[{ reason: 'install' | 'update' | 'browser_update'; temporary: boolean }]>(),
      onStartup: new FakeEvent<[]>(),
      onMessage: new FakeEvent<Parameters<Parameters<BackgroundBrowser['runtime']['onMessage']['addListener']>[0]>>(),
    },
    tabs: {
      async get(tabId: number) {
        const tab = openTabs.get(tabId);
        if (!tab) throw new Error(`No tab with id: ${tabId}.`);
        return tab;
      },
      async query() {
        return [...openTabs.values()];
      },
      async create(properties: { url?: string }) {
        const tab = fakeTab(Math.max(0, ...openTabs.keys()) + 1, properties.url ?? 'about:blank');
        openTabs.set(tab.id!, tab);
        return tab;
      },
      // The content script answers every call (a Result envelope, as content/ does).
      async sendMessage(tabId: number, message: unknown, options?: { frameId?: number }) {
        contentCalls.push({ tabId, message, frameId: options?.frameId });
        return { ok: true, value: null };
      },
      onUpdated: new FakeEvent<Parameters<Parameters<BackgroundBrowser['tabs']['onUpdated']['addListener']>[0]>>(),
      onRemoved: new FakeEvent<Parameters<Parameters<BackgroundBrowser['tabs']['onRemoved']['addListener']>[0]>>(),
      onReplaced: new FakeEvent<Parameters<Parameters<NonNullable<BackgroundBrowser['tabs']['onReplaced']>['addListener']>[0]>>(),
    },
    storage: {
      local: new FakeArea('local', storageChanged),
      session: new FakeArea('session', storageChanged),
      onChanged: storageChanged,
    },
    action: {
      async setBadgeText({ tabId, text }: { tabId?: number; text: string | null }) {
        badges.set(tabId ?? 'global', text);
      },
      async setBadgeBackgroundColor() {},
      async setTitle({ tabId, title }: { tabId?: number; title: string | null }) {
        if (title === null) titles.delete(tabId ?? 'global');
        else titles.set(tabId ?? 'global', title);
      },
      async getTitle({ tabId }: { tabId?: number }) {
        return (tabId !== undefined ? titles.get(tabId) : undefined) ?? titles.get('global') ?? 'Storyline';
      },
    },
    contextMenus: {
      create: () => 'menu',
      async removeAll() {},
      onClicked: new FakeEvent<Parameters<Parameters<BackgroundMenus['onClicked']['addListener']>[0]>>(),
    },
    commands: { onCommand: new FakeEvent<[string, Tabs.Tab | undefined]>() },
    scripting: {
      async executeScript(injection: unknown) {
        injections.push(injection);
        return [];
      },
    },
    permissions: { contains: async () => false },
    alarms: undefined,
    async openSidePanel({ tabId }: { tabId: number }) {
      if (!sidePanel.enabled) throw new Error(`No active side panel for tabId: ${tabId}`);
      panelsOpened.push(tabId);
    },
    keptChoice: {
      keep: async (choice: 'page' | 'panel') => void (sidePanel.enabled = choice === 'panel'),
      recall: () => 'browser' as const,
    },
  } satisfies BackgroundBrowser;

  return {
    browser,
    badges,
    titles,
    sidePanel,
    contentCalls,
    broadcasts,
    injections,
    panelsOpened,
    /** A tab the browser has open (tabs.get finds it) at `url`. */
    openTab(id: number, url: string, extra: Partial<Tabs.Tab> = {}): Tabs.Tab {
      const tab = fakeTab(id, url, extra);
      openTabs.set(id, tab);
      return tab;
    },
    closeTab(id: number): void {
      openTabs.delete(id);
    },
  };
}

export type FakeBrowser = ReturnType<typeof fakeBrowser>;
