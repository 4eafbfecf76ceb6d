// The extraction bundle (content.js). Not registered on pages: the gate script (src/gate) runs on
// every page, and the background injects this bundle into the top frame only when the gate found an
// article there, or when the reader opens the sidebar on a page (background/extraction.ts). From
// then on it owns the page: it extracts, asks the background for a match, shows the launcher when a
// story matches, and follows in-page navigations and settings itself. Its lifetime is one
// AbortController: an in-page navigation or an extension update aborts it and removes everything it added.
import { browser, type Runtime } from '../shared/browser';
import { callBackground } from '../shared/messaging';
import type { Result } from '../contracts/call-result';
import { contentCalls } from '../contracts/content-calls';
import { dispatch, type Handlers } from '../contracts/dispatch';
import { MAX_PROBLEM_TEXT, type ExtractedArticle } from '../contracts/page-report';
import { isSiteOff, launcherAllowed, opensAutomatically, type Settings } from '../formats/settings';
import { onSettingsChanged, readSettings } from '../shared/settings-store';
import { afterInPageNavigation, extractArticle } from './extract';
import { passesGate } from './gate';
import { gateLink } from '../contracts/gate-link';
import { InPageUi } from './in-page-ui';
import { loadType, watchNavigation, whenIdle } from './navigation';
import { mark, measure, outcome } from './timing';

/** A failure of ours in the page, as the background's problem log keeps it (never the page's console). */
function report(what: string, error: unknown): void {
  const detail = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, MAX_PROBLEM_TEXT);
  callBackground('page/problem', { what: what.slice(0, MAX_PROBLEM_TEXT), detail }).catch(() => undefined);
}

const link = gateLink();
const lifetime = new AbortController();
const ui = new InPageUi({ ticket: () => callBackground('sidebar/ticket', {}), report, leftBehind });
let reported = false;
/** The settings as last read (null before the first read). */
let settings: Settings | null = null;

/** The extension was updated or removed: this script is orphaned, so it leaves the page. */
function isOrphaned(error: unknown): boolean {
  return error instanceof Error && /context invalidated|receiving end does not exist/i.test(error.message);
}

/**
 * The extension was switched off, updated or removed since this script came: Chrome tells a content
 * script nothing, and its launcher would stay on the page, opening a frame the browser now blocks.
 * Its API says so (no runtime id; in Firefox, a dead object that throws). Then this script leaves
 * the page as it found it. Asked when the reader comes back to the tab and presses the launcher.
 */
function leftBehind(): boolean {
  let id: string | undefined;
  try {
    id = browser.runtime.id;
  } catch {
    id = undefined;
  }
  if (id) return false;
  lifetime.abort();
  return true;
}

/** The page this document last reported (an in-page navigation reports another in the same document). */
let lastReported: ExtractedArticle | null = null;
/**
 * The count of other reports the background last gave this page (null: none, or not an article):
 * what the launcher shows when the reader switches from the side panel back to the page, without
 * reading the page again.
 */
let lastCount: number | null = null;

/**
 * After an in-page navigation the address often changes before the new article is in the page (the
 * site fetches it, then renders): a look then finds no article, or the previous one's text under
 * the new address, which would be reported as this page. It looks again a few times, a second
 * apart; only after an in-page navigation, so a page that is not an article costs nothing more.
 */
const LATE_LOOKS = 3;
const LATE_LOOK_MS = 1_000;

function look(): ExtractedArticle | null {
  // The gate script has just found an article at this address: no need to test the page twice.
  const isArticle = link.articleUrl === location.href || passesGate(document);
  link.articleUrl = null;
  measure('gate', 'start');
  const article = isArticle ? afterInPageNavigation(extractArticle(document, location.href), lastReported) : null;
  measure('extract', 'gate');
  return article;
}

const notInYet = (article: ExtractedArticle | null): boolean =>
  article === null || (lastReported !== null && article.url !== lastReported.url && article.text === lastReported.text);

/**
 * Whether a look is at a page come back rather than opened: the document's first look after a
 * reload, Back or Forward (a restored tab too), and every later look that is not an in-page
 * navigation (back from the back-forward cache, the site switched back on).
 */
function revisitOf(first: boolean, navigated: boolean): boolean {
  if (navigated) return false;
  if (!first) return true;
  const type = loadType();
  return type === 'reload' || type === 'back_forward';
}

/** No look made yet in this document. */
let firstLook = true;

async function analyse(signal: AbortSignal, navigated: boolean): Promise<void> {
  const revisit = revisitOf(firstLook, navigated);
  firstLook = false;
  await whenIdle();
  if (signal.aborted) return;
  settings = await readSettings();
  // Another look began meanwhile (an in-page navigation while this one waited): it answers for the page.
  if (signal.aborted) return;
  if (isSiteOff(settings, location.hostname)) {
    // Switched off with the page reported: the background forgets it (its story, the badge).
    if (reported) await callBackground('page/left', {});
    reported = false;
    return outcome('off');
  }
  ui.setLayout(settings);
  mark('start');
  let article = look();
  for (let tries = 0; navigated && tries < LATE_LOOKS && notInYet(article); tries++) {
    await new Promise((resolve) => setTimeout(resolve, LATE_LOOK_MS));
    if (signal.aborted) return;
    article = look();
  }
  if (!article) {
    // Nothing was sent for this page; after an in-page navigation, tell the background to forget.
    if (reported) await callBackground('page/left', {});
    reported = false;
    return outcome('not-article');
  }
  reported = true;
  lastReported = article;
  const answer = await callBackground('article/found', { article, revisit });
  measure('message', 'extract');
  measure('total', 'start');
  if (signal.aborted) return;
  lastCount = answer ? answer.count : null;
  // With the browser's side panel chosen, nothing is put over the article: the badge tells.
  if (!answer || settings.surface === 'panel') {
    ui.hideLauncher();
    return outcome(answer ? 'matched' : 'no-match');
  }
  ui.showLauncher(answer.count);
  if (opensAutomatically(settings, location.hostname)) ui.openSidebar(false);
  outcome('matched');
}

function run(signal: AbortSignal, navigated = false): void {
  analyse(signal, navigated)
    // The benchmark's end of the page's work (bench build only).
    .finally(() => mark('done'))
    .catch((error: unknown) => {
      if (isOrphaned(error)) return lifetime.abort();
      // The page moved on meanwhile (an in-page navigation): what failed was about the page left.
      if (signal.aborted) return;
      // Anything else stays out of the page's console, and goes to the background's problem log.
      report('page analysis', error);
      outcome('error');
    });
}

/** The background's calls (contracts/content-calls.ts). */
const handlers: Handlers<typeof contentCalls, void> = {
  // The match changed under an open sidebar (stories refreshed, the reader's answer): it shows the new one.
  async 'launcher/show'({ count }) {
    lastCount = count;
    if (settings && launcherAllowed(settings, location.hostname)) ui.showLauncher(count);
    ui.refreshSidebar();
    return null;
  },
  async 'launcher/hide'() {
    lastCount = null;
    ui.hideLauncher();
    ui.refreshSidebar();
    return null;
  },
  // Asked for with a search or a story to show: an open sidebar shows it.
  async 'sidebar/open'() {
    // Nothing opens where the reader switched Storyline off (the keyboard shortcut still reaches us).
    // Injected by this very request (a page loaded while the site was off has no bundle), this
    // script has not read the settings yet: it reads them rather than open on an off site.
    const current = settings ?? (await readSettings());
    if (isSiteOff(current, location.hostname)) return null;
    ui.refreshSidebar();
    ui.openSidebar();
    return null;
  },
  async 'sidebar/close'() {
    ui.closeSidebar();
    return null;
  },
};

function onMessage(message: unknown, sender: Runtime.MessageSender): Promise<Result<unknown>> | undefined {
  // Only our own background talks to us; it has no tab, unlike another content script.
  if (sender.id !== browser.runtime.id || sender.tab) return undefined;
  return dispatch(contentCalls, handlers, message, 'background', undefined);
}

function start(): void {
  // Injected twice (the gate's request and the reader's sidebar at once): the second does nothing.
  if (window.top !== window || link.extraction) return;
  link.extraction = true;
  link.handOver();
  browser.runtime.onMessage.addListener(onMessage);
  lifetime.signal.addEventListener('abort', () => {
    // A dead extension's API may throw (Firefox); the page is cleaned up all the same.
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // gone with the extension
    }
    ui.destroy();
  });
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && leftBehind(), { signal: lifetime.signal });
  let page = new AbortController();
  lifetime.signal.addEventListener('abort', () => page.abort());
  const restart = (navigated = false): void => {
    page.abort();
    page = new AbortController();
    lastCount = null;
    ui.newPage();
    run(page.signal, navigated);
  };
  watchNavigation(() => restart(true), lifetime.signal);
  // Back (or forward) to this page from the browser's back-forward cache: the tab showed another
  // page meanwhile, and the background forgot this one (its badge, its story), while the launcher
  // stayed in the page. Look again, as a load would.
  addEventListener('pageshow', (event) => event.persisted && restart(), { signal: lifetime.signal });
  // "Off on this site" (or on again) and the choice of surface take effect at once, without a reload;
  // side and width move what is shown. Only the first reads the page again: another surface shows
  // the answer the page has (every open article reading itself again at a surface change was 40
  // extractions and 40 reads recorded again with 40 tabs open).
  onSettingsChanged((next) => {
    const before = settings;
    if (!before) return;
    settings = next;
    const host = location.hostname;
    if (isSiteOff(next, host) !== isSiteOff(before, host)) return restart();
    ui.setLayout(next);
    if (next.surface === before.surface || isSiteOff(next, host)) return;
    if (next.surface === 'panel') {
      ui.closeSidebar();
      ui.hideLauncher();
    } else if (lastCount !== null) ui.showLauncher(lastCount);
  }, lifetime.signal);
  run(page.signal);
}

start();
