// Where the reader wants the sidebar: over the page (the content script's iframe) or in the
// browser's side panel. The panel opens only while the browser handles the reader's input, and
// Firefox forgets that at the first `await`: the choice is therefore kept in memory, so a shortcut
// or a menu click can open the panel synchronously, before reading anything.
import { callContent } from '../shared/messaging';
import type { Surface } from '../shared/settings';
import { onSettingsChanged, readSettings } from '../shared/settings-store';
import { openSidePanel } from '../shared/side-panel';
import { injectExtraction } from './extraction';
import { logProblem } from './log';

/** The reader's choice as last read; null until the first read after the worker woke. */
let known: Surface | null = null;

/** Starts keeping the choice in memory (called once at the top level of the background). */
export function watchSurface(): void {
  readSettings().then(
    (settings) => (known ??= settings.surface),
    (error: unknown) => logProblem('settings', error),
  );
  onSettingsChanged((settings) => (known = settings.surface), new AbortController().signal);
}

/**
 * Call first thing in a shortcut or menu handler. Opens the side panel when that is the reader's
 * choice and it is known without waiting; answers whether it tried.
 */
export function openPanelNow(tabId: number): boolean {
  if (known !== 'panel') return false;
  openSidePanel({ tabId }).catch((error: unknown) => logProblem('open side panel', error));
  return true;
}

/**
 * Shows the sidebar of a tab where the reader wants it. Over the page: asks the tab's content
 * script (false when there is none: a browser page, or a tab opened before install). In the panel:
 * the panel follows the tab's state by itself, so there is nothing to send; when the choice was not
 * yet known at the reader's input (`panelTried` false), the panel is tried now, which Chrome may
 * still allow and Firefox refuses (logged).
 */
export async function showSidebar(tabId: number, panelTried = true): Promise<boolean> {
  const surface = known ?? (await readSettings()).surface;
  if (surface === 'panel') {
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
      await injectExtraction(tabId);
      await callContent(tabId, 'sidebar/open', {});
      return true;
    } catch {
      return false;
    }
  }
}
