// Where the reader wants the sidebar: over the page (the content script's iframe) or in the
// browser's side panel. The panel opens only while the browser handles the reader's input, and
// Firefox forgets that at the first `await`: the choice is therefore kept in memory, so a shortcut
// or a menu click can open the panel synchronously, before reading anything.
import type { Surface as SurfaceChoice } from '../formats/settings';
import type { SettingsArea } from '../shared/settings-area';
import type { BackgroundBrowser } from './browser-api';
import type { CallContent } from './content-calls';
import { injectExtraction, type Scripting } from './extraction';
import { logProblem } from './log';

export interface Surface {
  /** Starts keeping the choice in memory (called once, as the background starts). */
  watch(): void;
  /**
   * Call first thing in a shortcut or menu handler. Opens the side panel when that is the reader's
   * choice and it is known without waiting; answers whether it tried.
   */
  openPanelNow(tabId: number): boolean;
  /**
   * Shows the sidebar of a tab where the reader wants it. Over the page: asks the tab's content
   * script (false when there is none: a browser page, or a tab opened before install). In the panel:
   * the panel follows the tab's state by itself, so there is nothing to send; when the choice was not
   * yet known at the reader's input (`panelTried` false), the panel is tried now, which Chrome may
   * still allow and Firefox refuses (logged).
   */
  showSidebar(tabId: number, panelTried?: boolean): Promise<boolean>;
}

export interface SurfaceDeps {
  settings: SettingsArea;
  callContent: CallContent;
  scripting: Scripting;
  openSidePanel: BackgroundBrowser['openSidePanel'];
}

export function surface({ settings, callContent, scripting, openSidePanel }: SurfaceDeps): Surface {
  /** The reader's choice as last read; null until the first read after the worker woke. */
  let known: SurfaceChoice | null = null;
  return {
    watch() {
      settings.read().then(
        (read) => (known ??= read.surface),
        (error: unknown) => logProblem('settings', error),
      );
      settings.onChanged((changed) => (known = changed.surface), new AbortController().signal);
    },

    openPanelNow(tabId) {
      if (known !== 'panel') return false;
      openSidePanel({ tabId }).catch((error: unknown) => logProblem('open side panel', error));
      return true;
    },

    async showSidebar(tabId, panelTried = true) {
      const choice = known ?? (await settings.read()).surface;
      if (choice === 'panel') {
        if (!panelTried) await openSidePanel({ tabId }).catch((error: unknown) => logProblem('open side panel', error));
        return true;
      }
      try {
        await callContent(tabId, 'sidebar/open', {});
        return true;
      } catch {
        // On a page that is not an article only the gate script runs: load the extraction bundle (it
        // carries the in-page UI), then ask again. A browser page or the web store refuses both.
        try {
          await injectExtraction(scripting, tabId);
          await callContent(tabId, 'sidebar/open', {});
          return true;
        } catch {
          return false;
        }
      }
    },
  };
}
