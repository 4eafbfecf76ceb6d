// Where the reader wants the sidebar: over the page (the content script's iframe) or in the
// browser's side panel. The panel opens only while the browser handles the reader's input: both
// browsers refuse sidebarAction.open() / sidePanel.open() after the handler's first `await` (MDN
// "User actions"; Chrome's side_panel_api.cc checks user_gesture()). A shortcut or a menu click
// often wakes the background, before any settings read could answer; so the choice is known from
// memory when the background is awake, else from where the browser keeps it (KeptChoice,
// shared/side-panel.ts), and the panel is opened synchronously from either.
import { isSiteOff, type Settings, type Surface as SurfaceChoice } from '../formats/settings';
import type { SettingsArea } from '../shared/settings-area';
import type { KeptChoice } from '../shared/side-panel';
import type { BackgroundBrowser } from './browser-api';
import type { CallContent } from './content-calls';
import { injectExtraction, type Scripting } from './extraction';
import { logProblem } from './log';

/** The panel opened from the reader's input: true once open, else why the browser refused. */
export type PanelAttempt = Promise<true | { refused: unknown }> | null;

/**
 * What came of showing the sidebar: shown; not over a page where the reader switched Storyline
 * off; nowhere to show it (a browser page, the web store); or the panel could not open.
 */
export type ShowOutcome = 'shown' | 'site-off' | 'no-page' | 'panel-failed';

export interface Surface {
  /** Starts keeping the choice in memory, and where the browser keeps it (once, as the background starts). */
  watch(kept?: KeptChoice): void;
  /**
   * Call first thing in a shortcut or menu handler. Opens the side panel when that is the reader's
   * choice as far as it is known without waiting; null when it did not try.
   */
  openPanelNow(tabId: number): PanelAttempt;
  /**
   * Shows the sidebar of a tab where the reader wants it, after a shortcut or a menu click. In the
   * panel: the panel follows the tab's state by itself; it is shown when `attempt` opened it. Over
   * the page: not where the site is off; else the tab's content script is asked, loaded first where
   * only the gate runs.
   */
  showAfterInput(tab: { id: number; url?: string | undefined }, attempt: PanelAttempt): Promise<ShowOutcome>;
  /** The same for the popup, which opens the panel itself from the reader's click: whether it shows. */
  showSidebar(tabId: number): Promise<boolean>;
}

export interface SurfaceDeps {
  settings: SettingsArea;
  callContent: CallContent;
  scripting: Scripting;
  openSidePanel: BackgroundBrowser['openSidePanel'];
}

const hostOf = (url: string | undefined): string | null => {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
};

export function surface({ settings, callContent, scripting, openSidePanel }: SurfaceDeps): Surface {
  /** The reader's choice as last read; null until the first read after the worker woke. */
  let known: SurfaceChoice | null = null;
  let kept: KeptChoice | undefined;

  /** Learns the choice; the browser's copy is written when it changed (and once per wake). */
  const learn = (choice: SurfaceChoice): void => {
    if (choice === known) return;
    known = choice;
    kept?.keep(choice).catch((error: unknown) => logProblem('keep surface choice', error));
  };

  const inPage = async (tab: { id: number; url?: string | undefined }, read: Settings): Promise<ShowOutcome> => {
    // Off on this site: the page gets nothing of ours, not even the bundle the sidebar needs.
    const host = hostOf(tab.url);
    if (host !== null && isSiteOff(read, host)) return 'site-off';
    try {
      await callContent(tab.id, 'sidebar/open', {});
      return 'shown';
    } catch {
      // On a page that is not an article only the gate script runs: load the extraction bundle (it
      // carries the in-page UI), then ask again. A browser page or the web store refuses both.
      try {
        await injectExtraction(scripting, tab.id);
        await callContent(tab.id, 'sidebar/open', {});
        return 'shown';
      } catch {
        return 'no-page';
      }
    }
  };

  const showAfterInput: Surface['showAfterInput'] = async (tab, attempt) => {
    const read = await settings.read();
    if (read.surface !== 'panel') return inPage(tab, read);
    const opened = await attempt;
    if (opened === true) return 'shown';
    // Not tried (nothing kept the choice: a wake after the reader cleared browsing data in
    // Firefox), or refused: the caller tells the reader, and the next input finds the choice known.
    if (opened) logProblem('open side panel', opened.refused);
    learn(read.surface);
    return 'panel-failed';
  };

  return {
    watch(keeper) {
      kept = keeper;
      settings.read().then(
        // A change heard meanwhile is newer than this read.
        (read) => known === null && learn(read.surface),
        (error: unknown) => logProblem('settings', error),
      );
      settings.onChanged((changed) => learn(changed.surface), new AbortController().signal);
    },

    openPanelNow(tabId) {
      const choice = known ?? kept?.recall() ?? null;
      if (choice !== 'panel' && choice !== 'browser') return null;
      return openSidePanel({ tabId }).then(
        () => true as const,
        (refused: unknown) => ({ refused }),
      );
    },

    async showSidebar(tabId) {
      return (await showAfterInput({ id: tabId }, Promise.resolve(true))) === 'shown';
    },

    showAfterInput,
  };
}
