// What the options page needs from the browser besides calls: asking for a source's host
// permission (from the click that adds it: a user gesture), hearing import progress, and hearing
// that sources changed (then it reads them again). Passed to
// the app as a value so the preview harness and unit tests can run it without an extension.
import { browser, fromExtension, type Runtime } from '../shared/browser';
import { isImportProgress, type ImportProgress } from '../contracts/source-events';
import { onSourcesChanged } from '../shared/sources-changed';
import { sourcePermission } from '../formats/source-request';
import { onSettingsChanged } from '../shared/settings-store';
import type { Settings } from '../formats/settings';

export interface OptionsPlatform {
  /**
   * Asks for the host permissions `urls` need, all in one prompt (a reader who withdrew Storyline's
   * access answers once, not once per source); answers whether every one is granted.
   */
  requestAccess(...urls: string[]): Promise<boolean>;
  /** Listens for import progress; answers the function that stops listening. */
  onImportProgress(listener: (progress: ImportProgress) => void): () => void;
  /** Listens for the background saying sources changed; answers the function that stops listening. */
  onSourcesChanged(listener: () => void): () => void;
  /**
   * Listens for the reader's settings changing anywhere (the popup's "Off on this site", another
   * options tab); answers the function that stops listening.
   */
  onSettingsChanged(listener: (settings: Settings) => void): () => void;
}

// Whether a granted origin match pattern (any scheme or http/https, any host, a host and its
// subdomains, or one host; the path is always everything for sources) covers `url`.
export function patternCovers(pattern: string, url: URL): boolean {
  const m = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
  if (!m) return false;
  const [, scheme, host] = m;
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  if (host === '*') return true;
  return host?.startsWith('*.') ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1)) : url.hostname === host;
}

/**
 * Origins granted now, kept current. Firefox honours permissions.request() only while it handles
 * the reader's input, so the click handler must not await anything first: what is already granted
 * is answered from here, synchronously.
 */
let granted: string[] = [];
const refresh = (): void => {
  browser.permissions.getAll().then((all) => (granted = all.origins ?? []), () => undefined);
};

export const browserPlatform: OptionsPlatform = {
  async requestAccess(...urls) {
    const origins = new Set<string>();
    for (const url of urls) {
      const origin = sourcePermission(url);
      if (!origin) return false;
      if (!granted.some((pattern) => patternCovers(pattern, new URL(url)))) origins.add(origin);
    }
    if (origins.size === 0) return true;
    // Called before anything is awaited: Firefox grants only while it handles the reader's click.
    const ok = await browser.permissions.request({ origins: [...origins] });
    refresh();
    return ok;
  },
  onImportProgress(listener) {
    const handle = (message: unknown, sender: Runtime.MessageSender): undefined => {
      if (isImportProgress(message) && fromExtension(sender)) listener(message);
      return undefined;
    };
    browser.runtime.onMessage.addListener(handle);
    return () => browser.runtime.onMessage.removeListener(handle);
  },
  onSettingsChanged(listener) {
    const stop = new AbortController();
    onSettingsChanged(listener, stop.signal);
    return () => stop.abort();
  },
  onSourcesChanged,
};

refresh();
browser.permissions.onAdded.addListener(refresh);
browser.permissions.onRemoved.addListener(refresh);
