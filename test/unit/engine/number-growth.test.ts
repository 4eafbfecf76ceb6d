// Numbers in a title or text come from pages and feeds: a long run of digits must cost its length,
// not its square (one title of "1." and 50,000 zeros took extractFeatures 4.6 s).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEntities } from '../../../src/engine/entities';
import { extractFeatures } from '../../../src/engine/features';
import { normaliseNumber } from '../../../src/engine/tokenize';
import { assertLinear, reportRatios } from '../fuzz/growth';

after(() => reportRatios((line) => console.log(line)));

// Big enough that the old quadratic patterns took 10–16× the time for 4× the digits, small enough to be quick.
const N = 10_000;

test('growth: normaliseNumber is linear in a number’s digits', () => {
  assertLinear('normaliseNumber', normaliseNumber, {
    'zeros then a digit': (n) => `1.${'0'.repeat(n)}1`,
    'zeros, a digit, a zero': (n) => `1.${'0'.repeat(n)}10`,
    'thousands groups': (n) => `1${',000'.repeat(n / 4)}.50`,
  }, N);
});

test('growth: amounts and percentages are found in linear time', () => {
  assertLinear('extractEntities', (s: string) => extractEntities([], s, true), {
    digits: (n) => '1'.repeat(n),
    'digits and points': (n) => '1.'.repeat(n / 2),
    'a digit, points, a digit': (n) => `1${'.'.repeat(n)}1`,
    'a currency then points': (n) => `$1${'.'.repeat(n)}x`,
  }, N);
});

test('growth: extractFeatures is linear on a title of one long number', () => {
  assertLinear('extractFeatures', (title: string) => extractFeatures({ title, text: title }), { 'zeros then a digit': (n) => `1.${'0'.repeat(n)}1` }, N);
});

test('a 50,000-digit number is read in milliseconds, not seconds', () => {
  // The ratios above sit near their limit for the old patterns at this size; this one does not:
  // the old code took about 10 s in all here, the new one a few ms.
  const long = `1.${'0'.repeat(50_000)}1`;
  const start = performance.now();
  normaliseNumber(long);
  normaliseNumber(`${long}0`);
  extractEntities([], '1'.repeat(50_000), true);
  extractFeatures({ title: long, text: long });
  const ms = performance.now() - start;
  assert.ok(ms < 500, `took ${ms.toFixed(0)} ms`);
});
