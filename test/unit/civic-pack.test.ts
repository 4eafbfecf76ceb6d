// The built-in civic taxonomy (assets/packs/civic.json): the fixed category ids and parents that the
// classifier and the officials directory rely on, a description and standing steps for every
// category, links with their curator and review date, letters that name the story and take no side,
// and text in our own words (no run of 8 words shared with the topic data or the seeds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import { MAX_CATEGORY_DESCRIPTION, type ActionStep, type Pack } from '../../src/formats/model';
import { isIsoDate, validatePack } from '../../src/formats/pack-validate';
import { placeholders } from '../../src/sidebar/letter';
import { copiedRuns } from '../../scripts/lib/copy-check';
import { readSeedTexts } from '../../scripts/lib/seed-parser';

const file = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const text = readFileSync(file('../../assets/packs/civic.json'), 'utf8');
const pack = JSON.parse(text) as Pack;
const schema = JSON.parse(readFileSync(file('../../schemas/pack.schema.json'), 'utf8')) as object;

/** The fixed taxonomy (HELPERS.md): id → parent. Other helpers' classifier and directory use these ids. */
const TAXONOMY: Record<string, string | null> = {
  politics: null,
  elections: 'politics',
  congress: 'politics',
  presidency: 'politics',
  world: null,
  'foreign-policy': 'world',
  'war-peace': 'world',
  'national-security': null,
  economy: null,
  'taxes-budget': 'economy',
  trade: 'economy',
  labor: 'economy',
  housing: 'economy',
  health: null,
  'health-care': 'health',
  'public-health': 'health',
  environment: null,
  energy: null,
  disasters: null,
  law: null,
  'criminal-justice': 'law',
  guns: 'law',
  'civil-rights': null,
  immigration: null,
  education: null,
  technology: null,
  media: null,
  science: null,
  transportation: null,
};

const steps = (): { category: string; step: ActionStep; path: string }[] =>
  pack.categories.flatMap((c, i) => c.actions.map((step, j) => ({ category: c.id, step, path: `categories[${i}].actions[${j}]` })));

test('the civic pack passes the validator and the JSON Schema', () => {
  const result = validatePack(pack);
  assert.deepEqual(result.ok ? [] : result.errors, []);
  const check = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  assert.equal(check(pack), true, JSON.stringify(check.errors));
});

test('it is the Storyline civic pack, categories only, written as canonical JSON', () => {
  assert.deepEqual(
    { format: pack.format, id: pack.id, publisher: pack.publisher, outlets: pack.outlets, stories: pack.stories },
    { format: 1, id: 'civic', publisher: 'Storyline', outlets: [], stories: [] },
  );
  assert.match(pack.version, /^\d+\.\d+\.\d+$/);
  assert.equal(text, `${JSON.stringify(pack, null, 2)}\n`);
});

test('exactly the fixed category ids and parents, in the table\'s order, two levels at most', () => {
  assert.deepEqual(
    pack.categories.map((c) => [c.id, c.parent ?? null]),
    Object.entries(TAXONOMY),
  );
  for (const c of pack.categories) if (c.parent) assert.equal(TAXONOMY[c.parent], null, `${c.id}: the parent has a parent`);
});

test('every category has a name and a one-sentence description of its own', () => {
  const names = new Set(pack.categories.map((c) => c.name));
  assert.equal(names.size, pack.categories.length);
  for (const c of pack.categories) {
    const description = c.description ?? '';
    assert.ok(description.length >= 60 && description.length <= MAX_CATEGORY_DESCRIPTION, `${c.id}: ${description.length} characters`);
    assert.match(description, /^[A-Z][^.!?]*\.$/, `${c.id}: one sentence`);
  }
});

test('every category has 3 to 7 standing steps, among them a learn step and a contact-official step', () => {
  // No exemption is needed: broad parents carry their own letter, since a story may be filed under
  // a parent alone (the classifier stops at the level it is sure of).
  for (const c of pack.categories) {
    assert.ok(c.actions.length >= 3 && c.actions.length <= 7, `${c.id}: ${c.actions.length} steps`);
    const kinds = c.actions.map((a) => a.kind);
    assert.ok(kinds.includes('learn'), `${c.id}: no learn step`);
    assert.equal(kinds.filter((k) => k === 'contact-official').length, 1, `${c.id}: one contact-official step`);
  }
});

test('step ids are stable, named for their category and kind, and unique', () => {
  const ids = steps().map(({ step }) => step.id);
  assert.equal(new Set(ids).size, ids.length);
  const kindWord: Record<string, string> = { 'contact-official': 'contact' };
  for (const { category, step } of steps()) {
    assert.match(step.id, new RegExp(`^${category}-(?:learn|contact|vote|volunteer|donate|event|write|share)-\\d$`), step.id);
    const word = step.id.slice(category.length + 1).replace(/-\d$/, '');
    // The id's word is the kind, except "vote" (an election is an event).
    assert.ok(word === (kindWord[step.kind] ?? step.kind) || (word === 'vote' && step.kind === 'event'), `${step.id} is a ${step.kind}`);
  }
});

test('every link is https, with its curator and the date an editor reviewed it', () => {
  const linked = steps().filter(({ step }) => step.url !== undefined);
  assert.ok(linked.length >= 120, `${linked.length} links`);
  for (const { step, path } of linked) {
    assert.match(step.url ?? '', /^https:\/\/[a-z0-9.-]+\.[a-z]+\//, path);
    assert.equal(step.curatedBy, 'Storyline editors', path);
    assert.ok(step.checked !== undefined && isIsoDate(step.checked) && step.checked <= pack.updated.slice(0, 10), `${path}: checked ${step.checked}`);
  }
  // Without a link there is nothing to check: no review date pretends otherwise.
  for (const { step, path } of steps()) if (step.url === undefined) assert.equal(step.checked, undefined, path);
});

test('letters name the story, address the reader\'s officials, and leave the view to the reader', () => {
  for (const { step, path } of steps()) {
    if (step.kind !== 'contact-official') {
      assert.equal(step.template, undefined, `${path}: a letter outside a contact step`);
      continue;
    }
    const template = step.template;
    assert.ok(template, `${path}: no letter`);
    assert.match(template.subject, /\{story\}/, path);
    assert.deepEqual(placeholders(template.body), ['representative', 'story', 'your_view', 'senators', 'name', 'address'], path);
    // Said for whom it is: U.S. readers get their Congress, others the same letter for their own representative.
    assert.match(step.details, /^For readers in the U\.S\.: .*Readers elsewhere can send it to their own representative\.$/, path);
  }
});

test('no standing step is a petition or a call to share a slogan: none takes a side', () => {
  for (const { step, path } of steps()) {
    assert.notEqual(step.kind, 'petition', path);
    assert.equal(step.hashtags, undefined, path);
  }
});

test('world, foreign policy, war and disasters offer readers outside the U.S. steps of their own', () => {
  for (const id of ['world', 'foreign-policy', 'war-peace', 'disasters']) {
    const category = pack.categories.find((c) => c.id === id);
    const international = (category?.actions ?? []).filter((a) => a.url !== undefined && !/\.gov\//.test(a.url));
    assert.ok(international.length >= 2, `${id}: ${international.length} steps beyond U.S. government sites`);
  }
});

test("steps that work through U.S. institutions say so, so that a story about another country holds them back", () => {
  // Sites that serve readers anywhere (a medical reference, an index of studies, security and
  // technical standards) are not held back, nor the U.S. reader's levers on the world's affairs.
  const anywhere = /^https:\/\/(medlineplus\.gov|pubmed\.ncbi\.nlm\.nih\.gov|www\.cisa\.gov|www\.nist\.gov)\//;
  const world = new Set(['world', 'foreign-policy', 'war-peace']);
  for (const { category, step, path } of steps()) {
    if (step.country !== undefined) assert.equal(step.country, 'US', path);
    if (world.has(category)) assert.equal(step.country, undefined, `${path}: the world's categories hold nothing back`);
    else if (step.url && /\.gov\//.test(step.url) && !anywhere.test(step.url)) assert.equal(step.country, 'US', `${path}: ${step.url}`);
    if (step.details.startsWith('For readers in the U.S.') && !world.has(category)) assert.equal(step.country, 'US', path);
  }
  // And a story about another country still has a step in each category: one any reader can take.
  for (const c of pack.categories) assert.ok(c.actions.some((a) => a.country === undefined), `${c.id}: every step is U.S. only`);
});

/** The texts our own words must not repeat: the topic data's titles, leads and definitions, and the seeds. */
function referenceTexts(): string[] {
  const topics = file('../../../shared/data/topics');
  const texts: string[] = [];
  for (const line of readFileSync(`${topics}/allsides-baly.jsonl`, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { title?: string; text?: string; labels?: string[] };
    texts.push(row.title ?? '', row.text ?? '', (row.labels ?? []).join(' '));
  }
  type Topic = { label: string; definition?: string; children?: Topic[] };
  const iptc = JSON.parse(readFileSync(`${topics}/iptc-mediatopics-top2.json`, 'utf8')) as { topics: Topic[] };
  for (const topic of iptc.topics.flatMap((t) => [t, ...(t.children ?? [])])) texts.push(topic.label, topic.definition ?? '');
  return [...texts, ...readSeedTexts(file('../../../shared/seed-stories'))];
}

const haveShared = existsSync(file('../../../shared/data/topics/allsides-baly.jsonl')) && existsSync(file('../../../shared/seed-stories'));

test('no run of 8 words of the pack stands in the topic data or the seeds', { skip: !haveShared && 'no ../shared/data/topics or ../shared/seed-stories' }, () => {
  const texts = referenceTexts();
  assert.ok(texts.length > 70_000, `${texts.length} reference texts`);
  // In slices, so the set of reference runs copiedRuns builds stays small (a few MB, not 300).
  const SLICE = 5_000;
  const found: { path: string; run: string }[] = [];
  for (let i = 0; i < texts.length; i += SLICE) found.push(...copiedRuns(pack, texts.slice(i, i + SLICE)));
  assert.deepEqual(found, []);
  // The check can fail: a lead from the topic data put into a description is found.
  const lead = texts.find((t) => t.split(/\s+/).length >= 12 && /election/i.test(t)) ?? '';
  const copy = structuredClone(pack);
  copy.categories[1]!.description = `Voting matters. ${lead.toUpperCase()}`;
  assert.ok(copiedRuns(copy, [lead]).some((f) => f.path === 'categories[1].description'));
});
