// Pack text fields have length limits (issue 16: a 10 MB summary was stored and sent to the
// sidebar). The validator and the schema both refuse, and the validator names the place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import type { Pack } from '../../src/formats/model';
import { PACK_TEXT_LIMITS, SHORT_TEXT, validatePack } from '../../src/formats/pack-validate';
import { samplePack } from '../fixtures/packs';

const schema = JSON.parse(readFileSync(new URL('../../schemas/pack.schema.json', import.meta.url), 'utf8')) as object;
const schemaCheck = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const docs = readFileSync(new URL('../../docs/pack-format.md', import.meta.url), 'utf8');

function errorsOf(change: (pack: Pack) => void): { validator: string[]; schema: boolean } {
  const pack = samplePack();
  change(pack);
  const result = validatePack(pack);
  return { validator: result.ok ? [] : result.errors, schema: schemaCheck(pack) };
}

test('a 10 MB summary is refused, with its place named', () => {
  const { validator, schema: passes } = errorsOf((pack) => {
    pack.stories[0]!.summary = 'x'.repeat(10_000_000);
  });
  assert.deepEqual(validator, [`stories[0].summary: longer than ${PACK_TEXT_LIMITS['summary']} characters`]);
  assert.equal(passes, false);
});

test('every kind of field has its limit, the same in the validator and the schema', () => {
  const cases: [string, (pack: Pack, n: number) => void, number][] = [
    ['stories[0].id', (p, n) => void (p.stories[0]!.id = 'i'.repeat(n)), PACK_TEXT_LIMITS['id']!],
    ['stories[0].title', (p, n) => void (p.stories[0]!.title = 't'.repeat(n)), PACK_TEXT_LIMITS['title']!],
    ['publisher', (p, n) => void (p.publisher = 'p'.repeat(n)), SHORT_TEXT],
    ['stories[0].actions[0].details', (p, n) => void (p.stories[0]!.actions[0]!.details = 'd'.repeat(n)), PACK_TEXT_LIMITS['details']!],
  ];
  for (const [place, set, max] of cases) {
    const at = errorsOf((p) => set(p, max));
    assert.ok(!at.validator.some((e) => e.startsWith(`${place}:`)), `${place} at the limit passes`);
    const over = errorsOf((p) => set(p, max + 1));
    assert.ok(over.validator.includes(`${place}: longer than ${max} characters`), over.validator.join('\n'));
    assert.equal(over.schema, false, `${place}: the schema refuses too`);
  }
});

test('docs/pack-format.md states the limits', () => {
  const section = docs.split(/^## /m).find((s) => s.startsWith('Limits')) ?? '';
  for (const n of [PACK_TEXT_LIMITS['id'], PACK_TEXT_LIMITS['title'], PACK_TEXT_LIMITS['summary'], SHORT_TEXT]) {
    assert.match(section, new RegExp(n!.toLocaleString('en-US')), String(n));
  }
});
