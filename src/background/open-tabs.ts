// Tabs already open when Storyline is installed, updated or switched back on. Chrome runs a
// manifest's content scripts only in pages loaded after that (Firefox also runs them in the tabs
// already open), so a reader who installs, chooses news sources and goes back to the article they
// were reading found nothing there until a reload; an update cuts the old version's scripts off the
// same way (they leave the page: content/index.ts). The gate is put into each open http(s) tab that
// does not have it, once: it then does what it does on any page load (an article gets the
// extraction bundle, and its launcher once a story holds it: tab-refresh.ts).
import { gateState, withinTime, type Scripting } from './extraction';
import type { BackgroundTabs, StorageArea } from './browser-api';
import { logProblem } from './log';
import { cleanUrl } from '../formats/url';

/** The gate script, as scripts/build.ts names it and the manifest registers it. */
export const GATE_FILE = 'gate.js';

const scriptable = (url: string | undefined): boolean => url !== undefined && /^https?:\/\//i.test(url);

/**
 * A tab that cannot answer holds up no other: a probe or an injection waits until the page can run
 * scripts, which a page still loading or showing a dialog (`alert()`) does not; with 40 tabs open
 * and such a tab first, no other tab got Storyline at all.
 */
const TAB_MS = 3_000;
/** Tabs looked at together: a few, so one slow page costs the rest little, and no burst of 40. */
const AT_ONCE = 4;

/** Puts the gate into every open http(s) tab that has none; answers how many got it in time. */
export async function gateOpenTabs(tabs: Pick<BackgroundTabs, 'query'>, scripting: Scripting, { tabMs = TAB_MS, atOnce = AT_ONCE } = {}): Promise<number> {
  // A discarded or unloaded tab has no page to script; it loads, gate and all, when the reader opens it.
  const queue = (await tabs.query({ url: ['http://*/*', 'https://*/*'] })).flatMap((tab) =>
    tab.id !== undefined && !tab.discarded && tab.status !== 'unloaded' && scriptable(tab.url) ? [tab.id] : [],
  );
  let given = 0;
  const one = async (tabId: number): Promise<void> => {
    // Only where the gate could run and does not: not where it runs, nor where no extension may
    // script. A tab that does not answer in time gets the gate all the same: the injection waits
    // for the page, and a copy arriving where the gate already runs leaves at once (gate/index.ts).
    const state = await withinTime(gateState(scripting, tabId), tabMs);
    if (state === 'runs' || state === 'refused') return;
    const injected = scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [GATE_FILE] }).then(
      () => true,
      // A page no extension may script (a store, an error page) or whose host access was withdrawn.
      (error: unknown) => (logProblem(`gate for open tab ${tabId}`, error), false),
    );
    if ((await withinTime(injected, tabMs)) === true) given++;
  };
  const worker = async (): Promise<void> => {
    for (let tabId = queue.shift(); tabId !== undefined; tabId = queue.shift()) await one(tabId);
  };
  await Promise.all(Array.from({ length: atOnce }, worker));
  return given;
}

/** Set in the session area once this run of the extension has looked at the open tabs. */
export const TAKEN_OVER_KEY = 'open-tabs-taken-over';

/**
 * The open tabs looked at once per run of the extension: at its first start after an install, an
 * update, being switched back on (Chrome fires no event for that: 40 tabs open meanwhile had no
 * Storyline until each was reloaded) or a browser start (where the tabs' own loads have given them
 * the gate, and each answers at once). The session area is emptied at each of those and kept
 * while the worker sleeps and wakes, so a woken worker does not look again.
 */
export async function takeOverOpenTabs(session: StorageArea, tabs: Pick<BackgroundTabs, 'query'>, scripting: Scripting): Promise<number> {
  if ((await session.get(TAKEN_OVER_KEY))[TAKEN_OVER_KEY]) return 0;
  await session.set({ [TAKEN_OVER_KEY]: true });
  await noteOpenBefore(session, tabs);
  return gateOpenTabs(tabs, scripting);
}

/** Each http(s) tab open as this run of the extension started, with its address (tab id → URL). */
export const OPEN_BEFORE_KEY = 'open-tabs-before';

/**
 * The pages already open when this run started (an update, being switched back on, a browser
 * start restoring the reader's tabs) are not new readings when they report themselves: a restart
 * tells its restored tabs by their load type (content/index.ts), but an updated extension's new
 * scripts in an open page cannot, and dated every open article in the reading history to the update.
 */
async function noteOpenBefore(session: StorageArea, tabs: Pick<BackgroundTabs, 'query'>): Promise<void> {
  const open = await tabs.query({ url: ['http://*/*', 'https://*/*'] });
  await session.set({ [OPEN_BEFORE_KEY]: Object.fromEntries(open.flatMap((tab) => (tab.id !== undefined && scriptable(tab.url) ? [[String(tab.id), tab.url]] : []))) });
}

/**
 * Whether tab `tabId`'s report of `url` (a cleaned address) is of the page it showed when this run
 * started: asked once per tab, its first report; a tab that moved to another page since reports
 * another address. Reports at once from many tabs may each write the record back: a tab left in
 * it counts a later report of that same page as come back too.
 */
export async function openBefore(session: StorageArea, tabId: number, url: string): Promise<boolean> {
  const noted: unknown = (await session.get(OPEN_BEFORE_KEY))[OPEN_BEFORE_KEY];
  if (typeof noted !== 'object' || noted === null) return false;
  const tabs = noted as Record<string, unknown>;
  const before = tabs[String(tabId)];
  if (typeof before !== 'string') return false;
  delete tabs[String(tabId)];
  await session.set({ [OPEN_BEFORE_KEY]: tabs });
  return cleanUrl(before) === url;
}
