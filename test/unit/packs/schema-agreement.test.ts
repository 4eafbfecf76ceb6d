// validatePack (the validator generated from schemas/pack.schema.json, trimmed for size, plus the
// hand-written checks) and the schema as ajv reads it today (Ajv2020, untrimmed) must agree: the
// starter pack and each hand-made pack below get the same verdict from both. What JSON Schema
// cannot say (references between ids, unique ids, real calendar dates) is listed separately.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import type { Pack } from '../../../src/formats/model';
import { validatePack } from '../../../src/formats/pack-validate';
import { samplePack } from '../../fixtures/packs';

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const schemaCheck = new Ajv2020({ allErrors: true, strict: true }).compile(read('../../../schemas/pack.schema.json') as object);
const starter = read('../../../assets/packs/starter.json') as Pack;

type Change = (p: Pack & Record<string, unknown>) => void;
const story = (p: Pack) => p.stories[0]!;
const action = (p: Pack) => story(p).actions[0]!;

/** A pack rich enough that every optional field is present once. */
function full(): Pack & Record<string, unknown> {
  const pack = samplePack() as Pack & Record<string, unknown>;
  pack.categories.push({ id: 'europe', name: 'Europe', parent: 'world', description: 'News from European countries.', actions: [] });
  Object.assign(pack.outlets[0]!, { country: 'GB', owner: 'Example Media', lean: 'center' });
  Object.assign(story(pack).articles[0]!, { excerpt: 'The lead.' });
  story(pack).opinions.push({ id: 'o1', title: 'A view', author: 'A. Writer', source: 'example.com', summary: 'Argues.', url: 'https://example.com/view' });
  Object.assign(action(pack), {
    url: 'https://petitions.example.org/1',
    template: { subject: 'About the summit', body: 'Dear {representative},\n…\n{name}' },
    contacts: [{ name: 'A Person', role: 'Senator', email: 'a@example.gov', url: 'https://example.gov/a', checked: '2025-08-01' }],
    hashtags: ['Ukraine', 'Frieden_2025'],
    curatedBy: 'Editors',
    checked: '2025-08-16T10:00:00+02:00',
  });
  pack['x-publisher-note'] = 'extra keys are allowed';
  return pack;
}

/** The changes after which both must still accept the pack; every other change must be refused. */
const ACCEPTED = new Set(['unchanged', 'article URL upper-case scheme', 'categories only', 'description of 500 astral characters']);

const sameVerdict: [string, Change][] = [
  ['unchanged', () => undefined],
  ['categories only', (p) => Object.assign(p, { outlets: [], stories: [] })],
  ['description of 500 astral characters', (p) => Object.assign(p.categories[1]!, { description: '𝔸'.repeat(500) })],
  ['description of 501 characters', (p) => Object.assign(p.categories[1]!, { description: 'a'.repeat(501) })],
  ['blank description', (p) => Object.assign(p.categories[1]!, { description: ' ' })],
  ['description a number', (p) => Object.assign(p.categories[1]!, { description: 5 })],
  ['format 2', (p) => Object.assign(p, { format: 2 })],
  ['missing publisher', (p) => delete (p as Record<string, unknown>)['publisher']],
  ['blank version', (p) => Object.assign(p, { version: '  ' })],
  ['updated without a zone', (p) => Object.assign(p, { updated: '2025-08-16T00:00:00' })],
  ['updated with an hour 24', (p) => Object.assign(p, { updated: '2025-08-16T24:00:00Z' })],
  ['stories not an array', (p) => Object.assign(p, { stories: {} })],
  ['a story that is a string', (p) => Object.assign(p, { stories: ['s'] })],
  ['article URL javascript:', (p) => Object.assign(story(p).articles[0]!, { url: 'javascript:alert(1)' })],
  ['article URL with a space', (p) => Object.assign(story(p).articles[0]!, { url: 'https://example.com/a b' })],
  ['article URL upper-case scheme', (p) => Object.assign(story(p).articles[0]!, { url: 'HTTPS://EXAMPLE.COM/A' })],
  ['article kind rumour', (p) => Object.assign(story(p).articles[0]!, { kind: 'rumour' })],
  ['article published null', (p) => Object.assign(story(p).articles[0]!, { published: null })],
  ['article without title', (p) => delete (story(p).articles[0] as unknown as Record<string, unknown>)['title']],
  ['story categories holding a number', (p) => Object.assign(story(p), { categories: [1] })],
  ['story without opinions', (p) => delete (story(p) as unknown as Record<string, unknown>)['opinions']],
  ['category without actions', (p) => delete (p.categories[0] as unknown as Record<string, unknown>)['actions']],
  ['outlet domain upper-case', (p) => Object.assign(p.outlets[0]!, { domain: 'Example.COM' })],
  ['outlet domain with a scheme', (p) => Object.assign(p.outlets[0]!, { domain: 'https://example.com' })],
  ['action kind boycott', (p) => Object.assign(action(p), { kind: 'boycott' })],
  ['contact without checked', (p) => delete (action(p).contacts![0] as unknown as Record<string, unknown>)['checked']],
  ['contact checked as a word', (p) => Object.assign(action(p).contacts![0]!, { checked: 'recently' })],
  ['contact email without a domain', (p) => Object.assign(action(p).contacts![0]!, { email: 'a@b' })],
  ['template with an unclosed placeholder', (p) => Object.assign(action(p).template!, { body: 'Dear {name,\nthanks}' })],
  ['template with an empty placeholder', (p) => Object.assign(action(p).template!, { body: 'Dear { },' })],
  ['template placeholder open at the end', (p) => Object.assign(action(p).template!, { body: 'Dear {name' })],
  ['hashtag with #', (p) => Object.assign(action(p), { hashtags: ['#Ukraine'] })],
  ['hashtag with a space', (p) => Object.assign(action(p), { hashtags: ['two words'] })],
  ['opinion URL ftp:', (p) => Object.assign(story(p).opinions[0]!, { url: 'ftp://example.com/x' })],
  ['opinion without summary', (p) => delete (story(p).opinions[0] as unknown as Record<string, unknown>)['summary']],
];

const validatorOnly: [string, Change, string][] = [
  ['unknown category', (p) => Object.assign(story(p), { categories: ['nowhere'] }), "stories[0].categories[0]: unknown category 'nowhere'"],
  ['unknown outlet', (p) => Object.assign(story(p).articles[0]!, { outlet: 'nowhere' }), "stories[0].articles[0].outlet: unknown outlet 'nowhere'"],
  ['unknown parent', (p) => Object.assign(p.categories[1]!, { parent: 'nowhere' }), "categories[1].parent: unknown category 'nowhere'"],
  [
    'duplicate story id',
    (p) => {
      const copy = structuredClone(story(p));
      copy.articles.forEach((a) => (a.id = `copy-${a.id}`));
      p.stories.push(copy);
    },
    "stories[2].id: duplicate id 'summit'",
  ],
  [
    'article id shared by two stories',
    (p) => p.stories[1]!.articles.push({ ...story(p).articles[0]! }),
    "stories[1].articles[2].id: duplicate id 'summit-1' (article ids are unique in the whole pack)",
  ],
  ['30 February', (p) => Object.assign(p, { updated: '2025-02-30T00:00:00Z' }), 'updated: not an ISO 8601 date-time with offset'],
];

function verdicts(change: Change): { schema: boolean; validator: boolean; schemaErrors: unknown } {
  const pack = full();
  change(pack);
  return { schema: schemaCheck(pack), validator: validatePack(pack).ok, schemaErrors: schemaCheck.errors };
}

test('the starter pack passes both the schema and the validator', () => {
  assert.equal(schemaCheck(starter), true, JSON.stringify(schemaCheck.errors));
  assert.equal(validatePack(starter).ok, true);
});

for (const [name, change] of sameVerdict) {
  test(`same verdict: ${name}`, () => {
    const v = verdicts(change);
    assert.equal(v.schema, v.validator, JSON.stringify(v.schemaErrors));
    assert.equal(v.validator, ACCEPTED.has(name));
  });
}

for (const [name, change, error] of validatorOnly) {
  test(`beyond JSON Schema, the validator alone refuses: ${name}`, () => {
    const pack = full();
    change(pack);
    assert.equal(schemaCheck(pack), true);
    const result = validatePack(pack);
    assert.deepEqual(result.ok ? [] : result.errors, [error]);
  });
}
