import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEntities, isTitleCase } from '../../../src/engine/entities';
import { extractFeatures } from '../../../src/engine/features';
import { tokenize } from '../../../src/engine/tokenize';

const entities = (s: string, names = true) => [...extractEntities(tokenize(s), s, names).keys()].sort();

test('capitalised phrases inside a sentence are entities; a sentence-initial capital alone is not', () => {
  const e = entities('Yesterday the Supreme Court heard John Kerry. Officials waited.');
  assert.ok(e.includes('e:supreme court'));
  assert.ok(e.includes('e:john kerry'));
  assert.ok(!e.includes('e:yesterday'));
  assert.ok(!e.includes('e:officials'));
});

test('a leading "The" is not part of a name, and weekdays are not names', () => {
  const e = entities('The White House spoke on Monday.');
  assert.ok(e.includes('e:white house'));
  assert.ok(!e.some((k) => k.includes('monday')));
});

test('acronyms and numbers with units are entities', () => {
  const e = entities('the FBI and the U.S. said 300 people paid $1.9 billion, up 15%');
  for (const k of ['e:fbi', 'e:us', 'n:300 people', 'n:1.9 billion', 'n:$1.9', 'n:15 percent']) assert.ok(e.includes(k), k);
});

test('a percentage is the whole run of digits and points before its "%"', () => {
  const percents = (s: string) => entities(s).filter((k) => k.endsWith(' percent'));
  assert.deepEqual(percents('up 1.5.% then 12 % and ..5%'), ['n:1.5. percent', 'n:12 percent', 'n:5 percent']);
  assert.deepEqual(percents('5..5% and 5%5%'), ['n:5 percent', 'n:5..5 percent']);
  // A currency amount takes its digits first; 1,5% is "5 percent", as a comma is no part of one.
  assert.deepEqual(entities('$1.5% and 1,5%'), ['n:$1.5', 'n:5 percent']);
});

test('lower-cased text yields no names', () => {
  assert.deepEqual(entities('taylor swift attends gala in london'), []);
});

test('title case is detected so capitals in such headlines do not count as names', () => {
  assert.equal(isTitleCase(tokenize('Supreme Court Sides With Police In Two Cases')), true);
  assert.equal(isTitleCase(tokenize('Supreme Court sides with police in two cases')), false);
});

test('a Title Case headline keeps the names its lead confirms', () => {
  const f = extractFeatures({ title: 'Kerry Meets Iran Officials', text: 'Former secretary John Kerry met officials from Iran on Monday.' });
  assert.ok(f.terms.has('e:iran'));
  assert.ok(!f.terms.has('e:kerry meets iran officials'));
});

test('title outweighs lead, lead outweighs body', () => {
  const body = 'x '.repeat(200);
  const f = extractFeatures({ title: 'Volcano erupts', text: `A glacier melted today. ${body} A meteor was seen.` });
  const w = (t: string) => f.terms.get(t) ?? 0;
  assert.ok(w('volcano') > w('glacier'), 'title above lead');
  assert.ok(w('glacier') > w('meteor'), 'lead above body');
  assert.equal(f.display.get('erupt'), 'erupts');
});

test('only the first 700 characters of text are read: the lead the verifier is calibrated on', () => {
  const f = extractFeatures({ title: 'Volcano erupts', text: `${'Lava flows. '.repeat(60)}A meteor was seen.` });
  assert.ok(f.terms.has('lava'));
  assert.ok(!f.terms.has('meteor'));
});

test('a "title" past any headline\'s length is read only as far as a headline goes', () => {
  const long = `${'Harbour ferry fares '.repeat(200)} Zanzibar`;
  const terms = [...extractFeatures({ title: long, text: null }).terms.keys()];
  assert.ok(terms.some((t) => t.startsWith('harbour')), terms.join(' '));
  assert.ok(!terms.some((t) => t.includes('zanzibar')), 'words past the cut are not read');
});
