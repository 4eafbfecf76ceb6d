// Shared set-up for the end-to-end suite: the built extension in each browser (through the driver
// interface in driver/types.ts), the demo site (in the repository) and, when the test data beside
// the repository is there, the saved real pages on 127.0.0.1, and the selectors the tests share.
// E2E_BROWSERS=chromium (or firefox) runs one browser only.
import { after, before, describe } from 'node:test';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { E2E_BUILD } from '../../scripts/build';
import { buildDemoSite, demoReportPaths, DEMO_FOLLOW_UP_PATH, DEMO_UNRELATED_PATH } from '../../scripts/lib/demo-site';
import { startStaticServer } from '../../scripts/lib/static-server';
import { startChromium } from './driver/chromium';
import { startFirefox } from './driver/firefox';
import type { BrowserDriver, BrowserName, Surface } from './driver/types';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SHARED = resolve(ROOT, '../shared');
/** The saved real pages (test data beside the repository), served under /pages/ when they are there. */
export const SAVED_PAGES = join(SHARED, 'data/pages');
export const RESULTS = join(ROOT, 'test-results');

export const BROWSERS: BrowserName[] = (process.env['E2E_BROWSERS'] ?? 'chromium,firefox')
  .split(',')
  .map((name) => name.trim())
  .filter((name): name is BrowserName => name === 'chromium' || name === 'firefox');

/**
 * The instrumented copy of the build that npm run build makes beside dist/ (scripts/build.ts): the
 * same code, plus the outcome marks the tests wait on (src/content/timing.ts).
 */
const EXTENSIONS: Record<BrowserName, string> = { chromium: join(ROOT, E2E_BUILD, 'chrome'), firefox: join(ROOT, E2E_BUILD, 'firefox') };
const START = { chromium: startChromium, firefox: startFirefox };

/** The launcher's host: its tag is random per page (a page cannot define it first), its attribute fixed. */
export const HOST = '[data-storyline]';
export const LAUNCHER = `${HOST} >>> button.launcher`;
export const SIDEBAR_IFRAME = `${HOST} >>> iframe`;
export const testId = (id: string): string => `[data-testid="${id}"]`;

export interface Rig {
  driver: BrowserDriver;
  /** Demo article paths in seed order (000 … 004). */
  reports: string[];
  unrelated: string;
  /** The summit's follow-up: offered the summit's story ("maybe related"), not launched on. */
  followUp: string;
  /** The demo site as served, read at each request: a test may change a page between two loads. */
  site: Map<string, string>;
  stop(): Promise<void>;
}

/**
 * A browser with the instrumented build on a profile the caller keeps, and no demo site (its origin
 * is a closed port): the fault tests kill the browser and start it again on the same profile.
 */
export function startOnProfile(browser: BrowserName, profile: string): Promise<BrowserDriver> {
  mkdirSync(RESULTS, { recursive: true });
  return START[browser](EXTENSIONS[browser], 'http://127.0.0.1:9', RESULTS, { profile });
}

export async function startRig(browser: BrowserName): Promise<Rig> {
  const extension = EXTENSIONS[browser];
  if (!existsSync(join(extension, 'manifest.json'))) throw new Error('build first: npm run build');
  mkdirSync(RESULTS, { recursive: true });
  const site = buildDemoSite();
  const server = await startStaticServer(site, existsSync(SAVED_PAGES) ? { '/pages/': SAVED_PAGES } : {});
  try {
    const driver = await START[browser](extension, server.origin, RESULTS);
    return {
      driver,
      reports: demoReportPaths(site).map((r) => r.path),
      unrelated: DEMO_UNRELATED_PATH,
      followUp: DEMO_FOLLOW_UP_PATH,
      site,
      stop: async () => {
        await driver.stop();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * One describe block per browser, each with its own rig (browser, extension, demo server) started
 * before its tests and stopped after them. `rig()` is the running rig.
 */
export function inEachBrowser(body: (rig: () => Rig, browser: BrowserName) => void, browsers: readonly BrowserName[] = BROWSERS): void {
  // A file limited to one browser still honours E2E_BROWSERS: with the other chosen, it starts none.
  for (const browser of browsers.filter((name) => BROWSERS.includes(name))) {
    describe(browser, () => {
      let current: Rig | undefined;
      before(async () => {
        current = await startRig(browser);
      });
      after(async () => {
        await current?.stop();
      });
      body(() => {
        if (!current) throw new Error(`no ${browser} rig`);
        return current;
      }, browser);
    });
  }
}

/** How the extension's look at a page ended (src/content/timing.ts). */
export type Outcome = 'off' | 'not-article' | 'no-match' | 'matched' | 'error';

/** The page's outcome marks, oldest first, as a script to evaluate in the page. */
export const OUTCOMES_SCRIPT = `performance.getEntriesByType('mark').map((m) => m.name).filter((n) => n.startsWith('storyline:outcome:')).map((n) => n.slice(18))`;

/** Every outcome marked in the page so far (one per look: load, in-page navigation, setting change), oldest first. */
export function outcomes(page: Surface): Promise<Outcome[]> {
  return page.evaluate<Outcome[]>(OUTCOMES_SCRIPT);
}

/**
 * Waits until the extension has finished looking at the page (gate and, on an article, the content
 * script), and returns how it ended: the newest outcome once there are more than `after`. A test
 * that checks something is absent waits here first, so a slow or dead script fails it instead of
 * passing it.
 */
export async function outcome(page: Surface, options: { after?: number; timeout?: number } = {}): Promise<Outcome> {
  const after = options.after ?? 0;
  await until(page, `${OUTCOMES_SCRIPT}.length > ${after}`, options.timeout ?? 20_000);
  return (await outcomes(page)).at(-1)!;
}

/** Polls `probe` every 100 ms until it gives a value (`true` counts, `false` and undefined do not): a state of the browser, never a length of time. */
export async function poll<T>(what: string, probe: () => Promise<T | undefined | false>, timeout = 15_000): Promise<T> {
  for (const deadline = Date.now() + timeout; ; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}

/** Waits until an expression of the document's script is true. */
export async function until(surface: Surface, expression: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await surface.evaluate<boolean>(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
