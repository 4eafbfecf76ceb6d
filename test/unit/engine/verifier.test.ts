// The verifier's input and scoring (verifier.ts) on hand-made evidence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CALIBRATED_VERIFIER, EVIDENCE_NAMES, STREAM_VERIFIER, evidenceVector, evidenceVectors, scoreEvidence, verifierFeatures, verifierScore, verify, type Verifier } from '../../../src/engine/verifier';
import type { Evidence } from '../../../src/engine/scoring';
import type { StoryEntry } from '../../../src/engine/story-entry';

function ev(memberCos: number, over: Partial<Evidence> = {}): Evidence {
  return {
    story: { id: `s${memberCos}` } as StoryEntry,
    cos: () => memberCos,
    memberCos,
    maxDocCos: memberCos,
    titleCos: 0,
    storyTitleInQuery: 0,
    titleInStory: 0,
    queryCover: 0,
    storyCover: 0,
    consensusCover: 0,
    entities: null,
    storyEntities: null,
    rarest: 0,
    sharedFigures: 0,
    queryHasText: true,
    gapDays: null,
    timeSurprise: null,
    shared: () => [],
    ...over,
  };
}

const at = (name: (typeof EVIDENCE_NAMES)[number]): number => EVIDENCE_NAMES.indexOf(name);

test('margins: the best candidate is measured against the second, the others against the best', () => {
  const [best, second, third] = evidenceVectors([ev(0.6), ev(0.4), ev(0.1)]);
  assert.ok(Math.abs(best![at('memberMargin')]! - 0.2) < 1e-9);
  assert.ok(Math.abs(second![at('memberMargin')]! + 0.2) < 1e-9);
  assert.ok(Math.abs(third![at('memberMargin')]! + 0.5) < 1e-9);
});

test('time: a close date is evidence in proportion to how telling the moment is; no date is no evidence', () => {
  const [close] = evidenceVectors([ev(0.5, { gapDays: 0, timeSurprise: 2 })]);
  const [far] = evidenceVectors([ev(0.5, { gapDays: 30, timeSurprise: 2 })]);
  const [undated] = evidenceVectors([ev(0.5)]);
  assert.equal(close![at('closeness')], 2);
  assert.ok(far![at('closeness')]! < 1e-5 && far![at('logGap')]! > 3);
  assert.equal(undated![at('closeness')], 0);
  assert.equal(undated![at('logGap')], 0);
});

test('verifier input: standardised, clamped to the calibrated range, with pairwise products', () => {
  const n = EVIDENCE_NAMES.length;
  const s = { means: Array(n).fill(1), scales: Array(n).fill(2), lows: Array(n).fill(0), highs: Array(n).fill(3) };
  const x = verifierFeatures(Array(n).fill(10), s);
  // bias, n standardised values, then products of all but the last (logGap², already a product).
  assert.equal(x.length, 1 + n + ((n - 1) * n) / 2);
  assert.equal(x[0], 1);
  assert.equal(x[1], 1, '10 is clamped to 3, then (3 - 1) / 2');
  assert.equal(x[1 + n], 1, 'the first product is 1 × 1');
});

test('a headline-only query has its log-odds moved by the calibrated shift', () => {
  const n = EVIDENCE_NAMES.length;
  const v: Verifier = {
    means: Array(n).fill(0),
    scales: Array(n).fill(1),
    lows: Array(n).fill(-10),
    highs: Array(n).fill(10),
    weights: [0, 4],
    threshold: 0.5,
    headlineShift: -1,
  };
  const [withText] = verify([ev(0.5)], v);
  const [headline] = verify([ev(0.5, { queryHasText: false })], v);
  const logit = (p: number) => Math.log(p / (1 - p));
  assert.ok(Math.abs(logit(withText!) - 2) < 1e-9);
  assert.ok(Math.abs(logit(headline!) - 1) < 1e-9);
});

test('the stream clusterer joins with the stream verifier, new or restored, and a restored one keeps a verifier it is given', async () => {
  const { StreamClusterer } = await import('../../../src/engine/stream-clusterer');
  const { readClustererState, writeClustererState } = await import('../../../src/engine/clusterer-state');
  const { STREAM_VERIFIER, CALIBRATED_VERIFIER } = await import('../../../src/engine/verifier');
  const c = new StreamClusterer();
  c.add({ id: 'a', title: 'Volcano erupts near Arbor', text: 'Hundreds fled the village.' });
  c.add({ id: 'b', title: 'Volcano erupts near Arbor, hundreds flee', text: 'Villagers fled the lava.' });
  assert.equal(c.index.verifier, STREAM_VERIFIER);
  assert.equal(readClustererState(writeClustererState(c))?.index.verifier, STREAM_VERIFIER);
  const own: Verifier = { ...CALIBRATED_VERIFIER, threshold: 0.5 };
  assert.equal(readClustererState(writeClustererState(c), { verifier: own })?.index.verifier, own);
});

test('scoreEvidence is the verifier score of the evidence vector, to the last bit', () => {
  const cases = [
    ev(0.61, { titleCos: 0.4, storyTitleInQuery: 0.3, titleInStory: 0.7, queryCover: 0.5, storyCover: 0.2, consensusCover: 0.45, entities: 0.8, storyEntities: 0.1, rarest: 0.9, sharedFigures: 3, gapDays: 1.3, timeSurprise: 1.7 }),
    ev(0.05, { queryHasText: false, entities: null, gapDays: 40, timeSurprise: 0.2 }),
    ev(2, { titleCos: -3, rarest: 7, gapDays: 0 }),
  ];
  for (const v of [CALIBRATED_VERIFIER, STREAM_VERIFIER])
    for (const e of cases)
      for (const [bestOther, shift] of [[0.3, 0], [0.61, v.headlineShift], [0, -0.25]] as const)
        assert.equal(scoreEvidence(e, bestOther, v, shift), verifierScore(verifierFeatures(evidenceVector(e, bestOther), v), v.weights, shift));
});
