// Entry of popup.html: wires the real browser into the popup app.
import { render } from 'preact';
import { browser } from '../shared/browser';
import { localizeDocument, t } from '../shared/i18n';
import { callBackground } from '../shared/messaging';
import { openSidePanel } from '../shared/side-panel';
import { tabStateKey } from '../formats/storage-schema';
import { followTheme } from '../ui/theme';
import { App } from './App';
import type { PopupDeps } from './deps';
import './popup.css';

// The polyfill's types give `windowTypes` only to getAll(), though getLastFocused() takes it too.
const NORMAL_WINDOWS: Parameters<typeof browser.windows.getAll>[0] = { windowTypes: ['normal'] };

const deps: PopupDeps = {
  call: callBackground,
  // The active tab of the last focused normal window: what the toolbar popup is about, and still
  // right when popup.html is opened in a window of its own (as the e2e tests do).
  async findTargetTab() {
    const win = await browser.windows.getLastFocused(NORMAL_WINDOWS);
    // Firefox may ignore the filter (deprecated there): then take the active tab of a normal window.
    const [tab] =
      win.type === 'normal' && win.id !== undefined
        ? await browser.tabs.query({ active: true, windowId: win.id })
        : await browser.tabs.query({ active: true, windowType: 'normal' });
    return tab?.id ?? null;
  },
  closePopup: () => window.close(),
  openPanel: (tabId) => openSidePanel({ tabId }),
  openWelcome() {
    void browser.tabs.create({ url: browser.runtime.getURL('welcome.html') }).then(() => window.close());
  },
  reloadTab(tabId) {
    void browser.tabs.reload(tabId).then(() => window.close());
  },
  watchTab(tabId, listener, signal) {
    // The background keeps each tab's page and match in session storage (tab-state.ts).
    const key = tabStateKey(tabId);
    const heard = (changes: Record<string, unknown>, area: string): void => {
      if (area === 'session' && key in changes) listener();
    };
    browser.storage.onChanged.addListener(heard);
    signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(heard), { once: true });
  },
};

localizeDocument(document);
followTheme(document.documentElement);
document.title = t('popupTitle');
const root = document.getElementById('app');
if (root) render(<App deps={deps} />, root);
