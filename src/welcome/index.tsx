// Entry of welcome.html: wires the real browser into the welcome app.
import { render } from 'preact';
import { browser, fromExtension, type Runtime } from '../shared/browser';
import { validateDirectory } from '../formats/directory';
import { localizeDocument, t } from '../shared/i18n';
import { isFeedBatchProgress } from '../contracts/source-events';
import { onSourcesChanged } from '../shared/sources-changed';
import { callBackground } from '../shared/messaging';
import { followTheme } from '../ui/theme';
import { App } from './App';
import type { WelcomeDeps } from './deps';
import './welcome.css';

const deps: WelcomeDeps = {
  call: callBackground,
  async loadDirectory() {
    const response = await fetch(browser.runtime.getURL('directory/outlets.json'));
    const checked = validateDirectory(await response.json());
    if (!checked.ok) throw new Error(`the directory is invalid: ${checked.errors.slice(0, 3).join('; ')}`);
    return checked.directory;
  },
  requestHosts: (origins) => (origins.length ? browser.permissions.request({ origins }) : Promise.resolve(true)),
  onProgress(listener) {
    const handle = (message: unknown, sender: Runtime.MessageSender): undefined => {
      if (isFeedBatchProgress(message) && fromExtension(sender)) listener(message.sources, message.landed ?? null);
      return undefined;
    };
    browser.runtime.onMessage.addListener(handle);
    return () => browser.runtime.onMessage.removeListener(handle);
  },
  onSourcesChanged,
  openOptions: () => void browser.runtime.openOptionsPage(),
};

localizeDocument(document);
followTheme(document.documentElement);
document.title = t('welcomeTitle');
const root = document.getElementById('app');
if (root) render(<App deps={deps} />, root);
