// Faults (issue 16): the browser killed (SIGKILL: a crash, a power cut, the reader's task manager)
// in the middle of a 10,000-story pack import, at 10, 40, 70 and 90 % of its progress as the
// options page sees it. Started again on the same profile, Storyline has the pack all out and every
// stored record as it was, and the same file imported again lands whole. Each round imports the
// next edition over the last, so the rounds after the first kill a replace of an installed pack.
// In Chromium and Firefox, each on a profile kept across the kill.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchPack } from '../../scripts/lib/bench-pack';
import type { BrowserDriver, Surface } from './driver/types';
import { BROWSERS, startOnProfile, testId, until } from './harness';
import { benchRecord, chooseFile, importOutcome, progressPast } from './pack-import-probes';
import { changedStores, readStored } from './stored';

const STORIES = 10_000;
const KILLS = [0.1, 0.4, 0.7, 0.9];

const skip = process.env['E2E_FAULTS'] ? false : 'a 10,000-story import killed four times takes minutes: run with E2E_FAULTS=1';

async function openOptions(browser: BrowserDriver): Promise<Surface> {
  const options = await browser.openExtensionTab('options.html');
  await until(options, `!!document.querySelector('${testId('import-file')}')`);
  return options;
}

for (const name of BROWSERS) test(`${name}: killed at 10, 40, 70 and 90 % of an import, started again with everything as it was`, { timeout: 1_500_000, skip }, async () => {
  const profile = mkdtempSync(join(tmpdir(), 'storyline-kill-'));
  let browser = await startOnProfile(name, profile);
  try {
    for (const [round, at] of KILLS.entries()) {
      const version = round + 1;
      const text = JSON.stringify(benchPack(STORIES, version, version > 1));
      const before = await readStored(browser);
      const options = await openOptions(browser);
      await options.evaluate(`void (globalThis.packText = ${JSON.stringify(text)})`);
      const reached = options.evaluate<number>(progressPast(at));
      await until(options, 'globalThis.armed === true');
      await options.evaluate(chooseFile(`bench-${version}.json`));
      const seen = await reached;
      await browser.kill();
      console.log(`${name}: killed at ${Math.round(at * 100)} %: progress ${(seen * 100).toFixed(0)} % when killed`);

      // Started again on the same profile: the pack all out, every record as before.
      browser = await startOnProfile(name, profile);
      const after = await readStored(browser);
      assert.deepEqual(changedStores(before, after), [], `killed at ${at}: stores changed`);
      assert.equal((await benchRecord(browser))?.version ?? null, version > 1 ? String(version - 1) : null);

      // The reader imports the same file again: it lands whole.
      const again = await openOptions(browser);
      await again.evaluate(`void (globalThis.packText = ${JSON.stringify(text)})`);
      await again.evaluate(chooseFile(`bench-${version}.json`));
      await importOutcome(again, /Imported Bench/);
      const base = (before.stores['stories']?.count ?? 0) - (version > 1 ? STORIES : 0);
      assert.deepEqual(await benchRecord(browser), { version: String(version), stories: base + STORIES });
    }
  } finally {
    await browser.stop().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
});
