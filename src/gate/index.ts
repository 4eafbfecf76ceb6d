// The gate: the one content script registered on every http(s) page (top frame, document_idle).
// It carries no polyfill and no Readability, only what answers "is this page for Storyline at all?":
// the article gate (og:type, JSON-LD, Readability's readerability check), then "off on this site"
// from storage. On a page that is not an article it sends nothing, touches no extension API and adds
// no listener that messages the background; it keeps watching for an in-page (SPA) navigation, which
// may lead to an article. The background asks its other questions about a page (is Storyline there,
// the page's head) with scripting.executeScript, not by message (background/extraction.ts). On an article it asks the background to inject the extraction bundle (content.js:
// Readability, the in-page UI, messaging), which then takes over (see background/extraction.ts).
import { passesGate } from '../content/gate';
import { gateLink } from '../contracts/gate-link';
import { watchNavigation, whenIdle } from '../content/navigation';
import { mark, outcome } from '../content/timing';
import { hostInList, SETTINGS_KEY } from '../formats/settings';
import { extApi } from './ext-api';

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
  const { storage } = extApi();
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'local' && SETTINGS_KEY in changes && !siteOff(changes[SETTINGS_KEY]?.newValue)) run();
  };
  storage.onChanged.addListener(onChanged);
  watchers.signal.addEventListener('abort', () => storage.onChanged.removeListener(onChanged), { once: true });
}

async function check(): Promise<void> {
  await whenIdle();
  if (watchers.signal.aborted || link.extraction) return;
  // The article test first: on a page that is not an article "off on this site" changes nothing, and
  // the extension APIs are not touched at all (their first use in a page costs milliseconds).
  if (!passesGate(document)) {
    mark('gate-other');
    return outcome('not-article');
  }
  mark('gate-article');
  const api = extApi();
  const stored = await api.storage.local.get(SETTINGS_KEY);
  if (siteOff(stored[SETTINGS_KEY])) {
    watchSiteOn();
    return outcome('off');
  }
  link.articleUrl = location.href;
  // The background checks the sender (this tab's top frame) and injects content.js into it.
  await api.runtime.sendMessage({ type: 'page/article', payload: {} });
}

/** The extension was updated or removed: its API is gone or refuses (Chrome), or its objects are dead (Firefox). */
const ORPHANED = /context invalidated|receiving end does not exist|no extension API|dead object/i;

function run(): void {
  check().catch((error: unknown) => {
    // Orphaned, this script leaves the page. Any other failure is ours: it goes to the background's
    // problem log (a message only when something failed), never to the page's console.
    watchers.abort();
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (ORPHANED.test(detail)) return;
    outcome('error');
    extApi()
      .runtime.sendMessage({ type: 'page/problem', payload: { what: 'gate', detail: detail.slice(0, 500) } }) // 500: MAX_PROBLEM_TEXT, not imported (the gate carries no message module)
      .catch(() => undefined);
  });
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
  addEventListener('contextmenu', onContextMenu, { capture: true, passive: true });
  link.handOver = () => watchers.abort();
  watchNavigation(run, watchers.signal);
  run();
}
