// The e2e driver for Debian's Firefox ESR. Web pages (and the launcher in their shadow root) go
// through puppeteer-core over WebDriver BiDi; the extension's own documents — the event page, the
// popup, the sidebar iframe — through Firefox's remote debugging protocol (firefox-rdp.ts), because
// BiDi does not expose moz-extension documents. Clicks in the sidebar are real mouse clicks at the
// point the sidebar reports, so focus and keyboard behave as for a reader.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension } from '../../../scripts/lib/firefox';
import { ExtensionDebugger, type ExtensionDocument } from './firefox-rdp';
import { absolute, loadPage, type BrowserDriver, type ClickOptions, type DriverOptions, type ExtensionPage, type Surface, type TabPage } from './types';

const TIMEOUT = 30_000;

async function poll<T>(what: string, timeout: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeout;
  let failure: unknown;
  for (;;) {
    // A probe may fail while a document comes or goes (the sidebar reopening); the last failure is
    // reported if the wait runs out.
    const value = await probe().catch((error: unknown) => void (failure = error));
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}${failure ? ` (${String(failure)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A Surface over any document that can evaluate expressions; clicks are delegated. */
class ScriptSurface implements Surface {
  constructor(
    private readonly run: (expression: string) => Promise<unknown>,
    private readonly clickAt: (selector: string, options: ClickOptions) => Promise<void>,
  ) {}

  #query(selector: string, body: string): Promise<unknown> {
    // ` >>> ` steps into an open shadow root: resolve each part inside the previous one's root. A
    // missing host matches nothing (so 'detached' holds when the whole host is gone).
    const parts = JSON.stringify(selector.split(' >>> '));
    return this.run(`(() => { let scope = document; let all = [];
      for (const [i, part] of ${parts}.entries()) { all = [...scope.querySelectorAll(part)]; if (i < ${parts}.length - 1) scope = all[0]?.shadowRoot; if (!scope) { all = []; break; } }
      const el = all[0]; return (${body}); })()`);
  }
  async waitFor(selector: string, options: { timeout?: number; state?: 'visible' | 'detached' } = {}): Promise<void> {
    const check = options.state === 'detached' ? 'all.length === 0 || undefined' : '(el && el.getClientRects().length > 0) || undefined';
    await poll(`${selector} ${options.state ?? 'visible'}`, options.timeout ?? TIMEOUT, () => this.#query(selector, check));
  }
  async count(selector: string): Promise<number> {
    return ((await this.#query(selector, 'all.length')) as number | undefined) ?? 0;
  }
  text(selector: string): Promise<string> {
    return poll(selector, TIMEOUT, async () => (await this.#query(selector, 'el?.textContent ?? undefined')) as string | undefined);
  }
  async waitForText(selector: string, pattern: RegExp, timeout = TIMEOUT): Promise<void> {
    const test = `new RegExp(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags)})`;
    await poll(`${selector} ~ ${pattern}`, timeout, () => this.#query(selector, `all.some((e) => ${test}.test(e.textContent)) || undefined`));
  }
  async click(selector: string, options: ClickOptions = {}): Promise<void> {
    await this.waitFor(selector);
    await this.clickAt(selector, options);
  }
  async isChecked(selector: string): Promise<boolean> {
    return poll(selector, TIMEOUT, async () => (await this.#query(selector, 'el?.checked')) as boolean | undefined);
  }
  async evaluate<R>(expression: string): Promise<R> {
    return (await this.run(expression)) as R;
  }
  /**
   * The viewport point of a match, scrolled into view first as Playwright does before a click: its
   * centre, or `position` from its top-left corner (then its top is brought into view).
   */
  point(selector: string, position?: { x: number; y: number }): Promise<{ x: number; y: number }> {
    const at = position ? `({ x: r.left + ${position.x}, y: r.top + ${position.y} })` : '({ x: r.left + r.width / 2, y: r.top + r.height / 2 })';
    const scroll = `el.scrollIntoView({ behavior: 'instant', block: '${position ? 'start' : 'center'}', inline: 'nearest' })`;
    return this.#query(selector, `(${scroll}, ((r) => ${at})(el.getBoundingClientRect()))`) as Promise<{ x: number; y: number }>;
  }
}

/**
 * Script for the parent process: a trusted left click at (x, y) of the window showing `file` (its
 * newest), as the reader's mouse would make it, so the document sees a user gesture.
 */
function trustedClick(file: string, x: number, y: number): string {
  return `(() => {
    const win = [...Services.wm.getEnumerator('navigator:browser')].findLast((w) => w.gBrowser?.selectedBrowser.currentURI.spec.endsWith(${JSON.stringify(`/${file}`)}));
    if (!win) return false;
    const frame = win.gBrowser.selectedBrowser.getBoundingClientRect();
    for (const type of ['mousedown', 'mouseup']) {
      win.synthesizeMouseEvent(type, frame.left + ${x}, frame.top + ${y}, { button: 0, buttons: type === 'mousedown' ? 1 : 0, clickCount: 1 }, { isDOMEventSynthesized: true, isWidgetEventSynthesized: false, isAsyncEnabled: false });
    }
    return true;
  })()`;
}

export async function startFirefox(extensionDir: string, origin: string, results: string, options: DriverOptions = {}): Promise<BrowserDriver> {
  const firefox = await launchFirefoxWithExtension(extensionDir, { ...(options.proxy ? { proxy: options.proxy } : {}), ...(options.profile ? { userDataDir: options.profile } : {}) });
  const rdp = await ExtensionDebugger.attach(firefox.debuggerPort, firefox.geckoId);
  // The event page as it is now: stopBackground and allowPrivate end it, and a new one replaces it.
  const parentCall = async <R>(body: string): Promise<R> =>
    rdp.evaluate<R>(await rdp.parentProcess(), `(async () => { const id = ${JSON.stringify(firefox.geckoId)}; ${body} })()`);
  const inBackground = async <R>(expression: string): Promise<R> => {
    if (!rdp.documents.some((d) => d.url.endsWith('/_generated_background_page.html'))) {
      await parentCall('await WebExtensionPolicy.getByID(id).extension.wakeupBackground(); return null;');
    }
    return rdp.evaluate<R>(await rdp.document('_generated_background_page.html'), expression);
  };
  await rdp.document('_generated_background_page.html');
  const tabIdOf = async (url: string): Promise<number> =>
    poll(`a tab at ${url}`, 5_000, () => inBackground<number | null>(`browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(url)})?.id ?? null)`).then((id) => id ?? undefined));
  /** An extension document that is open (or opens within the wait), as a page the tests drive. */
  const documentPage = async (file: string, before: ReadonlySet<string> = new Set()): Promise<ExtensionPage> => {
    const doc: ExtensionDocument = await poll(file, 15_000, async () => rdp.documents.find((d) => d.url.endsWith(`/${file}`) && !before.has(d.actor)));
    await poll(`${file} loaded`, 15_000, () => rdp.evaluate<boolean>(doc, "document.readyState === 'complete' || undefined"));
    const surface: ScriptSurface = new ScriptSurface(
      (expression) => rdp.evaluate(doc, expression),
      async (selector, options) => {
        if (!options.gesture) return void (await rdp.evaluate(doc, `document.querySelector(${JSON.stringify(selector)}).click()`));
        const { x, y } = await surface.point(selector, options.position);
        const sent = await rdp.evaluate<boolean>(await rdp.parentProcess(), trustedClick(file, x, y));
        if (!sent) throw new Error(`no browser window shows ${file}`);
      },
    );
    return Object.assign(surface, {
      // BiDi cannot capture extension documents; the debugging protocol's screenshot actor can.
      screenshot: async (name: string) => writeFileSync(join(results, `firefox-${name}.png`), await rdp.screenshot(doc)),
      close: async () => void (await rdp.evaluate(doc, 'void setTimeout(() => window.close(), 0)')),
    });
  };

  /** An extension document opened by `open`: the first of that file that was not there before. */
  const opened = async (file: string, open: string): Promise<ExtensionPage> => {
    const before = new Set(rdp.documents.map((d) => d.actor));
    await inBackground(open);
    return documentPage(file, before);
  };

  // Firefox's BiDi may fail to open a tab while another closes ("BrowsingContext does no longer
  // exist"): tabs are opened and closed one at a time, while their pages load and run side by side.
  let tabTurn: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(step: () => Promise<T>): Promise<T> => {
    const run = tabTurn.then(step, step);
    tabTurn = run.catch(() => undefined);
    return run;
  };
  // An extension page closes itself (window.close(), outside these turns): a tab being opened
  // meanwhile may meet the same error. It is opened once more; any other failure stands.
  const newPage = async (): Promise<Page> => {
    try {
      return await firefox.browser.newPage();
    } catch (error) {
      if (!/does no longer exist|no such frame/i.test(String(error))) throw error;
      return firefox.browser.newPage();
    }
  };

  const openWindow = (file: string, { width, height }: { width: number; height: number }): Promise<ExtensionPage> =>
    opened(file, `browser.windows.create({ url: browser.runtime.getURL(${JSON.stringify(file)}), type: "popup", width: ${width}, height: ${height} }).then(() => null)`);

  return {
    name: 'firefox',
    origin,
    async open(path) {
      const page: Page = await oneAtATime(newPage);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      // A page's alert() would hold its load forever; Playwright dismisses dialogs by itself.
      page.on('dialog', (dialog) => void dialog.dismiss());
      const url = absolute(origin, path);
      await loadPage(url, () =>
        page.goto(url, { waitUntil: 'load' }).catch((error: unknown) => {
          // A saved page whose script sends the tab to its own (real) site while loading: the dead
          // proxy refuses that address and BiDi fails the whole navigation. Chromium's route aborts
          // the same request and the page stays; here too the tab stays, on what it could load.
          if (!/Address rejected/.test(String(error))) throw error;
        }),
      );
      const mouse = async (x: number, y: number, options: ClickOptions) => page.mouse.click(x, y, { button: options.button ?? 'left' });
      const pageSurface: ScriptSurface = new ScriptSurface(
        (expression) => page.evaluate(expression),
        async (selector, options) => {
          const { x, y } = await pageSurface.point(selector, options.position);
          await mouse(x, y, options);
        },
      );
      // The tab's frames are watched from the first use of its sidebar: most pages never open one.
      let watching: Promise<void> | undefined;
      const inSidebar = async (expression: string) => {
        // The tab by its document's own address: puppeteer's page.url() does not follow a page
        // restored from the back-forward cache.
        watching ??= page.evaluate('location.href').then((href) => rdp.watchTab(String(href)));
        await watching;
        return rdp.evaluate(await rdp.document('sidebar.html'), expression);
      };
      const sidebar: ScriptSurface = new ScriptSurface(inSidebar, async (selector, options) => {
        const frame = await pageSurface.point('[data-storyline] >>> iframe.sidebar', { x: 0, y: 0 });
        const inner = await sidebar.point(selector, options.position);
        await mouse(frame.x + inner.x, frame.y + inner.y, options);
      });
      const tab: TabPage = Object.assign(pageSurface, {
        url: () => page.url(),
        errors,
        sidebar,
        // Waits for the element first, as Playwright's focus does: a launcher still on its way is not missing.
        focus: async (selector: string) => {
          await pageSurface.waitFor(selector);
          await page.focus(selector);
        },
        press: (key: string) => page.keyboard.press(key as Parameters<typeof page.keyboard.press>[0]),
        bringToFront: () => page.bringToFront(),
        wait: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
        screenshot: async (name: string) => void (await page.screenshot({ path: join(results, `firefox-${name}.png`) })),
        close: () => oneAtATime(() => page.close()),
      });
      return tab;
    },
    openPopup: () => openWindow('popup.html', { width: 380, height: 560 }),
    openWindow,
    // In front, as a reader opens them: Firefox runs a background tab's timers about once a second
    // and its frames not at all, so Preact's effects (the page's first call) waited about 2 s there.
    openExtensionTab: (file) => opened(file, `browser.tabs.create({ url: browser.runtime.getURL(${JSON.stringify(file)}), active: true }).then(() => null)`),
    extensionTabOpened: (file) => documentPage(file),
    async badgeText(url) {
      return inBackground<string>(`browser.action.getBadgeText({ tabId: ${await tabIdOf(url)} })`);
    },
    async clipboardText() {
      // Firefox asks the reader before a page reads the clipboard: paste into a field instead (Ctrl+V).
      const page = await oneAtATime(newPage);
      try {
        await page.goto('about:blank');
        await page.evaluate(`(() => { const area = document.createElement('textarea'); document.body.append(area); area.focus(); })()`);
        await page.keyboard.down('Control');
        await page.keyboard.press('v');
        await page.keyboard.up('Control');
        return (await page.evaluate(`document.querySelector('textarea').value`)) as string;
      } finally {
        await oneAtATime(() => page.close());
      }
    },
    background: inBackground,
    async command(name) {
      await inBackground(`storyline.onCommand(${JSON.stringify(name)}).then(() => null)`);
    },
    async findRelated(url, info) {
      const tabId = await tabIdOf(url);
      await inBackground(`browser.tabs.get(${tabId}).then((tab) => storyline.onMenuClicked(
        { menuItemId: 'storyline-find-related', editable: false, pageUrl: tab.url, ...${JSON.stringify(info)} }, tab)).then(() => null)`);
    },
    async allowPrivate() {
      // What about:addons does for "Run in private windows": the permission, then a reload.
      const old = (await rdp.document('_generated_background_page.html')).actor;
      await parentCall(`
        const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
        const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
        await ExtensionPermissions.add(id, { permissions: ['internal:privateBrowsingAllowed'], origins: [] }, WebExtensionPolicy.getByID(id).extension);
        await (await AddonManager.getAddonByID(id)).reload();
        return null;`);
      await poll('the reloaded event page', 20_000, async () => rdp.documents.find((d) => d.url.endsWith('/_generated_background_page.html') && d.actor !== old));
    },
    async stopBackground() {
      // As the idle timer would; the debugger being attached would otherwise keep it alive.
      // The event page that runs now must go. Another may start at once (an open options page's next
      // call wakes it), so "no event page listed" is not the outcome to wait for: that one's going is.
      const running = new Set(rdp.documents.filter((d) => d.url.endsWith('/_generated_background_page.html')).map((d) => d.actor));
      await parentCall('await WebExtensionPolicy.getByID(id).extension.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true }); return null;');
      await poll('the event page gone', 10_000, async () => !rdp.documents.some((d) => running.has(d.actor)) || undefined);
    },
    async stop() {
      rdp.close();
      await firefox.close();
    },
    async kill() {
      rdp.close();
      await firefox.kill();
    },
  };
}
