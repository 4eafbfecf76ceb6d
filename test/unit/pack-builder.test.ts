// The pack builder: JSONL, saved-HTML and saved-text input, labelled and clustered stories,
// editorial notes and the input facts they refer to, the own-words check, deterministic output,
// and a CLI that writes only a valid pack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPack, readInput, type InputArticle, type PackEditorial } from '../../scripts/pack';
import { validatePack } from '../../src/formats/pack-validate';

const summit = (id: string, source: string, url: string | null, title: string, date: string | null, story?: string): InputArticle => ({
  id, title, source, url, date, ...(story ? { story } : {}),
  text: 'Donald Trump and Vladimir Putin met for about three hours in Anchorage, Alaska, and announced no ceasefire or agreement on the war in Ukraine.',
});

const INPUT: InputArticle[] = [
  summit('a1', 'Daily Meridian', 'https://www.dailymeridian.example/world/summit?utm_source=x', 'Trump and Putin end Alaska summit without Ukraine deal', '2025-08-16T05:40:00Z', 'alaska'),
  summit('a2', 'Northwind Wire', 'https://wire.example.net/world/anchorage', 'Putin and Trump talks in Anchorage end with no ceasefire', '2025-08-15T23:30:00+00:00', 'alaska'),
  summit('a3', 'Polar Post', 'https://polarpost.example.com/2025/08/16/alaska-summit', 'Alaska summit: Trump and Putin announce no Ukraine agreement', 'Sat, 16 Aug 2025 09:00:00 GMT'),
  summit('a4', 'Polar Post', 'https://polarpost.example.com/opinion/alaska-images', 'Trump Putin Alaska summit in Anchorage gave images, no Ukraine ceasefire', '2025-08-16T12:00:00Z'),
  { id: 'b1', title: 'Harbour council raises ferry fares by five percent', text: 'The harbour council voted to raise ferry fares from September.', source: 'Harbour Times', url: null, date: null },
  { id: 'b2', title: 'Ferry fares to rise five percent, harbour council decides', text: 'The harbour council voted to raise ferry fares from September.', source: 'Harbour Gazette', url: null, host: 'www.harbourgazette.example', date: null },
];

const EDITORIAL: PackEditorial = {
  pack: { id: 'meridian-world', publisher: 'Meridian Editors', version: '3', updated: '2025-08-17T00:00:00Z' },
  categories: [
    { id: 'world', name: 'World', actions: [{ id: 'learn', kind: 'learn', title: 'Read more', details: 'Background reading.' }] },
    { id: 'russia', name: 'Russia', parent: 'world' },
  ],
  stories: [
    { story: 'alaska', summary: 'The summit in our words.', categories: ['world', 'russia'], opinions: [{ id: 'o1', title: 'A view', author: 'Editors', summary: 'Argues.' }] },
    { article: 'b1', title: 'Ferry fares rise', categories: ['world'] },
  ],
};

test('labelled articles keep their story, unlabelled ones join it or start their own; editorial notes apply', () => {
  const pack = buildPack(INPUT, EDITORIAL);
  assert.equal(validatePack(pack).ok, true);
  assert.deepEqual(pack.stories.map((s) => [s.id, s.articles.map((a) => a.id)]), [['alaska', ['a2', 'a1', 'a3', 'a4']], ['s:b1', ['b1', 'b2']]]);
  const [alaska, ferry] = pack.stories;
  assert.equal(alaska?.title, 'Putin and Trump talks in Anchorage end with no ceasefire', 'the earliest report is the title');
  assert.equal(alaska?.summary, 'The summit in our words.');
  assert.deepEqual(alaska?.categories, ['world', 'russia']);
  assert.equal(alaska?.opinions.length, 1);
  assert.deepEqual(alaska?.articles.map((a) => a.kind), ['report', 'report', 'report', 'opinion']);
  assert.equal(alaska?.articles[1]?.url, 'https://www.dailymeridian.example/world/summit', 'tracking parameters removed');
  assert.equal(alaska?.articles[2]?.published, '2025-08-16T09:00:00.000Z');
  assert.equal(ferry?.title, 'Ferry fares rise', 'a clustered story is found by one of its articles');
  assert.equal(ferry?.articles[0]?.url, undefined, 'no URL is invented');
  assert.deepEqual(pack.outlets.map((o) => [o.id, o.domain ?? null]), [
    ['dailymeridian.example', 'dailymeridian.example'],
    ['harbour-times', null],
    ['harbourgazette.example', 'harbourgazette.example'],
    ['polarpost.example.com', 'polarpost.example.com'],
    ['wire.example.net', 'wire.example.net'],
  ], 'host when there is no URL, a slug of the name when there is neither');
  assert.deepEqual(pack.categories.map((c) => [c.id, c.parent ?? null, c.actions.length]), [['world', null, 1], ['russia', 'world', 0]]);
});

test('the output is the same for the same input in any order, and the pack meta can come from options', () => {
  const a = JSON.stringify(buildPack(INPUT, EDITORIAL));
  const b = JSON.stringify(buildPack([...INPUT].reverse(), EDITORIAL));
  assert.equal(a, b);
  const plain = buildPack(INPUT, {}, { id: 'p', publisher: 'P', version: '1' });
  assert.equal(plain.updated, '2025-08-16T12:00:00Z', 'updated defaults to the newest article, never the clock');
  assert.equal(plain.stories[0]?.articles[0]?.published, '2025-08-15T23:30:00+00:00', 'an ISO time keeps the offset it was written with');
  assert.ok(plain.stories.every((s) => s.categories.length === 0 && s.summary));
});

test('bad input is refused with the reason: duplicate ids, missing meta, an invalid result', () => {
  assert.throws(() => buildPack([...INPUT, INPUT[0]!], EDITORIAL), /article id 'a1' appears twice/);
  assert.throws(() => buildPack(INPUT), /needs "id": pass --id/);
  const unknown: PackEditorial = { ...EDITORIAL, stories: [{ story: 'alaska', categories: ['nowhere'] }] };
  assert.throws(() => buildPack(INPUT, unknown), /stories\[0\]\.categories\[0\]: unknown category 'nowhere'/);
});

test('a folder of saved pages is read with Readability: canonical URL, site name, time', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pack-html-'));
  try {
    const paragraph = 'Donald Trump and Vladimir Putin met in Anchorage for about three hours and announced no agreement on Ukraine. '.repeat(6);
    writeFileSync(join(dir, 'summit.html'), `<!doctype html><html><head><title>Summit ends without deal | Daily Meridian</title>
      <link rel="canonical" href="https://www.dailymeridian.example/world/summit">
      <meta property="og:site_name" content="Daily Meridian">
      <meta property="article:published_time" content="2025-08-16T05:40:00Z"></head>
      <body><article><h1>Summit ends without deal</h1><p>${paragraph}</p><p>${paragraph}</p></article></body></html>`);
    writeFileSync(join(dir, 'notes.txt'), 'not a page: a text file that names no outlet');
    const [page, ...rest] = readInput(dir);
    assert.equal(rest.length, 0);
    assert.equal(page?.id, 'summit');
    assert.equal(page?.url, 'https://www.dailymeridian.example/world/summit');
    assert.equal(page?.source, 'Daily Meridian');
    assert.equal(page?.date, '2025-08-16T05:40:00Z');
    assert.match(page?.text ?? '', /^Donald Trump and Vladimir Putin met in Anchorage/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the CLI writes a valid pack from JSONL and an editorial file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pack-cli-'));
  try {
    writeFileSync(join(dir, 'in.jsonl'), `${INPUT.map((r) => JSON.stringify(r)).join('\n')}\n`);
    writeFileSync(join(dir, 'editorial.json'), JSON.stringify(EDITORIAL));
    const out = join(dir, 'pack.json');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/pack.ts', '--in', join(dir, 'in.jsonl'), '--out', out, '--editorial', join(dir, 'editorial.json'), '--version', '4'], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /2 stories, 6 articles/);
    const pack = JSON.parse(readFileSync(out, 'utf8')) as unknown;
    assert.equal(validatePack(pack).ok, true);
    assert.equal((pack as { version: string }).version, '4', 'options override the editorial file');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A page saved as text in the seed pages' layout (see scripts/lib/seed-parser.ts). */
const textPage = (headline: string, line: string, body: string): string =>
  `Polar Post Logo\n\n${headline}\n\n${line}\nCategories: World, Polar Affairs\n${headline}\n\n${body}\n\n(C)opyright 2025 - polarpost.example\n`;

test('a folder of pages saved as text gives headline, outlet, zoned time, categories and the page\'s facts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pack-text-'));
  try {
    const body = 'Donald Trump and Vladimir Putin met in Anchorage. ### What Can We Personally Do About This? 1. **Sign the Petition**: [here](https://petitions.example/peace) 2. **Write**: Senator Jane Doe (D-AK): doe.senate.gov/contact and use #PeaceNow. By taking these actions we help.';
    writeFileSync(join(dir, '000_a.txt'), textPage('Alaska summit ends with no deal on Ukraine', 'wire.example -- Friday, August 15, 2025, 7:56:54 PM Eastern Daylight Time', body));
    const [page, ...rest] = readInput(dir);
    assert.equal(rest.length, 0);
    assert.deepEqual(
      { id: page?.id, title: page?.title, source: page?.source, host: page?.host, date: page?.date, categories: page?.categories, site: page?.site },
      { id: '000_a', title: 'Alaska summit ends with no deal on Ukraine', source: 'wire.example', host: 'wire.example', date: '2025-08-15T19:56:54-04:00', categories: ['World', 'Polar Affairs'], site: { name: 'Polar Post', domain: 'polarpost.example' } },
    );
    assert.deepEqual([page?.people, page?.hashtags, page?.petitions], [['Jane Doe'], ['PeaceNow'], ['https://petitions.example/peace']]);
    assert.equal(page?.url, undefined, 'no URL is invented');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const FACTS: InputArticle[] = [
  { ...INPUT[0]!, story: null, categories: ['World', 'Polar Affairs'], people: ['Jane Doe'], hashtags: ['PeaceNow'], petitions: ['https://petitions.example/peace'], site: { name: 'Polar Post', domain: 'polarpost.example' } },
  { ...INPUT[1]!, story: null, categories: ['World'] },
  INPUT[4]!,
];

const OWN: PackEditorial = {
  pack: EDITORIAL.pack,
  categories: [{ id: 'world', name: 'World' }],
  articles: [{ article: 'a1', id: 'meridian-report', kind: 'analysis', excerpt: 'Our own lead.' }],
  stories: [{
    story: 'summit',
    articles: ['a1', 'a2'],
    summary: 'Two leaders met; no deal.',
    opinions: [{ id: 'o1', title: 'A view', siteOf: 'a1', summary: 'Argues for talks.' }],
    actions: [
      { id: 'sign', kind: 'petition', title: 'Read it, then sign', details: 'The petition the page links.', urlFromInput: 'petition' },
      { id: 'write', kind: 'contact-official', title: 'Write', details: 'To a person the page names.', contactsFromInput: true, contacts: [{ name: 'Jane Doe', role: 'Senator', checked: '2026-01-01' }] },
      { id: 'share', kind: 'share', title: 'Share', details: 'With the page\'s hashtags.', hashtagsFromInput: true },
    ],
  }],
};

test('the editorial file groups articles, renames and rewrites them, and refers to the pages\' facts', () => {
  const pack = buildPack(FACTS, OWN);
  const summit = pack.stories.find((s) => s.id === 'summit');
  assert.deepEqual(summit?.articles.map((a) => a.id), ['a2', 'meridian-report']);
  assert.deepEqual(summit?.articles[1] && { kind: summit.articles[1].kind, excerpt: summit.articles[1].excerpt }, { kind: 'analysis', excerpt: 'Our own lead.' });
  assert.deepEqual(pack.categories.map((c) => [c.id, c.name]), [['world', 'World'], ['polar-affairs', 'Polar Affairs']], 'a name the editorial does not give is slugged');
  assert.deepEqual(summit?.categories, ['world', 'polar-affairs'], 'the categories the story\'s pages name');
  assert.deepEqual(summit?.opinions[0], { id: 'o1', title: 'A view', author: 'Polar Post', source: 'polarpost.example', summary: 'Argues for talks.' });
  const [sign, write, share] = summit?.actions ?? [];
  assert.equal(sign?.url, 'https://petitions.example/peace');
  assert.deepEqual(write?.contacts, [{ name: 'Jane Doe', role: 'Senator', checked: '2026-01-01' }]);
  assert.deepEqual(share?.hashtags, ['PeaceNow']);
  assert.equal(pack.stories.find((s) => s.id !== 'summit')?.categories.length, 0, 'a page without categories gives none');
});

test('an editorial category renames the one the pages name through pageNames', () => {
  const renamed: PackEditorial = { ...OWN, categories: [{ id: 'world', name: 'World' }, { id: 'polar', name: 'Polar affairs', pageNames: ['Polar Affairs'] }] };
  const pack = buildPack(FACTS, renamed);
  assert.deepEqual(pack.categories.map((c) => [c.id, c.name]), [['world', 'World'], ['polar', 'Polar affairs']], 'no second category under the page\'s name');
  assert.deepEqual(pack.stories.find((s) => s.id === 'summit')?.categories, ['world', 'polar']);
});

test('facts no page gives, and articles not in the input, are refused', () => {
  const story = OWN.stories![0]!;
  const withStory = (change: Partial<typeof story>): PackEditorial => ({ ...OWN, stories: [{ ...story, ...change }] });
  assert.throws(() => buildPack(FACTS.map((f) => ({ ...f, petitions: [] })), OWN), /action 'sign': the input pages give no petition link/);
  const stranger = { ...story.actions![1]!, contacts: [{ name: 'John Roe', checked: '2026-01-01' }] };
  assert.throws(() => buildPack(FACTS, withStory({ actions: [stranger] })), /contact 'John Roe' is not a person the input pages name/);
  assert.throws(() => buildPack(FACTS, withStory({ opinions: [{ id: 'o', title: 'T', siteOf: 'a2', summary: 'S' }] })), /input 'a2' names no site/);
  assert.throws(() => buildPack(FACTS, withStory({ articles: ['a1', 'zz'] })), /names article 'zz', which is not in the input/);
});

test('--own-words refuses a pack that repeats 8 words of its input outside headlines', () => {
  const titled: PackEditorial = { ...OWN, stories: [{ ...OWN.stories![0]!, title: 'Summit, no deal' }, { article: 'b1', title: 'Fares rise', summary: 'By a twentieth.' }] };
  assert.throws(() => buildPack(FACTS, { ...titled, articles: [] }, {}, { ownWords: true }), /text copied from the input:\n {2}stories\[0\]\.articles\[0\]\.excerpt: "the harbour council voted to raise ferry fares" \(and 2 more runs\)\n.*stories\[1\]\.articles\[1\]\.excerpt: "donald trump and vladimir putin met for about" \(and 16 more runs\)$/s);
  assert.throws(() => buildPack(FACTS, { ...OWN, articles: [] }, {}, { ownWords: true }), /stories\[1\]\.title: "putin and trump talks in anchorage end with"/, 'a story title is ours to write, even when it defaults to a headline');
  const own: PackEditorial = { ...titled, articles: ['a1', 'a2', 'b1'].map((id) => ({ article: id, excerpt: `Our lead for ${id}.` })) };
  assert.equal(buildPack(FACTS, own, {}, { ownWords: true }).stories.length, 2);
});
