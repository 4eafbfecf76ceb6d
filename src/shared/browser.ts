// In shared/ because every process needs it: the content script, each page and src/background/index.ts.
// The one module that imports webextension-polyfill. Everything else imports `browser` from here,
// so the polyfill can be dropped once Chrome's promise-returning `chrome.*` covers what we use.
import browser from 'webextension-polyfill';

export type { Runtime, Tabs, Menus, Action } from 'webextension-polyfill';
export { browser };
