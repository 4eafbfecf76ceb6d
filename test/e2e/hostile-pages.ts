// Pages for the rest of the hostile-page suite (hostile.test.ts, issue 16): a page that breaks the
// built-ins of its own world, a 100k-node article with a main-thread watch, a page that frames a
// report of another host, and structural CSS that reacts to any element added to <html>; plus the
// probes the tests read in those pages (element boxes, long tasks, the framed page's answer).

/** A demo report page with `inject` put first in its <head>, before any script of the page runs. */
export function variant(html: string, inject: string): string {
  return html.replace(/<head>/i, `<head>${inject}`);
}

/** `extra` put just before </body>. */
export function withBodyEnd(html: string, extra: string): string {
  return html.replace(/<\/body>/i, `${extra}</body>`);
}

/**
 * The page overwrites built-ins before any script of ours runs: each throws when called, except
 * addEventListener, which silently does nothing (a page that swallows listeners). Content scripts
 * run in an isolated world in both browsers and do not see these; a script of ours in the page's
 * world would. `__broken` keeps each replacement so the test can check the page's world is left
 * as the page made it (we neither repair nor wrap its globals).
 */
export const BREAKS_BUILTINS = `<script>
(() => {
  const broken = function () { throw new Error('built-in broken by the page'); };
  const swallow = function () {};
  const targets = [
    [Array.prototype, 'map', broken], [Array.prototype, 'forEach', broken], [Array, 'from', broken],
    [JSON, 'parse', broken], [JSON, 'stringify', broken],
    [Element.prototype, 'attachShadow', broken], [customElements, 'define', broken],
    [Function.prototype, 'bind', broken], [window, 'Promise', broken],
    [EventTarget.prototype, 'addEventListener', swallow],
    [document, 'createElement', broken], [Node.prototype, 'appendChild', broken], [Element.prototype, 'append', broken],
    [window, 'MutationObserver', broken], [HTMLElement.prototype, 'showPopover', broken],
    [CSSStyleDeclaration.prototype, 'setProperty', broken], [crypto, 'getRandomValues', broken],
    [window, 'requestIdleCallback', swallow], [window, 'postMessage', broken],
  ];
  for (const [owner, key, value] of targets) owner[key] = value;
  window.__broken = targets;
})();
</script>`;

/**
 * A button of the page that checks, when clicked, that every built-in it replaced is still its
 * replacement, and marks <body> with the outcome. (The drivers' own evaluations in the page's world
 * use some of these built-ins, so the page answers by itself; its handler is an attribute, since
 * addEventListener is gone.)
 */
export const BUILTINS_CHECK = `<button id="check-builtins" onclick="document.body.dataset.builtins = window.__broken.every(([owner, key, value]) => owner[key] === value) ? 'still-broken' : 'changed'">Check</button>`;

/**
 * Structural selectors that change when an element is added to <html> after <body>: with our host
 * appended, body is no longer html's last child, and the page's own layout moves.
 */
export const STRUCTURAL_CSS = '<style>body:last-child { margin: 40px; } html > :last-child { padding-top: 24px; } body:nth-last-child(1) .page { max-width: 700px; }</style>';

/**
 * The page's element boxes, in page coordinates (so a scroll does not count), with the document's
 * scroll size: everything in <body>, which is where the page's own layout lives.
 */
export const PAGE_BOXES = `(() => {
  const round = (n) => Math.round(n * 100) / 100;
  const boxes = [...document.body.querySelectorAll('*')].map((el) => {
    const r = el.getBoundingClientRect();
    return el.tagName + ' ' + [r.left + scrollX, r.top + scrollY, r.width, r.height].map(round).join(' ');
  });
  const b = document.body.getBoundingClientRect();
  return { body: [b.left + scrollX, b.top + scrollY, b.width, b.height].map(round).join(' '), scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight].join(' '), boxes };
})()`;

/** About 100,000 nodes of reader comments under the article (11 nodes a comment). */
export function bigComments(nodes = 100_000): string {
  const count = Math.ceil(nodes / 11);
  const one = (i: number): string => `<div class="c"><b>Reader ${i}</b><p>Comment number ${i} on this report, <a href="/">reply</a> <span>${i % 60} min</span></p></div>\n`;
  return `<section class="comments"><h2>Comments</h2>${Array.from({ length: count }, (_, i) => one(i)).join('')}</section>`;
}

/** Counts every node of the document (elements, text, comments). */
export const NODE_COUNT = `(() => { let n = 0; const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL); while (w.nextNode()) n++; return n; })()`;

/**
 * The page's watch on its main thread, from the first script of its <head>:
 * - `__longtasks`: Chromium's long tasks (> 50 ms, PerformanceObserver 'longtask');
 * - `__gaps`: in both browsers, every gap over 50 ms between ticks of a 10 ms timer, which no
 *   task of 50 ms or more can hide (Firefox has no long-task API);
 * - `__hostAt`: when an element with our attribute first appeared in <html>.
 */
export const MAIN_THREAD_WATCH = `<script>
(() => {
  window.__longtasks = []; window.__gaps = []; window.__hostAt = null;
  const observe = (type, into, map) => { try { new PerformanceObserver((list) => { for (const e of list.getEntries()) into.push(map(e)); }).observe({ type, buffered: true }); } catch (e) {} };
  observe('longtask', window.__longtasks, (e) => ({ start: Math.round(e.startTime), duration: Math.round(e.duration) }));
  let last = performance.now();
  const tick = () => { const now = performance.now(); if (now - last > 60) window.__gaps.push({ start: Math.round(last), duration: Math.round(now - last - 10) }); last = now; if (now < 60000) setTimeout(tick, 10); };
  setTimeout(tick, 10);
  new MutationObserver(() => { if (window.__hostAt === null && document.querySelector('[data-storyline]')) window.__hostAt = Math.round(performance.now()); }).observe(document.documentElement, { childList: true });
})();
</script>`;

export interface MainThread {
  longtasks: { start: number; duration: number }[];
  gaps: { start: number; duration: number }[];
  hostAt: number | null;
  /** Whether the browser has the long-task API (Chromium). */
  supported: boolean;
  /** The end of the page's own parsing (domContentLoadedEventEnd) and of its load event. */
  parsed: number;
  loaded: number;
}

export const READ_MAIN_THREAD = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return { supported: PerformanceObserver.supportedEntryTypes.includes('longtask'), longtasks: window.__longtasks, gaps: window.__gaps, hostAt: window.__hostAt, parsed: Math.round(nav.domContentLoadedEventEnd), loaded: Math.round(nav.loadEventEnd) };
})()`;

/**
 * An iframe of `frameUrl` (a report page of another host carrying FRAMED_ANSWERS), the listener set
 * before the frame can load: `window.__framed` resolves to the framed page's answer.
 */
export function frameOf(frameUrl: string, size: { width: number; height: number }): string {
  return `<script>
window.__framed = new Promise((resolve) => addEventListener('message', (e) => { if (e.data && e.data.framedAnswer) resolve(e.data.framedAnswer); }));
</script>
<iframe id="framed" src="${frameUrl}" style="display: block; border: 0; width: ${size.width}px; height: ${size.height}px"></iframe>`;
}

/** A page that is not an article: a line of text and `frame`. */
export function framingPage(title: string, frame: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><p>A page about something else, with a report in a frame.</p>${frame}</body></html>`;
}

/**
 * The framed page's answer, once it has loaded and the browser has been idle twice (after anything
 * of ours at document_idle would have looked at it): how many hosts of ours it holds. The idle
 * callbacks have a timeout longer than the gate's own (2 s): Chromium throttles an offscreen
 * cross-origin frame, which may then never be idle.
 */
export const FRAMED_ANSWERS = `<script>
addEventListener('load', () => requestIdleCallback(() => requestIdleCallback(() =>
  parent.postMessage({ framedAnswer: { hosts: document.querySelectorAll('[data-storyline]').length, url: location.href } }, '*'), { timeout: 3000 }), { timeout: 3000 }));
</script>`;
