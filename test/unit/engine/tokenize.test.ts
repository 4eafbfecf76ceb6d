import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isContentWord, normaliseNumber, tokenize } from '../../../src/engine/tokenize';
import { stem } from '../../../src/engine/stem';

const norms = (s: string) => tokenize(s).map((t) => t.norm);

test('tokenize keeps letters of any script and lower-cases them', () => {
  assert.deepEqual(norms('Café in Kyiv: Київ, Zürich!'), ['café', 'in', 'kyiv', 'київ', 'zürich']);
});

test('possessives fold into the name; contractions stay whole', () => {
  assert.deepEqual(norms("Kerry's plan doesn't work"), ['kerry', 'plan', "doesn't", 'work']);
});

test('dotted acronyms become one token and sentence starts are flagged', () => {
  const t = tokenize('The U.S. said no. Biden agreed');
  assert.deepEqual(t.map((x) => x.surface), ['The', 'US', 'said', 'no', 'Biden', 'agreed']);
  assert.deepEqual(t.map((x) => x.sentenceStart), [true, false, false, false, true, false]);
});

test('numbers lose thousands separators and trailing zeros', () => {
  assert.equal(normaliseNumber('1,000,000'), '1000000');
  assert.equal(normaliseNumber('1.50'), '1.5');
  assert.deepEqual(norms('It cost 1,500 dollars'), ['it', 'cost', '1500', 'dollars']);
});

test('stop words and single characters are not content words', () => {
  assert.equal(isContentWord('the'), false);
  assert.equal(isContentWord('said'), false);
  assert.equal(isContentWord('x'), false);
  assert.equal(isContentWord('senate'), true);
});

test('stemming folds inflections of English words only', () => {
  assert.equal(stem('elections'), stem('election'));
  assert.equal(stem('ruled'), stem('ruling'));
  assert.equal(stem('київ'), 'київ');
  assert.equal(stem('2021'), '2021');
});
