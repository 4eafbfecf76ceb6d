// Faults (issue 16): the background stopped in the middle of a 10,000-story pack import, at 10, 40,
// 70 and 90 % of its progress as the options page sees it (the import's own progress events, not
// a timer). Each time the pack is all out, every stored record as it was, the reader reads our
// message and imports the same file again with one click, which lands whole. Each round imports
// the next edition over the last, so "nothing else changed" covers an installed pack too. Also:
// twenty matching tabs opened at once each get their launcher. In each browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchPack } from '../../scripts/lib/bench-pack';
import { LAUNCHER, inEachBrowser, until } from './harness';
import { benchRecord, chooseFile, importOutcome, progressPast } from './pack-import-probes';
import { changedStores, readStored } from './stored';

const STORIES = 10_000;
const STOPS = [0.1, 0.4, 0.7, 0.9];
const started = Date.now();
const step = (what: string): void => void (process.env['FAULTS_TRACE'] && console.log(`${((Date.now() - started) / 1000).toFixed(1)} s ${what}`));

inEachBrowser((rig, browser) => {
  // About a minute per browser on a quiet project machine, up to 17 on a loaded one: too long for
  // every run, so it runs on request (docs/reliability.md gives the command and its last figures).
  const skip = process.env['E2E_FAULTS'] ? false : 'a 10,000-story import stopped four times takes 1 to 17 min per browser: run with E2E_FAULTS=1';
  test('an import stopped at 10, 40, 70 and 90 % leaves everything as it was, and can be tried again', { timeout: 1_500_000, skip }, async () => {
    const { driver } = rig();
    const options = await driver.openExtensionTab('options.html');
    await until(options, `!!document.querySelector('[data-testid="import-file"]')`);
    const baseStories = (await readStored(driver)).stores['stories']?.count ?? 0;
    let interrupted = 0;
    for (const [round, stop] of STOPS.entries()) {
      const version = round + 1;
      // Editions after the first rewrite every story: the transaction then replaces what is there.
      await options.evaluate(`void (globalThis.packText = ${JSON.stringify(JSON.stringify(benchPack(STORIES, version, version > 1)))})`);
      step('before read');
      const before = await readStored(driver);
      const reached = options.evaluate<number>(progressPast(stop));
      // Warm: the first stop finds its target once, before the clock matters.
      if (round === 0) await driver.stopBackground();
      await until(options, 'globalThis.armed === true');
      await options.evaluate(chooseFile(`bench-${version}.json`));
      const seen = await reached;
      await driver.stopBackground();
      const last = await options.evaluate<number>('globalThis.lastProgress');
      console.log(`${browser} stop at ${Math.round(stop * 100)} %: progress ${(seen * 100).toFixed(0)} % when stopped, ${(last * 100).toFixed(0)} % last seen`);

      step('stopped');
      const said = await importOutcome(options, /was not imported|Imported Bench/);
      if (/Imported Bench/.test(said)) {
        // The stop came after the import's one transaction committed (a loaded machine can delay it
        // that long): the pack is in whole, and the reader is told it was imported, not "nothing changed".
        console.log(`${browser} stop at ${Math.round(stop * 100)} % landed after the commit: reported imported`);
        assert.deepEqual(await benchRecord(driver), { version: String(version), stories: baseStories + STORIES });
        continue;
      }
      interrupted++;
      // The reader's message, in our words, and a way to try again.
      assert.match(said, new RegExp(`bench-${version}\\.json was not imported: Storyline stopped before the import finished`));
      assert.doesNotMatch(said, /message port|channel closed|disconnected|context invalidated/i);
      // All out: every record as before. The options page's next call starts the background again.
      await options.evaluate(`(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'sources/state', payload: {} }).then(() => null)`);
      step('message shown');
      const after = await readStored(driver);
      assert.deepEqual(changedStores(before, after), [], `stopped at ${stop}: stores changed`);
      assert.equal((await benchRecord(driver))?.version ?? null, version > 1 ? String(version - 1) : null);

      // Trying again lands the pack whole.
      step('compared');
      await options.click('[data-testid="import-retry"]');
      await importOutcome(options, /Imported Bench/);
      step('retried');
      assert.deepEqual(await benchRecord(driver), { version: String(version), stories: baseStories + STORIES });
    }
    // Most stops must land inside the import, or this test says little about them.
    assert.ok(interrupted >= 2, `only ${interrupted} of ${STOPS.length} stops landed inside the import`);
    await options.close();
  });

  test('twenty matching tabs opened at once each get their launcher, without an error', { timeout: 180_000 }, async () => {
    const { driver, reports } = rig();
    const tabs = await Promise.all(Array.from({ length: 20 }, (_, i) => driver.open(reports[i % reports.length]!)));
    await Promise.all(tabs.map((tab) => tab.waitFor(LAUNCHER, { timeout: 60_000 })));
    const ours = tabs.flatMap((tab) => tab.errors.filter((e) => /(chrome|moz)-extension:|storyline/i.test(e)));
    assert.deepEqual(ours, []);
    assert.deepEqual(await driver.background(`storyline.problems()`), []);
    await Promise.all(tabs.map((tab) => tab.close()));
  });
});
