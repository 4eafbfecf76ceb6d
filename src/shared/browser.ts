// In shared/ because every process needs it: the content script, each page and src/background/index.ts.
// The one module that imports webextension-polyfill. Everything else imports `browser` from here,
// so the polyfill can be dropped once Chrome's promise-returning `chrome.*` covers what we use.
import browser, { type Runtime } from 'webextension-polyfill';

export type { Runtime, Tabs, Menus, Action } from 'webextension-polyfill';
export { browser };

/**
 * Whether a message came from this extension's own background or pages, not a tab's content
 * script (which can message extension pages too): what pages check before they believe a
 * background message that is not an answer.
 */
export function fromExtension(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.tab === undefined;
}
