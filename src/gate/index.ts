// The gate: the one content script registered on every http(s) page (top frame, document_idle).
// It carries no polyfill and no Readability, only what answers "is this page for Storyline at all?":
// the article gate (og:type, JSON-LD, Readability's readerability check), then "off on this site"
// from storage. On a page that is not an article it sends nothing, touches no extension API and adds
// no listener that messages the background; it keeps watching for an in-page (SPA) navigation, which
// may lead to an article (one exception: a reload that is no longer an article says so, gate-check.ts).
// The background asks its other questions about a page (is Storyline there, the page's head) with
// scripting.executeScript, not by message (background/extraction.ts). On an article it asks the
// background to inject the extraction bundle (content.js: Readability, the in-page UI, messaging),
// which then takes over. The steps and their order are in gate-check.ts.
import { passesGate } from '../content/gate';
import { gateLink, gatePresent } from '../contracts/gate-link';
import { loadType, watchNavigation, whenIdle } from '../content/navigation';
import { mark, outcome } from '../content/timing';
import { extApi } from './ext-api';
import { gateCheck } from './gate-check';

// A second copy in the same frame leaves at once: the background gives the gate to the tabs open at
// install (background/open-tabs.ts), where Firefox may be putting its own copy too, or the browser's
// copy may still be due on a page that was loading. The first copy's link is already on the global.
const second = gatePresent();
const link = gateLink();
/** The gate's watchers (navigation, settings): stopped when the extraction bundle takes over, or orphaned. */
const watchers = new AbortController();

/** The extension was updated or removed: its API is gone or refuses (Chrome), or its objects are dead (Firefox). */
const ORPHANED = /context invalidated|receiving end does not exist|no extension API|dead object/i;

/**
 * Orphaned, this script leaves the page. Any other failure is ours: it goes to the background's
 * problem log (a message only when something failed), never to the page's console.
 */
function failed(error: unknown): void {
  watchers.abort();
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (ORPHANED.test(detail)) return;
  outcome('error');
  extApi()
    .runtime.sendMessage({ type: 'page/problem', payload: { what: 'gate', detail: detail.slice(0, 500) } }) // 500: MAX_PROBLEM_TEXT, not imported (the gate carries no message module)
    .catch(() => undefined);
}

const run = gateCheck({
  idle: whenIdle,
  isArticle: () => {
    const article = passesGate(document);
    mark(article ? 'gate-article' : 'gate-other');
    return article;
  },
  host: location.hostname,
  storage: () => extApi().storage,
  ask: () => {
    link.articleUrl = location.href;
    return extApi().runtime.sendMessage({ type: 'page/article', payload: {} });
  },
  reloaded: () => loadType() === 'reload',
  forget: () => extApi().runtime.sendMessage({ type: 'page/left', payload: {} }),
  signal: watchers.signal,
  outcome,
  failed,
});

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

if (window.top === window && !second) {
  addEventListener('contextmenu', onContextMenu, { capture: true, passive: true });
  link.handOver = () => watchers.abort();
  watchNavigation(run, watchers.signal);
  run();
}
