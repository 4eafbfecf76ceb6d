// In-page (SPA) navigations: the document stays, the article changes. The Navigation API tells us
// where it exists; elsewhere a cheap URL comparison on popstate and a slow timer does.
const SETTLE_MS = 800;
const POLL_MS = 1_500;

interface NavigationLike extends EventTarget {
  addEventListener(type: 'navigatesuccess', listener: () => void, options?: AddEventListenerOptions): void;
}

/**
 * The page an address names: without its fragment. A footnote, "jump to comments" or a scroll-spy
 * moves the fragment within the page; looking again then closed an open sidebar and read the page
 * anew (the background too holds another fragment to be the same page).
 */
const pageOf = (href: string): string => href.split('#', 1)[0] ?? href;

/** Calls `onChange` once the page has settled after each change of page, until `signal` aborts. */
export function watchNavigation(onChange: () => void, signal: AbortSignal): void {
  let lastUrl = pageOf(location.href);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = (): void => {
    if (pageOf(location.href) === lastUrl) return;
    lastUrl = pageOf(location.href);
    clearTimeout(timer);
    timer = setTimeout(() => signal.aborted || onChange(), SETTLE_MS);
  };
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  if (navigation) {
    navigation.addEventListener('navigatesuccess', check, { signal });
  } else {
    addEventListener('popstate', check, { signal });
    const poll = setInterval(check, POLL_MS);
    signal.addEventListener('abort', () => clearInterval(poll), { once: true });
  }
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}

/**
 * Resolves once the page is the one the tab shows: at once, or when a page Chrome prerendered (a
 * search result, a link the site's speculation rules named) is activated. A prerendered page may
 * never be shown, and until then the browser names its frame with an id other than 0, which the
 * background refuses from a content script (background/sender.ts): an ask sent then is lost.
 */
export function whenShown(doc: Document = document): Promise<void> {
  if (!(doc as { prerendering?: boolean }).prerendering) return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('prerenderingchange', () => resolve(), { once: true }));
}

/** Resolves when the page is shown and the browser idle (or `timeout` after it is shown), so our work stays off the critical path. */
export async function whenIdle(timeout = 2_000): Promise<void> {
  await whenShown();
  return new Promise((resolve) => {
    if ('requestIdleCallback' in globalThis) requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 1);
  });
}

/**
 * How this document was loaded: 'reload', 'back_forward' (Back, Forward, and a tab the browser
 * restored after a restart, which the HTML standard reads as a history navigation), or 'navigate'.
 */
export function loadType(): string {
  const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return entry?.type ?? 'navigate';
}
