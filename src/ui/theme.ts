// Light, dark or the system's choice, for every extension page. The pages' colours are light-dark()
// pairs (src/ui/tokens.css): setting data-theme switches color-scheme, and they all follow.
import type { Settings } from '../formats/settings';
import { onSettingsChanged, readSettings } from '../shared/settings-store';

export function applyTheme(root: HTMLElement, theme: Settings['theme']): void {
  if (theme === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = theme;
}

/** Applies the reader's theme now and whenever it changes, in this page, for its lifetime. */
export function followTheme(root: HTMLElement, signal: AbortSignal = new AbortController().signal): void {
  readSettings().then(
    (settings) => applyTheme(root, settings.theme),
    () => undefined, // unreadable settings: the system's scheme stays, which is the default anyway
  );
  try {
    onSettingsChanged((settings) => applyTheme(root, settings.theme), signal);
  } catch {
    // No storage events here (a page outside the extension, such as the design preview).
  }
}
