/// <reference types="chrome" />
// The e2e driver for Debian's Chromium: playwright-core over CDP (scripts/lib/chromium.ts launches it).
// The background is a service worker that Playwright can evaluate in; Playwright's CSS pierces open
// shadow roots by itself, so ` >>> ` becomes a plain descendant step.
import { join } from 'node:path';
import type { Frame, Locator, Page, Worker } from 'playwright-core';
import { launchWithExtension } from '../../../scripts/lib/chromium';
import { workerControl } from './chromium-worker';
import { absolute, loadPage, type BrowserDriver, type ClickOptions, type DriverOptions, type ExtensionPage, type Surface, type TabPage } from './types';

const css = (selector: string): string => selector.replaceAll(' >>> ', ' ');

class PlaywrightSurface implements Surface {
  constructor(
    private readonly scope: { locator(selector: string): Locator },
    private readonly evaluator: (expression: string) => Promise<unknown>,
  ) {}

  protected first(selector: string): Locator {
    return this.scope.locator(css(selector)).first();
  }
  async waitFor(selector: string, options: { timeout?: number; state?: 'visible' | 'detached' } = {}): Promise<void> {
    await this.first(selector).waitFor({ state: options.state ?? 'visible', ...(options.timeout ? { timeout: options.timeout } : {}) });
  }
  count(selector: string): Promise<number> {
    return this.scope.locator(css(selector)).count();
  }
  async text(selector: string): Promise<string> {
    return (await this.first(selector).textContent()) ?? '';
  }
  async waitForText(selector: string, pattern: RegExp, timeout?: number): Promise<void> {
    await this.scope.locator(css(selector)).filter({ hasText: pattern }).first().waitFor(timeout ? { timeout } : {});
  }
  async click(selector: string, options: ClickOptions = {}): Promise<void> {
    await this.first(selector).click(options);
  }
  isChecked(selector: string): Promise<boolean> {
    return this.first(selector).isChecked();
  }
  async evaluate<R>(expression: string): Promise<R> {
    return (await this.evaluator(expression)) as R;
  }
}

/** Counts pointer presses in a document (for the page: only those that hit the sidebar's iframe element). */
const COUNT_PRESSES = (onIframe: boolean): number => {
  const w = window as unknown as { __e2ePresses?: { n: number } };
  if (!w.__e2ePresses) {
    const presses = { n: 0 };
    w.__e2ePresses = presses;
    addEventListener(
      'pointerdown',
      (event) => {
        const target = event.composedPath()[0];
        if (!onIframe || (target instanceof HTMLIFrameElement && target.classList.contains('sidebar'))) presses.n++;
      },
      true,
    );
  }
  return w.__e2ePresses.n;
};
const TWO_FRAMES = (): Promise<void> => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
const PRESSED_SINCE = (before: number): boolean => ((window as unknown as { __e2ePresses?: { n: number } }).__e2ePresses?.n ?? 0) > before;

/**
 * The in-page sidebar. Chromium runs it out of process (an extension page framed by a web page),
 * and a click sent before the browser has the frame's hit-test data is routed to the page instead:
 * the page sees a press on the iframe element, the sidebar sees nothing (measured: the first
 * sidebar of a fresh browser, about one run in five under load). A reader would click again; so
 * does the driver, only when the press observably went to the page, at most five times, each after both documents have rendered again.
 */
class SidebarSurface extends PlaywrightSurface {
  constructor(private readonly page: Page) {
    super(page.frameLocator('[data-storyline] iframe.sidebar'), async (e) => (await sidebarFrame(page)).evaluate(e));
  }
  override async click(selector: string, options: ClickOptions = {}): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      // The sidebar's own document must be there to count what it receives.
      await this.first(selector).waitFor({ state: 'visible' });
      const frame = await sidebarFrame(this.page);
      // Hit-test data for an out-of-process frame follows the frames both documents have
      // presented: wait until each has rendered twice more (an outcome, not a duration).
      await Promise.all([frame.evaluate(TWO_FRAMES), this.page.evaluate(TWO_FRAMES)]);
      const [inFrame, onPage] = await Promise.all([frame.evaluate(COUNT_PRESSES, false), this.page.evaluate(COUNT_PRESSES, true)]);
      // A click that closes the sidebar takes its frame away while Playwright may still be waiting
      // on it (seen once in many runs: the close button's click hung 30 s): the frame's going is
      // the click's outcome, and ends the wait. Any other failure of the click is still thrown.
      const clicking = super.click(selector, options);
      clicking.catch(() => undefined);
      const gone = detachedFrame(this.page, frame);
      try {
        await Promise.race([clicking, gone.promise]);
      } finally {
        gone.stop();
      }
      const wait = { polling: 50, timeout: 10_000 };
      const inSidebar = frame.waitForFunction(PRESSED_SINCE, inFrame, wait).then(
        () => 'sidebar' as const,
        (error: unknown) => {
          // The click closed or replaced the sidebar: it was received.
          if (frame.isDetached()) return 'sidebar' as const;
          throw error;
        },
      );
      const onThePage = this.page.waitForFunction(PRESSED_SINCE, onPage, wait).then(() => 'page' as const);
      // The one that loses the race ends later by its timeout (or the page closing): not a failure.
      inSidebar.catch(() => undefined);
      onThePage.catch(() => undefined);
      const landed = await Promise.race([inSidebar, onThePage]);
      if (landed === 'sidebar') return;
      if (attempt === 5) throw new Error(`five clicks on ${selector} reached the page, not the sidebar`);
    }
  }
}

/** Resolves when `frame` leaves the page (at once if it has); `stop` drops the listener. */
function detachedFrame(page: Page, frame: Frame): { promise: Promise<void>; stop(): void } {
  let stop = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    if (frame.isDetached()) return resolve();
    const heard = (detached: Frame): void => {
      if (detached !== frame) return;
      page.off('framedetached', heard);
      resolve();
    };
    page.on('framedetached', heard);
    stop = () => page.off('framedetached', heard);
  });
  return { promise, stop };
}

/**
 * The newest sidebar document in the tab (as the Firefox driver takes it), found again on every
 * call: closing and reopening the sidebar makes a new one, and a page may frame sidebar.html itself.
 */
async function sidebarFrame(page: Page): Promise<Frame> {
  // Found by its address, not through the launcher's shadow root: the shipped build's is closed
  // (test/e2e/closed-root.test.ts reads its sidebar so).
  const deadline = Date.now() + 30_000;
  for (;;) {
    const frame = page.frames().findLast((f) => f.url().endsWith('/sidebar.html'));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('no sidebar frame');
    await page.waitForEvent('frameattached', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => undefined);
  }
}

export async function startChromium(extensionDir: string, origin: string, results: string, options: DriverOptions = {}): Promise<BrowserDriver> {
  const browser = await launchWithExtension(extensionDir, { ...(options.proxy ? { proxy: options.proxy } : {}), ...(options.profile ? { userDataDir: options.profile } : {}) });
  const { context, extensionId } = browser;
  // The service worker in use. Stopped (stopBackground), it starts again under the same target and
  // Worker object; the extension reloaded (allowPrivate), a new Worker replaces it.
  const scope = `chrome-extension://${extensionId}/`;
  let current: Worker = browser.worker;
  context.on('serviceworker', (w) => {
    if (w.url().startsWith(scope)) current = w;
  });
  const pause = () => new Promise((resolve) => setTimeout(resolve, 100));
  // A fresh profile is an install, which opens the welcome page in front: it is waited for here, so
  // that it does not come in front of the first page a test opens (see open, below).
  if (!options.profile) {
    for (const deadline = Date.now() + 15_000; !context.pages().some((p) => p.url().endsWith('/welcome.html')); await pause()) {
      if (Date.now() > deadline) throw new Error('the install opened no welcome page');
    }
  }
  const control = workerControl(context, extensionId);
  const worker: Pick<Worker, 'evaluate'> = {
    evaluate: (async (fn: never, arg: never) => {
      // Stopped by stopBackground: started as the next event would start it.
      await control.ensureRunning();
      try {
        return await current.evaluate(fn, arg);
      } catch (error) {
        // The first call after a restart may report it; the worker is running again by then.
        if (!/Service worker restarted/.test(String(error))) throw error;
        return current.evaluate(fn, arg);
      }
    }) as Worker['evaluate'],
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: join(results, `${name}.png`) }).then(() => undefined);
  const extensionPage = (page: Page): ExtensionPage =>
    Object.assign(new PlaywrightSurface(page, (e) => page.evaluate(e)), {
      screenshot: (name: string) => shot(page, name),
      close: () => page.close(),
    });
  const tabIdOf = async (url: string): Promise<number> => {
    const id = await worker.evaluate(async (target) => (await chrome.tabs.query({})).find((t) => t.url === target)?.id, url);
    if (id === undefined) throw new Error(`no tab at ${url}`);
    return id;
  };

  const openWindow = async (file: string, size: { width: number; height: number }): Promise<ExtensionPage> => {
    const opened = context.waitForEvent('page');
    // The extension's fixed URL, not runtime.getURL: that gives a web-accessible page's per-session
    // URL (use_dynamic_url), which Chromium serves in frames only and blocks in a window.
    await worker.evaluate(
      ([url, { width, height }]) => chrome.windows.create({ url, type: 'popup', width, height }),
      [`chrome-extension://${extensionId}/${file}`, size] as const,
    );
    const page = await opened;
    await page.waitForLoadState('load');
    await page.setViewportSize(size);
    return extensionPage(page);
  };

  return {
    name: 'chromium',
    origin,
    async open(path) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      const url = absolute(origin, path);
      await loadPage(url, () => page.goto(url, { waitUntil: 'load' }));
      // The tab in front, as the page a reader opens: Playwright's new page is not made the
      // window's active tab (the welcome page the install opened is), and Chromium ran the frames
      // of a page behind it at about one a second once it was clicked, so each sidebar click
      // (which waits on frames) took seconds.
      await page.bringToFront();
      const tab: TabPage = Object.assign(new PlaywrightSurface(page, (e) => page.evaluate(e)), {
        url: () => page.url(),
        errors,
        sidebar: new SidebarSurface(page),
        focus: (selector: string) => page.locator(css(selector)).first().focus(),
        press: (key: string) => page.keyboard.press(key),
        bringToFront: () => page.bringToFront(),
        wait: (ms: number) => page.waitForTimeout(ms),
        screenshot: (name: string) => shot(page, name),
        close: () => page.close(),
      });
      return tab;
    },
    openPopup: () => openWindow('popup.html', { width: 380, height: 560 }),
    openWindow,
    async openExtensionTab(file) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return extensionPage(page);
    },
    async extensionTabOpened(file) {
      const isIt = (page: Page): boolean => page.url() === `chrome-extension://${extensionId}/${file}`;
      const page = context.pages().find(isIt) ?? (await context.waitForEvent('page', { predicate: isIt, timeout: 15_000 }));
      await page.waitForLoadState('load');
      return extensionPage(page);
    },
    async badgeText(url) {
      const tabId = await tabIdOf(url);
      return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    },
    async clipboardText() {
      // A page of the test server reads it, once granted, as a site the reader allowed would.
      const page = await context.newPage();
      try {
        await page.goto(`${origin}/`);
        await context.grantPermissions(['clipboard-read'], { origin });
        await page.bringToFront();
        return await page.evaluate(() => navigator.clipboard.readText());
      } finally {
        await page.close();
      }
    },
    async background<R>(expression: string) {
      return (await worker.evaluate(expression)) as R;
    },
    async command(name) {
      await worker.evaluate((command) => (globalThis as unknown as { storyline: { onCommand(c: string): Promise<void> } }).storyline.onCommand(command), name);
    },
    async findRelated(url, info) {
      const tabId = await tabIdOf(url);
      await worker.evaluate(
        async ([id, extra]) => {
          const tab = await chrome.tabs.get(id);
          const handlers = (globalThis as unknown as { storyline: { onMenuClicked(i: unknown, t: unknown): Promise<void> } }).storyline;
          await handlers.onMenuClicked({ menuItemId: 'storyline-find-related', editable: false, pageUrl: tab.url, ...extra }, tab);
        },
        [tabId, info] as const,
      );
    },
    async allowPrivate() {
      const old = current;
      const page = await context.newPage();
      try {
        await page.goto('chrome://extensions');
        // The page's own API behind the "Allow in Incognito" switch; an unpacked extension stays
        // enabled through the reload it causes only in developer mode.
        await page.evaluate(async (id) => {
          type Dev = { updateProfileConfiguration(c: object): Promise<void>; updateExtensionConfiguration(c: object): Promise<void> };
          const dev = (chrome as unknown as { developerPrivate: Dev }).developerPrivate;
          await dev.updateProfileConfiguration({ inDeveloperMode: true });
          await dev.updateExtensionConfiguration({ extensionId: id, incognitoAccess: true });
        }, extensionId);
      } finally {
        await page.close();
      }
      for (const deadline = Date.now() + 20_000; current === old; await pause()) if (Date.now() > deadline) throw new Error('the extension did not come back after allowing incognito');
    },
    async stopBackground() {
      // As the browser stops an idle worker: its state is gone and a call in progress fails
      // ("message channel closed"); the next event, or the next `background` call, starts it.
      await control.stop();
    },
    stop: () => browser.close(),
    kill: () => browser.kill(),
  };
}
