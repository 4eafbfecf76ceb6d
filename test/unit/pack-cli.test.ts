// `npm run pack` as a command: with only --in and --out it names the pack after the input file and
// dates it by the newest article (the same input gives the same bytes); options and the editorial
// file win over those defaults; a mistake is one line on stderr, `pack: <message>`, exit code 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Pack } from '../../src/formats/model';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'storyline-pack-cli-'));
const INPUT = join(dir, 'Harbour News.jsonl');
const UNDATED = join(dir, 'undated.jsonl');
const line = (id: string, title: string, date: string | null, host: string) =>
  JSON.stringify({ id, title, text: 'The harbour board voted to raise ferry fares by five percent from September.', source: host, date, url: `https://${host}/ferry-${id}` });
writeFileSync(INPUT, [
  line('a1', 'Harbour board raises ferry fares by five percent', '2025-09-02T07:00:00Z', 'gazette.example'),
  // The newest article, in its outlet's own offset (07:30 UTC): kept as written.
  line('a2', 'Ferry fare rise approved by the harbour board', '2025-09-03T09:30:00+02:00', 'courier.example'),
  line('a3', 'Island commuters face higher ferry fares', '2025-09-03T06:00:00Z', 'islander.example'),
].join('\n'));
writeFileSync(UNDATED, line('u1', 'Harbour board raises ferry fares by five percent', null, 'gazette.example'));

function pack(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/pack.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const read = (file: string): Pack => JSON.parse(readFileSync(file, 'utf8')) as Pack;

test('without --id, --publisher, --version and --updated: the input file\'s name and its newest date', () => {
  const out = join(dir, 'a.json');
  const run = pack('--in', INPUT, '--out', out);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^wrote .*a\.json: \d+ stor/);
  const { id, publisher, version, updated } = read(out);
  assert.deepEqual({ id, publisher, version, updated }, { id: 'harbour-news', publisher: 'Harbour News', version: '2025-09-03', updated: '2025-09-03T09:30:00+02:00' });
  // No clock is read: a second run writes the same bytes.
  const again = join(dir, 'b.json');
  assert.equal(pack('--in', INPUT, '--out', again).status, 0);
  assert.equal(readFileSync(again, 'utf8'), readFileSync(out, 'utf8'));
});

test('options, then the editorial file, win over the defaults', () => {
  const editorial = join(dir, 'editorial.json');
  writeFileSync(editorial, JSON.stringify({ pack: { publisher: 'Ferry Desk', version: '7' } }));
  const out = join(dir, 'c.json');
  const run = pack('--in', INPUT, '--out', out, '--editorial', editorial, '--id', 'ferries', '--version', '8');
  assert.equal(run.status, 0, run.stderr);
  const { id, publisher, version, updated } = read(out);
  assert.deepEqual({ id, publisher, version, updated }, { id: 'ferries', publisher: 'Ferry Desk', version: '8', updated: '2025-09-03T09:30:00+02:00' });
});

test('errors are one line on stderr, exit code 2, no stack trace', () => {
  const cases: [string[], RegExp][] = [
    [[], /^pack: usage: npm run pack -- --in /],
    [['--in', join(dir, 'missing.jsonl'), '--out', join(dir, 'x.json')], /^pack: no such file or folder: .*missing\.jsonl$/],
    [['--in', INPUT, '--out', join(dir, 'x.json'), '--frobnicate'], /^pack: Unknown option '--frobnicate'/],
    [['--in', UNDATED, '--out', join(dir, 'x.json')], /^pack: the pack needs "version": pass --version or set pack\.version in the editorial file \(the input has no dates to take it from\)$/],
    [['--in', INPUT, '--out', join(dir, 'x.json'), '--updated', 'yesterday'], /^pack: the built pack is invalid: updated: not an ISO 8601 date-time/],
  ];
  for (const [args, expected] of cases) {
    const run = pack(...args);
    assert.equal(run.status, 2, args.join(' '));
    assert.equal(run.stdout, '');
    const lines = run.stderr.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0] ?? '', expected);
  }
});

/** Runs the CLI expecting one error line and exit code 2, and no pack written where there was none. */
function refused(args: string[], expected: RegExp): void {
  const out = args[args.indexOf('--out') + 1];
  const existed = out !== undefined && existsSync(out);
  const run = pack(...args);
  assert.equal(run.status, 2, `${args.join(' ')}\n${run.stdout}`);
  assert.equal(run.stdout, '');
  const lines = run.stderr.split('\n').filter(Boolean);
  assert.equal(lines.length, 1, run.stderr);
  assert.match(lines[0] ?? '', expected);
  if (out && !existed) assert.equal(existsSync(out), false, `${out} was written`);
}

test('input that is not JSON Lines is named by file and line, with what was expected', () => {
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const article = { id: 'p1', title: 'Harbour board raises ferry fares', date: '2025-09-02T07:00:00Z' };
  const cases: [string, RegExp][] = [
    // A pretty-printed file: JSON.parse alone says "Expected property name or '}' at position 1".
    [file('pretty.jsonl', `${JSON.stringify(article, null, 2)}\n`), /^pack: .*pretty\.jsonl:1: not valid JSON; expected one JSON article per line \(this looks like pretty-printed JSON/],
    [file('broken.jsonl', `${JSON.stringify(article)}\n\n{"id": "p2", "title": \n`), /^pack: .*broken\.jsonl:3: not valid JSON; expected one JSON article per line$/],
    // A saved page passed on its own: pages are read from a folder.
    [file('page.html', '<!doctype html><title>Ferry fares</title><h1>Ferry fares</h1>'), /^pack: .*page\.html is an HTML page: saved pages are read from a folder \(--in DIR\)/],
    [file('page.jsonl', '<!doctype html>\n<title>Ferry fares</title>\n'), /^pack: .*page\.jsonl:1: not valid JSON; expected one JSON article per line \(a saved page\? pages are read from a folder/],
    [file('nulls.jsonl', `${JSON.stringify(article)}\nnull\n`), /^pack: .*nulls\.jsonl:2: not an article: found null, expected one JSON object per line$/],
    [file('array.jsonl', `${JSON.stringify([article])}\n`), /^pack: .*array\.jsonl:1: not an article: found an array, expected one JSON object per line$/],
    [file('number.jsonl', '42\n'), /^pack: .*number\.jsonl:1: not an article: found a number/],
    [file('typed.jsonl', `${JSON.stringify({ ...article, text: 5 })}\n`), /^pack: .*typed\.jsonl:1: "text" is a number, expected a string$/],
    [file('listed.jsonl', `${JSON.stringify({ ...article, categories: 'Transport' })}\n`), /^pack: .*listed\.jsonl:1: "categories" must be a list of strings$/],
  ];
  for (const [input, expected] of cases) refused(['--in', input, '--out', join(dir, 'bad.json')], expected);
});

test('an input with no articles is refused as such, even with every field given', () => {
  const empty = join(dir, 'empty.jsonl');
  writeFileSync(empty, '\n  \n');
  const noPages = mkdtempSync(join(dir, 'no-pages-'));
  writeFileSync(join(noPages, 'notes.md'), 'not a page');
  const unreadable = mkdtempSync(join(dir, 'unreadable-'));
  // Text that names no outlet is not a page (pack-input.ts): skipped, so nothing is left.
  writeFileSync(join(unreadable, 'note.txt'), 'A note to self\n\nnothing here names an outlet\n');
  const meta = ['--id', 'p', '--publisher', 'P', '--version', '1', '--updated', '2025-09-03T00:00:00Z'];
  refused(['--in', empty, '--out', join(dir, 'e.json')], /^pack: no articles in .*empty\.jsonl: the file is empty \(expected one JSON article per line\)$/);
  // Before the fix this wrote a pack with no stories and exit code 0.
  refused(['--in', empty, '--out', join(dir, 'e.json'), ...meta], /^pack: no articles in .*empty\.jsonl/);
  refused(['--in', noPages, '--out', join(dir, 'e.json')], /^pack: no articles in .*no-pages-\w+: the folder holds no \.html or \.txt page$/);
  refused(['--in', unreadable, '--out', join(dir, 'e.json'), ...meta], /^pack: no articles in .*unreadable-\w+: none of its one page could be read/);
});

test('--out into a folder that does not exist creates it; a path that cannot be written is named', () => {
  const out = join(dir, 'new', 'nested', 'pack.json');
  const run = pack('--in', INPUT, '--out', out);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(read(out).id, 'harbour-news');
  refused(['--in', INPUT, '--out', join(dir, 'new')], /^pack: cannot write .*new: it is a folder$/);
  refused(['--in', INPUT, '--out', join(INPUT, 'pack.json')], /^pack: cannot write .*pack\.json: a part of its path is a file$/);
});
