/// <reference types="chrome" />
// Shared set-up for the end-to-end suite: the built extension in Debian's Chromium, the demo site
// and the saved real pages on 127.0.0.1, and small helpers to reach the extension's surfaces.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { buildDemoSite, demoReportPaths, DEMO_UNRELATED_PATH } from '../../scripts/lib/demo-site';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SHARED = resolve(ROOT, '../shared');
export const EXTENSION = join(ROOT, 'dist/chrome');
export const RESULTS = join(ROOT, 'test-results');

export interface Rig extends ExtensionBrowser {
  server: StaticServer;
  /** Demo article paths in seed order (000 … 004). */
  reports: string[];
  unrelated: string;
  stop(): Promise<void>;
}

export async function startRig(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Rig> {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error('build first: npm run build');
  mkdirSync(RESULTS, { recursive: true });
  const site = buildDemoSite(join(SHARED, 'seed-stories'));
  const server = await startStaticServer(site, { '/pages/': join(SHARED, 'data/pages') });
  const browser = await launchWithExtension(EXTENSION, options);
  return {
    ...browser,
    server,
    reports: demoReportPaths(site).map((r) => r.path),
    unrelated: DEMO_UNRELATED_PATH,
    stop: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens a page and collects the errors it throws or logs, so tests can require there are none. */
export async function openPage(rig: Rig, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await rig.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  // Saved pages point at their own sites: every request that leaves 127.0.0.1 is refused.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  await page.goto(`${rig.server.origin}${path}`, { waitUntil: 'load' });
  return { page, errors };
}

export const launcher = (page: Page) => page.locator('storyline-root').locator('button.launcher');
export const sidebarFrame = (page: Page): FrameLocator => page.frameLocator('storyline-root iframe.sidebar');

/** The sidebar's Frame, for evaluating in it (FrameLocator covers locating only). */
export async function sidebarFrameHandle(page: Page): Promise<Frame> {
  const element = await page.locator('storyline-root iframe.sidebar').elementHandle();
  const frame = await element?.contentFrame();
  if (!frame) throw new Error('no sidebar frame');
  return frame;
}

/** The id of the tab that shows `url`, found from the service worker. */
export async function tabIdOf(rig: Rig, url: string): Promise<number> {
  const id = await rig.worker.evaluate(async (target) => (await chrome.tabs.query({})).find((t) => t.url === target)?.id, url);
  if (id === undefined) throw new Error(`no tab at ${url}`);
  return id;
}

export async function badgeText(rig: Rig, url: string): Promise<string> {
  const tabId = await tabIdOf(rig, url);
  return rig.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Calls the context-menu handler as a click on "Find related coverage" would. */
export async function clickFindRelated(rig: Rig, url: string, info: { selectionText?: string; linkUrl?: string }): Promise<void> {
  const tabId = await tabIdOf(rig, url);
  await rig.worker.evaluate(
    async ([id, extra]) => {
      const tab = await chrome.tabs.get(id);
      const handlers = (globalThis as unknown as { storyline: { onMenuClicked(i: unknown, t: unknown): Promise<void> } }).storyline;
      await handlers.onMenuClicked({ menuItemId: 'storyline-find-related', editable: false, pageUrl: tab.url, ...extra }, tab);
    },
    [tabId, info] as const,
  );
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: join(RESULTS, `${name}.png`) });
