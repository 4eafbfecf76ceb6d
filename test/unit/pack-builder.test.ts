// The pack builder: JSONL and saved-HTML input, labelled and clustered stories, editorial notes,
// deterministic output, and a CLI that writes only a valid pack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPack, readInput, type InputArticle, type PackEditorial } from '../../scripts/pack';
import { validatePack } from '../../src/shared/pack-validate';

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
  assert.equal(plain.updated, '2025-08-16T12:00:00.000Z', 'updated defaults to the newest article, never the clock');
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
    writeFileSync(join(dir, 'notes.txt'), 'not a page');
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
