// What the gate script (every page) and the extraction bundle (injected into article pages only)
// share. Both are content scripts of this extension in the same frame, so they run in one isolated
// world: one object on its global, which the page's own scripts cannot see or reach.
export interface GateLink {
  /** The address the gate last found an article at, so the extraction bundle does not test it again. */
  articleUrl: string | null;
  /** Set by the extraction bundle as it starts: an injection that finds it set does nothing. */
  extraction: boolean;
  /** Stops the gate's own watchers: once loaded, the extraction bundle watches navigation and settings itself. */
  handOver(): void;
  /** The link under the reader's last right-click (Chrome's menu data lacks its text); kept here, never sent. */
  linkContext: LinkContext | null;
}

export interface LinkContext {
  href: string;
  text: string;
}

const KEY = '__storylineGate';

/** The one link of this frame's isolated world, made by whichever script asks first. */
export function gateLink(): GateLink {
  const scope = globalThis as { [KEY]?: GateLink };
  scope[KEY] ??= { articleUrl: null, extraction: false, handOver: () => undefined, linkContext: null };
  return scope[KEY];
}

// The functions below are run by the background in the page's isolated world (scripting.executeScript
// with `func`): each is serialised on its own, so it names the key itself and uses nothing outside.

/** Whether the gate runs in this frame: Storyline works on this page (the popup's question). */
export function gatePresent(): boolean {
  return typeof (globalThis as { __storylineGate?: unknown }).__storylineGate === 'object';
}

/** The page's head, for feed discovery: at most 500,000 characters. */
export function readHead(): string {
  return (document.head?.outerHTML ?? '').slice(0, 500_000);
}

/**
 * Run by the background in the page's isolated world (scripting.executeScript with `func`) when the
 * reader chose "Find related coverage" on a link: it is serialised, so it names the key itself.
 */
export function readLinkContext(): unknown {
  return (globalThis as { __storylineGate?: GateLink }).__storylineGate?.linkContext ?? null;
}
