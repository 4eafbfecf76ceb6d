// Regression guard on a fixed sample of the calibration data: the README match protocol (dates
// moved ±24 h with seed 1, no distractors) on all of allsides-dev and a seeded sample of neus-dev.
// Fails when Hit@1 (at MATCH_THRESHOLD) or Hit@1 at the run's own 2% orphan bar (how well right
// answers and orphans are separated, whatever the threshold) drops more than two points below the
// figures recorded here, or when orphan false matches climb well past the calibrated 2%. Raise the
// recorded figures when the engine improves (after `npm run calibrate`).
// The reader's path too (the bench:feeds replica, scripts/lib/reader-path.ts): feeds per outlet from
// allsides-dev, held-out reports read as pages through the product's page → engine conversion
// (src/background/page-doc.ts), matched against buildFeedStories' stories. Fails when its report
// precision or recall drops more than two points below the figures recorded here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadFile, matchProtocol, type MatchFigures } from '../../../scripts/lib/dataset';
import { readerSetup, runReplica } from '../../../scripts/lib/reader-path';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const dataDir = path.resolve(repoRoot, '../shared/data/stories');
// Recorded with the calibration in src/engine/calibration.ts. That calibration reads stored reports
// as feed items carry them (short), as the product stores them; this protocol matches whole reports
// against whole reports, where it does a little worse than the last one fitted that way (0.731 /
// 0.755 and 0.257 / 0.322), while the reader's path below gained (docs/benchmarks.md).
const RECORDED = {
  allsides: { hit1: 0.707, hit1AtFm2: 0.73 },
  neus: { hit1: 0.2, hit1AtFm2: 0.265 },
};
// bench:feeds on allsides-dev (seed 1, 50 orphans), recorded with the same calibration.
const READER = { precision: 0.987, recall: 0.741, maxOrphanFalseLaunchers: 0.06 };
const TOLERANCE = 0.02;
const MAX_ORPHAN_FM = 0.04;

function check(m: MatchFigures, recorded: { hit1: number; hit1AtFm2: number }): void {
  assert.ok(m.hit1 >= recorded.hit1 - TOLERANCE, `Hit@1 ${m.hit1.toFixed(3)} < recorded ${recorded.hit1} - ${TOLERANCE}`);
  assert.ok(m.hit1AtFm2 >= recorded.hit1AtFm2 - TOLERANCE, `Hit@1 at 2% orphans ${m.hit1AtFm2.toFixed(3)} < recorded ${recorded.hit1AtFm2} - ${TOLERANCE}`);
  assert.ok(m.orphanFalseMatch <= MAX_ORPHAN_FM, `orphan false matches ${m.orphanFalseMatch.toFixed(3)} > ${MAX_ORPHAN_FM}`);
}

test('Hit@1 on allsides-dev has not dropped', { skip: !existsSync(dataDir) && 'needs ../shared/data/stories (test data beside the repository)' }, () => {
  const m = matchProtocol(loadFile(path.join(dataDir, 'allsides-dev.jsonl')), [], { withDates: true });
  assert.ok(m.n > 700);
  check(m, RECORDED.allsides);
});

test('Hit@1 on a fixed neus-dev sample has not dropped', { skip: !existsSync(dataDir) && 'needs ../shared/data/stories (test data beside the repository)' }, () => {
  const m = matchProtocol(loadFile(path.join(dataDir, 'neus-dev.jsonl')), [], { withDates: false, sample: 400 });
  assert.equal(m.n, 400);
  check(m, RECORDED.neus);
});

test('the reader\'s path (bench:feeds replica) on allsides-dev has not dropped', { skip: !existsSync(dataDir) && 'needs ../shared/data/stories (test data beside the repository)' }, () => {
  const setup = readerSetup(loadFile(path.join(dataDir, 'allsides-dev.jsonl')), { orphans: 50, seed: 1, now: Date.UTC(2026, 0, 1) });
  const f = runReplica(setup);
  assert.ok(f.pages > 150 && f.orphans === 50, `${f.pages} pages, ${f.orphans} orphans`);
  assert.ok(f.precision >= READER.precision - TOLERANCE, `report precision ${f.precision.toFixed(3)} < recorded ${READER.precision} - ${TOLERANCE}`);
  assert.ok(f.recall >= READER.recall - TOLERANCE, `report recall ${f.recall.toFixed(3)} < recorded ${READER.recall} - ${TOLERANCE}`);
  assert.ok(f.orphanFalseLaunchers <= READER.maxOrphanFalseLaunchers, `orphan false launchers ${f.orphanFalseLaunchers.toFixed(3)}`);
});
