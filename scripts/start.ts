// npm start: builds the extension, serves the demo news site on 127.0.0.1 and opens Chromium with
// Storyline loaded on a demo report, its sidebar open.
//   npm start                 a window when a display is there (a desktop, or xvfb-run), else headless
//   npm start -- --headless   always headless: saves a screenshot and keeps serving until Ctrl-C
//   npm start -- --once       headless, screenshot, then exit (a smoke test of the whole path)
//   npm start -- --seeds DIR  seed pages to build the demo site from (default ../shared/seed-stories)
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, ROOT } from './build';
import { launchWithExtension } from './lib/chromium';
import { buildDemoSite, demoReportPaths } from './lib/demo-site';
import { startStaticServer } from './lib/static-server';

const args = process.argv.slice(2);
const once = args.includes('--once');
const headless = once || args.includes('--headless') || !process.env['DISPLAY'];
const seedsAt = args.indexOf('--seeds');
const seeds = resolve(ROOT, seedsAt >= 0 && args[seedsAt + 1] ? args[seedsAt + 1]! : '../shared/seed-stories');

const { dirs } = await build({ quiet: true });
const site = buildDemoSite(seeds);
const server = await startStaticServer(site, {}, 8720).catch(() => startStaticServer(site));
const first = demoReportPaths(site)[0]?.path ?? '/';
console.log(`Demo news site: ${server.origin}/ (reports: ${demoReportPaths(site).length})`);

const browser = await launchWithExtension(dirs.chrome, { headless });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(`${server.origin}${first}`);
const launcher = page.locator('[data-storyline]').locator('button.launcher');
await launcher.waitFor({ timeout: 20_000 });
await launcher.click();
await page.frameLocator('[data-storyline] iframe.sidebar').locator('[data-section="coverage"]').waitFor({ timeout: 20_000 });

if (headless) {
  const out = join(ROOT, 'test-results');
  mkdirSync(out, { recursive: true });
  await page.screenshot({ path: join(out, 'start.png') });
  console.log(`Headless: the sidebar on ${page.url()} is in test-results/start.png`);
}
if (once) {
  await browser.close();
  await server.close();
} else {
  console.log('Storyline is running. Press Ctrl-C to stop.');
  const stop = async (): Promise<void> => {
    await browser.close().catch(() => undefined);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  browser.context.on('close', () => void stop());
}
