// The element that carries Storyline in the page, made so that the page can neither pre-empt nor
// bury it (issue 16): its tag is random per page, so a page cannot define it first as its own
// custom element; it is a manual popover shown in the top layer, above every z-index and out of
// reach of a transform on <html>/<body> that would move a fixed box out of view.
import { LAUNCHER_CSS } from './in-page-ui-style';

declare const __STORYLINE_BENCH__: boolean;

/**
 * Closed in what ships: with an open root the page could read the launcher's count ("4 other
 * reports", and so probe, rewriting itself topic by topic, what the reader's feeds hold), restyle
 * the sidebar to nothing over a button it wants clicked, or point the frame at a page of its own
 * that looks like ours (all three shown by the privacy audit in Chromium and Firefox). The
 * instrumented build the e2e suite drives keeps it open: its drivers step into the root to click the
 * launcher and read the frame; `test/e2e/closed-root.test.ts` checks the shipped build's.
 */
const SHADOW_MODE: ShadowRootMode = typeof __STORYLINE_BENCH__ !== 'undefined' && __STORYLINE_BENCH__ ? 'open' : 'closed';

/**
 * Marks the host for the e2e tests and the debugging console. Harmless to expose: a page can find
 * the host anyway (the first child of <html>) and cannot pre-empt an attribute.
 */
export const HOST_ATTRIBUTE = 'data-storyline';

// Set through the CSSOM with !important: a page stylesheet cannot hide or move the host, and
// page CSP rules on inline style attributes do not apply to CSSOM changes.
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  'z-index': '2147483647',
  inset: 'auto 0 0 auto',
  width: '0',
  height: '0',
  overflow: 'visible',
  display: 'block',
};

/**
 * A custom-element name the page cannot guess: six letters, a hyphen, eight letters (never one of
 * the names HTML reserves, such as font-face or annotation-xml).
 */
function randomTag(): string {
  const letters = (n: number): string => Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => String.fromCharCode(97 + (b % 26))).join('');
  return `${letters(6)}-${letters(8)}`;
}

const HOST_TAG = /^[a-z]{6}-[a-z]{8}$/i;

/**
 * An element's shadow root, closed ones too, as a content script may see them: Firefox gives
 * elements `openOrClosedShadowRoot`, Chrome `chrome.dom.openOrClosedShadowRoot()`; elsewhere only
 * an open root is seen.
 */
function shadowOf(element: Element): ShadowRoot | null {
  const own = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (own !== undefined) return own;
  const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(element: Element): ShadowRoot | null } } }).chrome?.dom;
  return typeof dom?.openOrClosedShadowRoot === 'function' ? dom.openOrClosedShadowRoot(element) : element.shadowRoot;
}

function isHostShaped(element: Element): boolean {
  return HOST_TAG.test(element.localName) && element.getAttribute(HOST_ATTRIBUTE) === '' && shadowOf(element) !== null;
}

/**
 * Takes a host an earlier version left out of the page. Hidden and made inert before it is
 * removed: versions before 2026-12-06 put their host back whenever it left <html>, orphaned or
 * not, and one put back must neither show (its launcher over ours, pressed in vain) nor take the
 * first Tab stop. Their watch was of <html>'s children only: what is set on the host stays.
 */
function leave(stale: Element): void {
  if (stale instanceof HTMLElement) {
    stale.setAttribute('inert', '');
    stale.style.setProperty('display', 'none', 'important');
    if (typeof stale.hidePopover === 'function' && stale.matches(':popover-open')) stale.hidePopover();
  }
  stale.remove();
}

/** A new host with its shadow root and our styles in it; not yet in the page. */
export function createHost(): { host: HTMLElement; shadow: ShadowRoot } {
  // What a version of Storyline updated or switched off since left in the page (its script cut
  // off, its launcher dead): only one content script runs in a frame, so no other host is live.
  // Only an element made as ours is made: a child of <html>, a tag of our pattern, the bare
  // attribute, a shadow root. A page's own `data-storyline` elements are the page's.
  for (const stale of [...document.documentElement.children]) if (isHostShaped(stale)) leave(stale);
  const host = document.createElement(randomTag());
  host.setAttribute(HOST_ATTRIBUTE, '');
  setHostStyle(host);
  const shadow = host.attachShadow({ mode: SHADOW_MODE });
  const style = document.createElement('style');
  style.textContent = LAUNCHER_CSS;
  shadow.append(style);
  return { host, shadow };
}

/** The host's inline style as we set it, to tell a page's change to it (one string for every host). */
let madeStyle: string | null = null;

/**
 * Whether the page changed the host itself (the light-DOM element it can reach, closed root or
 * not): an attribute of its own (`hidden`, `inert`, a class its styles target), our inline style
 * (`opacity: 0 !important` over the open sidebar made a button under it the reader's next click),
 * or the top layer left.
 */
export function hostAltered(host: HTMLElement): boolean {
  const names = host.getAttributeNames();
  if (names.some((name) => name !== HOST_ATTRIBUTE && name !== 'style' && name !== 'popover')) return true;
  if (madeStyle !== null && host.style.cssText !== madeStyle) return true;
  return typeof host.showPopover === 'function' && host.isConnected && !host.matches(':popover-open');
}

/** Puts the host back as createHost and attachHost made it, where it stands (moving it would close its popover). */
export function restoreHost(host: HTMLElement): void {
  for (const name of host.getAttributeNames()) if (name !== HOST_ATTRIBUTE && name !== 'popover') host.removeAttribute(name);
  setHostStyle(host);
  if (typeof host.showPopover !== 'function') return;
  host.popover = 'manual';
  if (host.isConnected && !host.matches(':popover-open')) host.showPopover();
}

function setHostStyle(host: HTMLElement): void {
  host.removeAttribute('style');
  for (const [name, value] of Object.entries(HOST_STYLE)) host.style.setProperty(name, value, 'important');
  madeStyle ??= host.style.cssText;
}

/** Puts the host first in <html> (again) and lifts it into the top layer. */
export function attachHost(host: HTMLElement): void {
  // documentElement, not body: page rules such as `body > *` never reach the host. First, before
  // <head>, not last: an element after <body> turns off the page's `body:last-child` and
  // `html > :last-child` rules and moves its layout; before <head> it changes only what counts
  // from the start (`body:nth-child(2)`), and `head + body` still holds.
  document.documentElement.prepend(host);
  // Chromium 114+ and Firefox 125+ (this extension needs 116 and 140); without the Popover API the
  // fixed host stays as it is.
  if (typeof host.showPopover !== 'function') return;
  host.popover = 'manual';
  if (!host.matches(':popover-open')) host.showPopover();
}
