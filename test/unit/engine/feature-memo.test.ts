// The feature memo: within withFeatureMemo a text's features are made once and shared; outside it,
// and past MEMO_TEXTS, they are made afresh; what the memo holds stays until the outermost work ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docTerms, termsOnce } from '../../../src/engine';
import { featuresOf, MEMO_TEXTS, withFeatureMemo } from '../../../src/engine/feature-memo';

const doc = (n: number) => ({ title: `Council approves budget number ${n}`, text: `The council voted on item ${n} of the plan on Tuesday.` });

test('outside a memo every reading is made afresh; inside, a text is read once', async () => {
  assert.notEqual(featuresOf(doc(1)), featuresOf(doc(1)));
  await withFeatureMemo(async () => {
    const first = featuresOf(doc(1));
    assert.equal(featuresOf({ ...doc(1) }), first, 'the same text, another object');
    assert.notEqual(featuresOf(doc(2)), first);
    // A title and text that spell the same characters differently split are different texts.
    assert.notEqual(featuresOf({ title: 'ab', text: 'c' }), featuresOf({ title: 'a', text: 'bc' }));
  });
  assert.notEqual(featuresOf(doc(1)), featuresOf(doc(1)), 'the memo went with its work');
});

test('nested work shares the outer memo, which lasts until the outer work ends', async () => {
  let inner: unknown;
  await withFeatureMemo(async () => {
    await withFeatureMemo(async () => {
      inner = featuresOf(doc(3));
    });
    assert.equal(featuresOf(doc(3)), inner, 'kept after the inner work ended');
  });
});

test('a full memo keeps what it holds and adds nothing', async () => {
  await withFeatureMemo(async () => {
    const first = featuresOf(doc(0));
    for (let n = 1; n < MEMO_TEXTS; n++) featuresOf(doc(n));
    const past = featuresOf(doc(MEMO_TEXTS));
    assert.equal(featuresOf(doc(0)), first, 'what was read first is still there');
    assert.notEqual(featuresOf(doc(MEMO_TEXTS)), past, 'a text past the limit is not kept');
  });
});

test('termsOnce reads the terms docTerms reads', async () => {
  await withFeatureMemo(async () => {
    assert.deepEqual(termsOnce(doc(5)), docTerms(doc(5)));
    assert.ok(termsOnce(doc(5)).length > 4);
  });
});
