// Extraction on demand. The gate script runs on every page and carries no Readability; when it finds
// an article it asks here, and the background injects the extraction bundle (content.js) into that
// tab's top frame. The sidebar opened on a page that is not an article loads it the same way.
//
// Why `scripting.executeScript({ files })` and not a dynamic `import()` of a web-accessible module:
// - the bundle stays private: a web-accessible file can be fetched by any page to tell that
//   Storyline is installed (Chrome's `use_dynamic_url` only blurs that), and an import() from a
//   content script is subject to the page's CSP in Firefox;
// - the injected bundle runs in the gate's isolated world, so it shares the gate's verdict
//   (contracts/gate-link.ts) and nothing of it is visible to the page;
// - it works the same in Chrome and Firefox MV3. It needs the `scripting` permission (no warning)
//   and host access to the page: the same host permissions the gate itself needs to run at all, so
//   in Firefox, where the reader may withdraw them, a page where the gate runs is a page we may
//   inject into (a withdrawal in between makes the injection fail, which is logged, and nothing runs).
// The sender is the router's checked 'content' sender: a tab's top frame at an http(s) address.
import { gatePresent, readHead } from '../contracts/gate-link';
import type { BackgroundBrowser } from './browser-api';
import { requireTab, type Handlers } from './handler-types';
import { noteTraffic } from './traffic';

/** The scripting API, with which every function here reaches the tab. */
export type Scripting = BackgroundBrowser['scripting'];

/** The extraction bundle, as scripts/build.ts names it. */
export const EXTRACTION_FILE = 'content.js';

/**
 * Injects the extraction bundle into a tab's top frame: into the very document that asked when the
 * browser names it (a tab that navigated meanwhile gets nothing), else frame 0. A bundle already
 * there sees its own mark and does nothing.
 */
export async function injectExtraction(scripting: Scripting, tabId: number, documentId?: string): Promise<void> {
  const target = documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [0] };
  noteTraffic({ tabId, what: `inject ${EXTRACTION_FILE}`, url: '' });
  await scripting.executeScript({ target, files: [EXTRACTION_FILE] });
}

/**
 * Whether Storyline runs in the tab's top frame: `runs` (the gate is there); `absent` where an
 * extension may script the page but the gate never ran (a page opened before Storyline was
 * installed or switched back on); `refused` where no extension may (browser pages, the stores).
 */
export type GateState = 'runs' | 'absent' | 'refused';

/**
 * `work`'s answer, or 'late' once `ms` have passed. A probe of a page waits for it (scripts run once
 * the page is idle), which a page still loading, or showing an alert(), holds up as long as it likes.
 */
export function withinTime<T>(work: Promise<T>, ms: number): Promise<T | 'late'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(resolve, ms, 'late')));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export async function gateState(scripting: Scripting, tabId: number): Promise<GateState> {
  try {
    const [injection] = await scripting.executeScript({ target: { tabId, frameIds: [0] }, func: gatePresent });
    return injection?.result === true ? 'runs' : 'absent';
  } catch {
    return 'refused';
  }
}

/** The head of the page in a tab's top frame (feed discovery), as untrusted text. */
export async function pageHead(scripting: Scripting, tabId: number): Promise<string> {
  const [injection] = await scripting.executeScript({ target: { tabId, frameIds: [0] }, func: readHead });
  const head: unknown = injection?.result;
  return typeof head === 'string' ? head : '';
}

/**
 * `warm(url)`: told of an article page before its bundle is injected, the background starts loading
 * what answering it will need (the engine's index, after a worker start), so that it loads while
 * the bundle loads, waits for an idle moment and reads the page, rather than after. It resolves once
 * that load is started (a quick check, not the load); its failure never stops the injection.
 */
export function extractionHandlers(scripting: Scripting, warm: (pageUrl: string) => Promise<void>): Pick<Handlers, 'page/article'> {
  return {
    async 'page/article'(_payload, context) {
      if (context.url) await warm(context.url).catch(() => undefined);
      await injectExtraction(scripting, requireTab(context), context.documentId);
      return null;
    },
  };
}
