// The pack validator and the letter agree on what a placeholder is: a template's subject or body
// whose `{…}` the sidebar would not fill (so would send as typed, with no field and no "still empty")
// is refused when the pack is read, by the generated validator and by the schema as ajv reads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import type { Pack } from '../../src/formats/model';
import { validatePack } from '../../src/formats/pack-validate';
import { fillTemplate, placeholders } from '../../src/sidebar/letter';
import { samplePack } from '../fixtures/packs';
import { assertLinear } from './fuzz/growth';

const schema = JSON.parse(readFileSync(new URL('../../schemas/pack.schema.json', import.meta.url), 'utf8')) as object;
const schemaCheck = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function withTemplate(subject: string, body: string): Pack {
  const pack = samplePack();
  pack.stories[0]!.actions[0]!.template = { subject, body };
  return pack;
}

/** Every `{` of the text opens a placeholder the letter fills (so it gets a field): filling them all leaves no `{`. */
function letterFillsAll(text: string): boolean {
  const all = new Map(placeholders(text).map((key) => [key, 'x']));
  return !fillTemplate(text, all).includes('{');
}

const REFUSED = ['{your view}', "{Senator's name}", '{représentant}', '{2nd_point}', '{}', '{ }', '{name', '{name\n}', '{{name}}', '{__proto__}', `{${'a'.repeat(42)}}`, 'Dear {name}, {'];
const ACCEPTED = ['{name}', '{Representative}', '{your_view}', '{your-view}', '{constructor}', '{toString}', `{${'a'.repeat(41)}}`, 'No placeholder at all } here', 'Dear {name}, thanks.'];

test('a placeholder the letter cannot fill is refused in a body and in a subject; one it fills is accepted', () => {
  for (const text of REFUSED) {
    for (const [subject, body, field] of [['S', text, 'body'], [text, 'B', 'subject']] as const) {
      const result = validatePack(withTemplate(subject, body));
      assert.equal(result.ok, false, `${field} ${JSON.stringify(text)}`);
      if (!result.ok) {
        assert.deepEqual(result.errors, [`stories[0].actions[0].template.${field}: has a {placeholder} the letter cannot fill: write {name}, a letter then letters, digits, _ or -, closed on the same line`]);
      }
      assert.equal(schemaCheck(withTemplate(subject, body)), false, `ajv: ${field} ${JSON.stringify(text)}`);
    }
    assert.equal(letterFillsAll(text), false, JSON.stringify(text));
  }
  for (const text of ACCEPTED) {
    assert.equal(validatePack(withTemplate(text, text)).ok, true, JSON.stringify(text));
    assert.equal(schemaCheck(withTemplate(text, text)), true, `ajv: ${JSON.stringify(text)}`);
    assert.equal(letterFillsAll(text), true, JSON.stringify(text));
  }
});

test('the built-in packs\' letters are all placeholders the letter fills', () => {
  for (const file of ['civic', 'starter']) {
    const pack = JSON.parse(readFileSync(new URL(`../../assets/packs/${file}.json`, import.meta.url), 'utf8')) as Pack;
    assert.equal(validatePack(pack).ok, true, file);
    const actions = [...pack.categories.flatMap((c) => c.actions), ...pack.stories.flatMap((s) => s.actions)];
    for (const { template } of actions) if (template) assert.ok(letterFillsAll(template.subject) && letterFillsAll(template.body), file);
  }
});

test('the placeholder check is linear in the subject and the body', () => {
  assertLinear('validatePack (placeholders)', validatePack, {
    'a body of open braces and letters': (n) => withTemplate('S', '{a'.repeat(n / 2)),
    'a subject of near-placeholders': (n) => withTemplate(`{${'a'.repeat(40)}`.repeat(n / 42).slice(0, 300), 'B'),
    'a body of names one letter too long': (n) => withTemplate('S', `{${'a'.repeat(41)} `.repeat(n / 44)),
  }, 40_000);
});
