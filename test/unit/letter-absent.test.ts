// D.C. and the territories have no senators: a letter's `{senators}` is a blank nobody can fill
// there, so the sentence naming it is left out (and not counted as a field still to fill), and the
// civic pack's 29 letters read right for every place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import './ui/dom'; // the English catalog
import { parseDirectory } from '../../src/formats/officials-format';
import { officialsFor } from '../../src/sidebar/officials';
import { fillTemplate, letterFill, omitSentences, placeholders } from '../../src/sidebar/letter';
import type { Pack } from '../../src/formats/model';

const directory = parseDirectory(JSON.parse(readFileSync(new URL('../../assets/officials/us-congress.json', import.meta.url), 'utf8')));
const civic = JSON.parse(readFileSync(new URL('../../assets/packs/civic.json', import.meta.url), 'utf8')) as Pack;
const letters = civic.categories.flatMap((c) => c.actions.flatMap((a) => (a.template ? [{ path: `${c.id}/${a.id}`, template: a.template }] : [])));
const TODAY = '2026-07-01';

/** A letter as the sidebar makes it for a reader: the sentences nobody can fill out, the rest filled. */
function letterFor(state: string, body: string, district?: number): { text: string; fields: string[]; missing: string[] } {
  const place = district === undefined ? { country: 'US', state } : { country: 'US', state, district };
  const fill = letterFill({ story: 'A story', name: 'Ana', today: TODAY, officials: officialsFor(directory, place) });
  const kept = omitSentences(body, fill.absent);
  const fields = placeholders(kept);
  return { text: fillTemplate(kept, fill.values), fields, missing: fields.filter((key) => !fill.values.get(key)) };
}

test('for D.C. and the territories the civic letters leave out the senators\' sentence, and nothing else', () => {
  assert.equal(letters.length, 29);
  for (const state of ['DC', 'PR', 'GU', 'VI', 'AS', 'MP']) {
    for (const { path, template } of letters) {
      const { text, fields, missing } = letterFor(state, template.body);
      assert.doesNotMatch(text, /senators/, `${state} ${path}`);
      assert.deepEqual(fields, ['representative', 'story', 'your_view', 'name', 'address'], `${state} ${path}`);
      assert.deepEqual(missing, ['your_view', 'address'], `${state} ${path}`);
      // The paragraphs around it keep one blank line between them.
      assert.doesNotMatch(text, /\n\n\n/, `${state} ${path}`);
      assert.match(text, /^Dear (Delegate|Resident Commissioner) \S[^\n]*,\n\n/, `${state} ${path}`);
      assert.match(text, /[.?]\n\nSincerely,\nAna\n\{address\}$/, `${state} ${path}`);
    }
  }
  // A state keeps the sentence, its senators named.
  const wa = letterFor('WA', letters[0]!.template.body, 7);
  assert.match(wa.text, /\n\nI am sending a copy of this letter to my senators, Senator \S.* and Senator \S.*\.\n\nSincerely,/);
  assert.deepEqual(wa.missing, ['your_view', 'address']);
});

test('only the sentence naming the absent placeholder goes; a line left empty takes one blank line with it', () => {
  const none = new Set(['senators']);
  assert.equal(omitSentences('Dear {representative}. Copy to {senators}. Thanks!', none), 'Dear {representative}. Thanks!');
  assert.equal(omitSentences('One.\n\nCopy to {Senators}.\n\nTwo.', none), 'One.\n\nTwo.');
  assert.equal(omitSentences('Copy to {senators}.\n\nOne.', none), 'One.');
  assert.equal(omitSentences('One.\n\nCopy to {senators}.', none), 'One.');
  assert.equal(omitSentences('One.\nCopy to {senators}.\nTwo.', none), 'One.\nTwo.');
  // A sentence ends at ., ! or ? (with closing quotes) and a space: "U.S." inside one does not end it.
  assert.equal(omitSentences('The U.S. Senate, “{senators}.” Next.', none), 'Next.');
  assert.equal(omitSentences('Nothing to drop, {senator}.', none), 'Nothing to drop, {senator}.');
  assert.equal(omitSentences('Copy to {senators}.', new Set()), 'Copy to {senators}.');
});

test('leaving sentences out is linear in the text', () => {
  const time = (n: number): number => {
    const text = `${'word. {senators} '.repeat(n)}\n${'\n{senators}'.repeat(n)}${'x'.repeat(n)}`;
    const start = performance.now();
    omitSentences(text, new Set(['senators']));
    return performance.now() - start;
  };
  time(2_000);
  const small = Math.max(time(20_000), 1);
  assert.ok(time(80_000) < small * 12, 'four times the text takes about four times as long');
});
