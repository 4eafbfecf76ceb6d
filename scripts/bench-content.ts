// Content-script cost, measured inside the content script (performance marks of a --bench build):
// gate, extraction (clone + Readability), message round trip to the background, and total, on the
// demo pages and on the 107 saved real pages; next to it, Readability's own parse of a clone of the
// same page run in the page, as a yardstick. Also prints the size of every bundle. The saved pages are
// test data beside the repository (../shared/data/pages): without them only the demo pages run.
//   npm run bench:content [-- --json] [--runs N]
import { build as esbuild } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, ROOT } from './build';
import { launchWithExtension } from './lib/chromium';
import { buildDemoSite, demoReportPaths } from './lib/demo-site';
import { startStaticServer } from './lib/static-server';

const args = process.argv.slice(2);
const json = args.includes('--json');
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const SAVED_PAGES = resolve(ROOT, '../shared/data/pages');
const hasSavedPages = existsSync(SAVED_PAGES);

type Sample = Record<'gate' | 'extract' | 'message' | 'total' | 'readability', number | undefined>;

const readabilityBundle = (
  await esbuild({
    stdin: { contents: "import { Readability } from '@mozilla/readability'; globalThis.__benchReadability = Readability;", resolveDir: ROOT },
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
  })
).outputFiles[0]!.text;

const { dirs, sizes } = await build({ bench: true, outDir: 'build/bench', quiet: true });
const site = buildDemoSite();
const server = await startStaticServer(site, hasSavedPages ? { '/pages/': SAVED_PAGES } : {});
const browser = await launchWithExtension(dirs.chrome);

async function measure(path: string): Promise<Sample> {
  const page = await browser.context.newPage();
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  // The content script's marks land in the page's performance timeline (bench build only).
  await page
    .waitForFunction(() => performance.getEntriesByName('storyline:total').length || performance.getEntriesByName('storyline:extract').length, null, { timeout: 15_000 })
    .catch(() => undefined);
  await page.waitForTimeout(300);
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('measure').filter((m) => m.name.startsWith('storyline:')).map((m) => [m.name.slice(10), m.duration])),
  );
  await page.addScriptTag({ content: readabilityBundle });
  const readability = await page.evaluate(() => {
    const Readability = (globalThis as unknown as { __benchReadability: new (d: Document) => { parse(): unknown } }).__benchReadability;
    const start = performance.now();
    new Readability(document.cloneNode(true) as Document).parse();
    return performance.now() - start;
  });
  await page.close();
  return { gate: marks['gate'], extract: marks['extract'], message: marks['message'], total: marks['total'], readability };
}

function stats(values: number[]): string {
  if (!values.length) return '—';
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `${at(0.5).toFixed(1)} / ${at(0.95).toFixed(1)}`;
}

const groups: Record<string, string[]> = {
  'demo reports': demoReportPaths(site).map((r) => r.path),
  'demo non-article (home)': ['/'],
  ...(hasSavedPages
    ? {
        'saved real pages': readdirSync(SAVED_PAGES, { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => `/pages/${d.name}/source.html`),
      }
    : {}),
};
if (!hasSavedPages) console.log('saved real pages: skipped: needs ../shared/data/pages (test data beside the repository, not part of it)');

const results: Record<string, Sample[]> = {};
for (const [group, paths] of Object.entries(groups)) {
  results[group] = [];
  for (let run = 0; run < (group === 'saved real pages' ? 1 : runs); run++) {
    for (const path of paths) results[group]!.push(await measure(path));
  }
}
await browser.close();
await server.close();

const fields = ['gate', 'extract', 'message', 'total', 'readability'] as const;
if (json) {
  for (const [group, samples] of Object.entries(results)) {
    const row: Record<string, unknown> = { group, n: samples.length };
    for (const f of fields) row[f] = stats(samples.flatMap((s) => (s[f] === undefined ? [] : [s[f]!])));
    console.log(JSON.stringify(row));
  }
  console.log(JSON.stringify({ bundles: sizes }));
} else {
  console.log(`Content script, ms as median / p95 (${runs} runs of the demo pages, ${hasSavedPages ? '1 of the saved pages' : 'saved pages skipped'})`);
  console.log(['group'.padEnd(26), 'n'.padStart(4), ...fields.map((f) => f.padStart(14))].join(' '));
  for (const [group, samples] of Object.entries(results)) {
    const cells = fields.map((f) => stats(samples.flatMap((s) => (s[f] === undefined ? [] : [s[f]!]))).padStart(14));
    console.log([group.padEnd(26), String(samples.length).padStart(4), ...cells].join(' '));
  }
  console.log('\nBundles (minified, both browsers)');
  for (const [file, bytes] of Object.entries(sizes)) console.log(`${file.padEnd(16)} ${(bytes / 1024).toFixed(1).padStart(7)} KiB`);
}
