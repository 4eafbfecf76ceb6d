// What the popup needs from the browser, as one object: index.tsx provides the real one, tests a fake,
// so the popup's components never import webextension-polyfill themselves.
import type { BackgroundCalls, ReqOf, ResOf } from '../contracts/messages';

export interface PopupDeps {
  call<K extends keyof BackgroundCalls>(type: K, payload: ReqOf<BackgroundCalls, K>): Promise<ResOf<BackgroundCalls, K>>;
  /** The tab the popup is about, or null when there is none with an id. */
  findTargetTab(): Promise<number | null>;
  closePopup(): void;
  /** Opens the browser's side panel on the tab. Call it synchronously from the click handler. */
  openPanel(tabId: number): Promise<void>;
  /** Opens the welcome page (the choice of news sources) in a tab, and closes the popup. */
  openWelcome(): void;
  /** Reloads the tab (a page opened before Storyline was there gets it), and closes the popup. */
  reloadTab(tabId: number): void;
  /** Calls `listener` whenever what the background knows of the tab changes, until `signal` aborts. */
  watchTab(tabId: number, listener: () => void, signal: AbortSignal): void;
}
