// The gate: the one content script registered on every http(s) page (top frame, document_idle).
// It carries no polyfill and no Readability, only what answers "is this page for Storyline at all?":
// "off on this site" from storage, then the article gate (og:type, JSON-LD, Readability's
// readerability check). On a page that is not an article it sends nothing and adds no listener that
// messages the background; it keeps watching for an in-page (SPA) navigation, which may lead to an
// article. On an article it asks the background to inject the extraction bundle (content.js:
// Readability, the in-page UI, messaging), which then takes over (see background/extraction.ts).
import { passesGate } from '../content/gate';
import { gateLink } from '../content/gate-link';
import { watchNavigation, whenIdle } from '../content/navigation';
import { hostInList, SETTINGS_KEY } from '../shared/settings';
import { extApi, type MessageSender } from './ext-api';

/** Feed links live in the head; a head larger than this is cut, not sent whole. */
const MAX_HEAD_CHARS = 500_000;

const api = extApi();
const link = gateLink();
/** The gate's watchers (navigation, "on again"): stopped when the extraction bundle takes over, or orphaned. */
const watchers = new AbortController();
let watchingSettings = false;

/** Whether the stored settings switch Storyline off on this page's host (or a parent domain). */
function siteOff(stored: unknown): boolean {
  const raw = typeof stored === 'object' && stored !== null ? (stored as { sitesOff?: unknown }).sitesOff : undefined;
  const sites = Array.isArray(raw) ? raw.filter((site): site is string => typeof site === 'string') : [];
  return hostInList(sites, location.hostname);
}

/** Only while the site is off: when the reader switches it on again, the page is looked at without a reload. */
function watchSiteOn(): void {
  if (watchingSettings) return;
  watchingSettings = true;
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'local' && SETTINGS_KEY in changes && !siteOff(changes[SETTINGS_KEY]?.newValue)) run();
  };
  api.storage.onChanged.addListener(onChanged);
  watchers.signal.addEventListener('abort', () => api.storage.onChanged.removeListener(onChanged), { once: true });
}

async function check(): Promise<void> {
  await whenIdle();
  if (watchers.signal.aborted) return;
  const stored = await api.storage.local.get(SETTINGS_KEY);
  if (siteOff(stored[SETTINGS_KEY])) {
    watchSiteOn();
    return;
  }
  if (link.extraction || !passesGate(document)) return;
  link.articleUrl = location.href;
  // The background checks the sender (this tab's top frame) and injects content.js into it.
  await api.runtime.sendMessage({ type: 'page/article', payload: {} });
}

function run(): void {
  check().catch(() => {
    // The extension was updated or removed (context invalidated): this script leaves the page.
    // Nothing of ours is logged in the page's console.
    watchers.abort();
  });
}

/**
 * The background's questions about any page: is a content script here (the popup), and the page's
 * head (feed discovery). Everything else (launcher, sidebar) is the extraction bundle's; the
 * background loads it first when the reader opens the sidebar on a page that is not an article.
 */
function onMessage(message: unknown, sender: MessageSender): Promise<unknown> | undefined {
  // Only our own background talks to us; it has no tab, unlike another content script.
  if (sender.id !== api.runtime.id || sender.tab) return undefined;
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  if (type === 'page/ping') return Promise.resolve({ ok: true, value: true });
  if (type === 'page/head') return Promise.resolve({ ok: true, value: (document.head?.outerHTML ?? '').slice(0, MAX_HEAD_CHARS) });
  return undefined;
}

/**
 * Chrome's context-menu data lacks the link text: the link under a real right-click is noted here,
 * in the isolated world, and the background reads it only if the reader then chooses "Find related
 * coverage" on that link (background/context-menu.ts). Nothing is sent on a right-click, and events
 * the page dispatches itself (isTrusted false) are ignored, so a page cannot choose the words.
 */
function onContextMenu(event: MouseEvent): void {
  if (!event.isTrusted) return;
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
  link.linkContext = anchor instanceof HTMLAnchorElement ? { href: anchor.href, text: (anchor.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 1_000) } : null;
}

if (window.top === window) {
  api.runtime.onMessage.addListener(onMessage);
  addEventListener('contextmenu', onContextMenu, { capture: true, passive: true });
  link.handOver = () => watchers.abort();
  watchNavigation(run, watchers.signal);
  run();
}
