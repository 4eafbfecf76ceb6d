// In shared/ because the content script and the pages (ui/theme.ts) read the reader's settings through it.
// Settings for the extension pages and the content script: settings-area.ts over the extension's
// own storage. (The background gets its storage from its entry point instead.)
import { browser } from './browser';
import { settingsArea } from './settings-area';
import type { Settings } from '../formats/settings';

const area = settingsArea(browser.storage);

export function readSettings(): Promise<Settings> {
  return area.read();
}

export function writeSettings(settings: Settings): Promise<void> {
  return area.write(settings);
}

/** Calls `listener` with the repaired settings whenever they change in any process. */
export function onSettingsChanged(listener: (settings: Settings) => void, signal: AbortSignal): void {
  area.onChanged(listener, signal);
}
