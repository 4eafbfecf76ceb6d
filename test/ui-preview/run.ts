// Visual check of the sidebar and popup: bundles the real entries with a stub `browser` (preview only),
// serves them from 127.0.0.1 and screenshots each scenario in light and dark with Chromium.
// Run: npx tsx test/ui-preview/run.ts [name filter]   → PNGs in test-results/ui-preview/
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, 'test-results/ui-preview');

async function bundle(): Promise<void> {
  await mkdir(out, { recursive: true });
  await build({
    entryPoints: {
      sidebar: join(root, 'src/sidebar/index.tsx'),
      popup: join(root, 'src/popup/index.tsx'),
      'stub-browser': join(root, 'test/ui-preview/stub-browser.ts'),
    },
    bundle: true,
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: out,
    logLevel: 'warning',
  });
  for (const page of ['sidebar', 'popup']) {
    const html = await readFile(join(root, `src/${page}/${page}.html`), 'utf8');
    const stubbed = html.replace(`<script src="${page}.js">`, `<script src="stub-browser.js"></script>\n    <script src="${page}.js">`);
    if (stubbed === html) throw new Error(`${page}.html: entry script tag not found`);
    await writeFile(join(out, `${page}.html`), stubbed);
  }
}

const CHUNK = 900;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

function serve(): Promise<{ url: string; close(): void }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    readFile(join(out, path.replace(/^\/+/, '').replace(/\.\./g, '')))
      .then((body) => res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body))
      .catch(() => res.writeHead(404).end());
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }),
    ),
  );
}

interface Shot {
  name: string;
  page: 'sidebar' | 'popup';
  query: string;
  prepare?(page: Page): Promise<void>;
}

/** Types `query` into a search box and waits for its hits to show. */
async function searchFor(page: Page, box: string, query: string, hits: string): Promise<void> {
  await page.fill(box, query);
  await page.waitForSelector(hits);
}

/** In the popup's search, opens the summary of the hit `arrows` presses of ArrowDown reach from the box. */
async function openPopupHit(page: Page, arrows: number): Promise<void> {
  await searchFor(page, '[data-testid="search"]', 'putin', '[data-testid="search-results"] li');
  for (let i = 0; i < arrows; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="search-results"] button.hit[aria-expanded="true"]');
}

const openAllDetails = async (page: Page) => {
  await page.$$eval('details', (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
};

const SHOTS: Shot[] = [
  { name: 'sidebar-story', page: 'sidebar', query: 'scenario=story' },
  { name: 'sidebar-story-open', page: 'sidebar', query: 'scenario=story', prepare: openAllDetails },
  { name: 'sidebar-story-big', page: 'sidebar', query: 'scenario=big', prepare: async (page) => page.locator('[data-section="coverage"]').scrollIntoViewIfNeeded() },
  {
    // The chart reached by keyboard: the page's dot takes the focus, the arrow key the next report.
    name: 'sidebar-chart-keyboard',
    page: 'sidebar',
    query: 'scenario=big',
    async prepare(page) {
      await page.focus('circle.chart-dot.is-current');
      await page.keyboard.press('ArrowRight');
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? 'nothing focused');
      if (!/Plains Gazette/.test(focused)) throw new Error(`the arrow key moved the focus to: ${focused}`);
      await page.locator('[data-testid="coverage-chart"]').scrollIntoViewIfNeeded();
    },
  },
  { name: 'sidebar-story-private', page: 'sidebar', query: 'scenario=private', prepare: openAllDetails },
  { name: 'sidebar-story-classified', page: 'sidebar', query: 'scenario=classified' },
  { name: 'sidebar-story-unsure', page: 'sidebar', query: 'scenario=unsure' },
  { name: 'sidebar-story-filed', page: 'sidebar', query: 'scenario=filed' },
  {
    name: 'sidebar-keyboard',
    page: 'sidebar',
    query: 'scenario=story',
    async prepare(page) {
      for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    },
  },
  { name: 'sidebar-civic', page: 'sidebar', query: 'scenario=civic' },
  {
    name: 'sidebar-abroad',
    page: 'sidebar',
    query: 'scenario=abroad',
    prepare: async (page) => page.locator('[data-testid="actions-held-back"]').scrollIntoViewIfNeeded(),
  },
  {
    name: 'sidebar-abroad-shown',
    page: 'sidebar',
    query: 'scenario=abroad',
    prepare: async (page) => {
      await page.locator('[data-testid="actions-held-back"] button').click();
      await page.locator('[data-testid="actions-held-back"] button[aria-expanded="true"]').scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'sidebar-civic-open',
    page: 'sidebar',
    query: 'scenario=civic',
    async prepare(page) {
      // Follow the second category's link, as a reader would, and show where it lands.
      await page.click('[data-section="categories"] li:nth-child(2) a');
    },
  },
  { name: 'sidebar-story-rtl', page: 'sidebar', query: 'scenario=story&lang=ar' },
  { name: 'sidebar-search', page: 'sidebar', query: 'scenario=search' },
  { name: 'sidebar-search-empty', page: 'sidebar', query: 'scenario=search-empty' },
  { name: 'sidebar-none', page: 'sidebar', query: 'scenario=none' },
  { name: 'sidebar-none-maybe', page: 'sidebar', query: 'scenario=none-maybe' },
  {
    // The search of every stored story on a page of no story.
    name: 'sidebar-none-search',
    page: 'sidebar',
    query: 'scenario=none-maybe',
    prepare: (page) => searchFor(page, '[data-testid="stored-search"]', 'putin', '[data-testid="stored-search-hits"]'),
  },
  { name: 'sidebar-error', page: 'sidebar', query: 'scenario=error' },
  { name: 'popup-story', page: 'popup', query: 'scenario=story' },
  { name: 'popup-no-match', page: 'popup', query: 'scenario=no-match' },
  { name: 'popup-not-scriptable', page: 'popup', query: 'scenario=not-scriptable' },
  { name: 'popup-reload-needed', page: 'popup', query: 'scenario=reload-needed' },
  { name: 'popup-maybe', page: 'popup', query: 'scenario=maybe' },
  {
    // Two hits, the first opened: the list shows whole.
    name: 'popup-search',
    page: 'popup',
    query: 'scenario=story',
    async prepare(page) {
      await openPopupHit(page, 1);
      const cut = await page.$eval('[data-testid="search-results"]', (list) => list.scrollHeight - list.clientHeight);
      if (cut > 0) throw new Error(`the short list of hits is cut by ${cut}px`);
    },
  },
  {
    // Eight hits: the list scrolls and fades where more lies beyond; the fourth, opened, is in view whole.
    name: 'popup-search-long',
    page: 'popup',
    query: 'scenario=story&search=long',
    async prepare(page) {
      await openPopupHit(page, 4);
      const seen = await page.$eval('[data-testid="search-results"]', (list) => {
        const box = list.getBoundingClientRect();
        const opened = list.querySelector('button.hit[aria-expanded="true"]')!.parentElement!.getBoundingClientRect();
        return { scrolls: list.scrollHeight > list.clientHeight, fades: list.hasAttribute('data-more-below'), whole: opened.top >= box.top && opened.bottom <= box.bottom };
      });
      if (!seen.scrolls || !seen.fades || !seen.whole) throw new Error(`the long list: ${JSON.stringify(seen)}`);
    },
  },
];

async function main(): Promise<void> {
  await bundle();
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const scheme of ['light', 'dark'] as const) {
      for (const shot of SHOTS.filter((s) => s.name.includes(process.argv[2] ?? ''))) {
        const width = shot.page === 'sidebar' ? 380 : 360;
        const page = await browser.newPage({ viewport: { width, height: shot.page === 'sidebar' ? 900 : 200 }, colorScheme: scheme });
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${server.url}/${shot.page}.html?${shot.query}`);
        await page.waitForSelector('#app > *');
        await page.waitForTimeout(150);
        await shot.prepare?.(page);
        await page.waitForTimeout(200);
        // Tall pages are cut into viewport-high parts, so each PNG can be looked at at full size.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let part = 0; part * CHUNK < height; part++) {
          const file = join(out, `${shot.name}-${scheme}${part ? `-${part + 1}` : ''}.png`);
          const clip = { x: 0, y: part * CHUNK, width, height: Math.min(CHUNK, height - part * CHUNK) };
          await page.screenshot({ path: file, fullPage: true, clip });
          console.log(errors.length ? `${file}  PAGE ERRORS: ${errors.join('; ')}` : file);
        }
        await page.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
