// `npm run pack` as a command: with only --in and --out it names the pack after the input file and
// dates it by the newest article (the same input gives the same bytes); options and the editorial
// file win over those defaults; a mistake is one line on stderr, `pack: <message>`, exit code 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
