// The few operations the e2e tests need from a browser, so each test is written once and runs in
// Chromium (driver/chromium.ts, playwright-core) and Firefox (driver/firefox.ts, puppeteer-core).
// Selectors are plain CSS; ` >>> ` steps into an open shadow root (the launcher's).

export type BrowserName = 'chromium' | 'firefox';

export interface ClickOptions {
  button?: 'left' | 'right';
  /** Offset from the element's top-left corner; its centre when absent. */
  position?: { x: number; y: number };
  /**
   * The page must count the click as the reader's gesture (copying, opening a panel). Chromium's
   * clicks and Firefox's in tabs always are; Firefox's in an extension window then come from the
   * browser's parent process as trusted input instead of `element.click()`.
   */
  gesture?: boolean;
}

/** A document the tests read and click in: a web page, the sidebar iframe, the popup. */
export interface Surface {
  /** Waits until the selector matches a visible element (or, with state 'detached', matches nothing). */
  waitFor(selector: string, options?: { timeout?: number; state?: 'visible' | 'detached' }): Promise<void>;
  count(selector: string): Promise<number>;
  /** textContent of the first match, waiting for one. */
  text(selector: string): Promise<string>;
  /** Waits until the first match's textContent matches the pattern. */
  waitForText(selector: string, pattern: RegExp, timeout?: number): Promise<void>;
  click(selector: string, options?: ClickOptions): Promise<void>;
  isChecked(selector: string): Promise<boolean>;
  /** Runs an expression of the document's own script (`chrome.*`/`browser.*` in extension pages). */
  evaluate<R>(expression: string): Promise<R>;
}

/** A tab with a served page. */
export interface TabPage extends Surface {
  url(): string;
  /** Errors the page threw or logged since it opened. */
  readonly errors: string[];
  /** The in-page sidebar (an extension page in an iframe of the launcher's shadow root). */
  readonly sidebar: Surface;
  focus(selector: string): Promise<void>;
  press(key: string): Promise<void>;
  bringToFront(): Promise<void>;
  wait(ms: number): Promise<void>;
  /** Saves test-results/<name>.png (Chromium) or firefox-<name>.png (Firefox). */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** An extension page in a window or tab of its own (the popup, or popup.html as a test page). */
export interface ExtensionPage extends Surface {
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface DriverOptions {
  /** The proxy of a test's outlet network (scripts/lib/outlet-network.ts): its hosts load, every other is refused. */
  proxy?: string;
  /**
   * A profile folder the test keeps: not removed when the browser stops, so a browser started again
   * on it finds what the extension stored (the fault tests kill the browser and start it again).
   */
  profile?: string;
}

/** A served path (`/world/…`) on the demo origin, or a full URL (an outlet network's host). */
export const absolute = (origin: string, pathOrUrl: string): string => (/^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${origin}${pathOrUrl}`);

/**
 * Loads a page, once more if the first load times out (a busy machine can hold a heavy saved page
 * past the timeout once), then fails naming the page, so a slow machine costs a retry, not a run.
 */
export async function loadPage(url: string, goto: () => Promise<unknown>): Promise<void> {
  try {
    await goto();
  } catch (error) {
    if (!/timeout/i.test(String(error))) throw error;
    await goto().catch((again: unknown) => {
      throw new Error(`${url} did not load twice: ${String(again)}`);
    });
  }
}

export interface BrowserDriver {
  readonly name: BrowserName;
  /** http://127.0.0.1:<port> of the served demo site and saved pages. */
  readonly origin: string;
  /** A path on the demo origin, or a full URL on the test's outlet network. */
  open(path: string): Promise<TabPage>;
  /** popup.html in a popup window of 380×560, as the toolbar button would show it. */
  openPopup(): Promise<ExtensionPage>;
  /**
   * An extension page in a popup window of its own: sidebar.html there stands for the browser's side
   * panel (a top-level extension page outside any tab), which automation cannot open.
   */
  openWindow(file: string, size: { width: number; height: number }): Promise<ExtensionPage>;
  /** An extension page in a background tab, for talking to the background as that page. */
  openExtensionTab(file: string): Promise<ExtensionPage>;
  /** An extension page the extension opened itself in a tab (the welcome page on install). */
  extensionTabOpened(file: string): Promise<ExtensionPage>;
  badgeText(url: string): Promise<string>;
  /** The text on the system clipboard, read in a tab of its own as a reader would paste it. */
  clipboardText(): Promise<string>;
  /** Runs an expression in the background (service worker or event page); a promise is awaited. */
  background<R>(expression: string): Promise<R>;
  /** Calls the background's keyboard-command handler (shortcuts cannot be pressed by automation). */
  command(name: string): Promise<void>;
  /** Calls the background's context-menu handler as a click on "Find related coverage" would. */
  findRelated(url: string, info: { selectionText?: string; linkUrl?: string }): Promise<void>;
  /**
   * Lets the extension run in private windows, as the reader's switch does (chrome://extensions,
   * about:addons); the browser reloads the extension for it.
   */
  allowPrivate(): Promise<void>;
  /** Stops the background as the browser does when it is idle; the next `background` call starts it. */
  stopBackground(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Kills the browser's main process with SIGKILL (a crash, a power cut): nothing is flushed or
   * closed first. Resolves once it has exited; the driver is unusable afterwards.
   */
  kill(): Promise<void>;
}
