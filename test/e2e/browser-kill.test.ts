// Faults (issue 16): the browser killed (SIGKILL: a crash, a power cut, the reader's task manager)
// in the middle of a 10,000-story pack import, at 10, 40, 70 and 90 % of its progress as the
// options page sees it. Started again on the same profile, Storyline has the pack all out and every
// stored record as it was, and the same file imported again lands whole. Each round imports the
// next edition over the last, so the rounds after the first kill a replace of an installed pack.
// Chromium only: its launcher can keep a profile and find the browser's process; Firefox's driver
// has neither yet (docs/reliability.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_BUILD } from '../../scripts/build';
import { benchPack } from '../../scripts/lib/bench-pack';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { pageSurface } from './driver/chromium';
import type { Surface } from './driver/types';
import { BROWSERS, ROOT, until } from './harness';
import { benchRecord, chooseFile, importOutcome, progressPast } from './pack-import-probes';
import { changedStores, readStored } from './stored';

const STORIES = 10_000;
const KILLS = [0.1, 0.4, 0.7, 0.9];
const EXTENSION = join(ROOT, E2E_BUILD, 'chrome');

const skip = !BROWSERS.includes('chromium')
  ? 'Chromium only'
  : process.env['E2E_FAULTS']
    ? false
    : 'a 10,000-story import killed four times takes minutes: run with E2E_FAULTS=1';

/** The background of a launched browser, as stored.ts and the probes read it. */
const backgroundOf = (browser: ExtensionBrowser) => ({
  background: async <R>(expression: string): Promise<R> => (await browser.context.serviceWorkers().at(-1)!.evaluate(expression)) as R,
});

async function openOptions(browser: ExtensionBrowser): Promise<Surface> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const options = pageSurface(page);
  await until(options, `!!document.querySelector('[data-testid="import-file"]')`);
  return options;
}

test('a browser killed at 10, 40, 70 and 90 % of an import starts again with everything as it was', { timeout: 1_500_000, skip }, async () => {
  const profile = mkdtempSync(join(tmpdir(), 'storyline-kill-'));
  let browser = await launchWithExtension(EXTENSION, { userDataDir: profile });
  try {
    for (const [round, at] of KILLS.entries()) {
      const version = round + 1;
      const text = JSON.stringify(benchPack(STORIES, version, version > 1));
      const before = await readStored(backgroundOf(browser));
      const options = await openOptions(browser);
      await options.evaluate(`void (globalThis.packText = ${JSON.stringify(text)})`);
      const reached = options.evaluate<number>(progressPast(at));
      await until(options, 'globalThis.armed === true');
      await options.evaluate(chooseFile(`bench-${version}.json`));
      const seen = await reached;
      await browser.kill();
      console.log(`killed at ${Math.round(at * 100)} %: progress ${(seen * 100).toFixed(0)} % when killed`);

      // Started again on the same profile: the pack all out, every record as before.
      browser = await launchWithExtension(EXTENSION, { userDataDir: profile });
      const after = await readStored(backgroundOf(browser));
      assert.deepEqual(changedStores(before, after), [], `killed at ${at}: stores changed`);
      assert.equal((await benchRecord(backgroundOf(browser)))?.version ?? null, version > 1 ? String(version - 1) : null);

      // The reader imports the same file again: it lands whole.
      const again = await openOptions(browser);
      await again.evaluate(`void (globalThis.packText = ${JSON.stringify(text)})`);
      await again.evaluate(chooseFile(`bench-${version}.json`));
      await importOutcome(again, /Imported Bench/);
      const base = (before.stores['stories']?.count ?? 0) - (version > 1 ? STORIES : 0);
      assert.deepEqual(await benchRecord(backgroundOf(browser)), { version: String(version), stories: base + STORIES });
    }
  } finally {
    await browser.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
});
