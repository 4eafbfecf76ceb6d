// Regression guard on a fixed sample of the calibration data: the README match protocol (dates
// moved ±24 h with seed 1, no distractors) on all of allsides-dev and a seeded sample of neus-dev.
// Fails when Hit@1 drops more than two points below the figures recorded here; raise the
// recorded figures when the engine improves (and re-run `npx tsx scripts/calibrate.ts` first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadFile, matchProtocol } from '../../../scripts/lib/dataset';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const dataDir = path.resolve(repoRoot, '../shared/data/stories');
// Recorded with the calibration in src/engine/calibration.ts (MATCH_THRESHOLD applied).
const RECORDED = { allsides: 0.763, neus: 0.185 };
const TOLERANCE = 0.02;

test('Hit@1 on allsides-dev has not dropped', { skip: !existsSync(dataDir) && 'no ../shared/data/stories' }, () => {
  const file = loadFile(path.join(dataDir, 'allsides-dev.jsonl'));
  const m = matchProtocol(file, [], { withDates: true });
  assert.ok(m.n > 700);
  assert.ok(m.hit1 >= RECORDED.allsides - TOLERANCE, `Hit@1 ${m.hit1.toFixed(3)} < recorded ${RECORDED.allsides} - ${TOLERANCE}`);
});

test('Hit@1 on a fixed neus-dev sample has not dropped', { skip: !existsSync(dataDir) && 'no ../shared/data/stories' }, () => {
  const file = loadFile(path.join(dataDir, 'neus-dev.jsonl'));
  const m = matchProtocol(file, [], { withDates: false, sample: 400 });
  assert.equal(m.n, 400);
  assert.ok(m.hit1 >= RECORDED.neus - TOLERANCE, `Hit@1 ${m.hit1.toFixed(3)} < recorded ${RECORDED.neus} - ${TOLERANCE}`);
});
