// Tabs already open when Storyline is installed or updated. Chrome runs a manifest's content
// scripts only in pages loaded after the install (Firefox also runs them in the tabs already open),
// so a reader who installs, chooses news sources and goes back to the article they were reading
// found nothing there until a reload; an update cuts the old version's scripts off the same way
// (they leave the page: content/index.ts). The gate is put into each open http(s) tab that does not
// have it, once: it then does what it does on any page load (an article gets the extraction bundle,
// and its launcher once a story holds it: tab-refresh.ts).
import { gateState, type Scripting } from './extraction';
import type { BackgroundTabs } from './browser-api';
import { logProblem } from './log';

/** The gate script, as scripts/build.ts names it and the manifest registers it. */
export const GATE_FILE = 'gate.js';

const scriptable = (url: string | undefined): boolean => url !== undefined && /^https?:\/\//i.test(url);

/** Puts the gate into every open http(s) tab that has none; answers how many got it. */
export async function gateOpenTabs(tabs: Pick<BackgroundTabs, 'query'>, scripting: Scripting): Promise<number> {
  let given = 0;
  for (const tab of await tabs.query({ url: ['http://*/*', 'https://*/*'] })) {
    // A discarded tab has no page to script; it loads again, gate and all, when the reader opens it.
    if (tab.id === undefined || tab.discarded || !scriptable(tab.url)) continue;
    // Only where the gate could run and does not: not where it runs, nor where no extension may script.
    if ((await gateState(scripting, tab.id)) !== 'absent') continue;
    try {
      await scripting.executeScript({ target: { tabId: tab.id, frameIds: [0] }, files: [GATE_FILE] });
      given++;
    } catch (error) {
      // A page no extension may script (a store, an error page) or whose host access was withdrawn.
      logProblem(`gate for open tab ${tab.id}`, error);
    }
  }
  return given;
}
