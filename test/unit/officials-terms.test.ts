// Who a letter may name: the one member of an at-large place when the reader left the district at
// "I don't know", and nobody whose term is over. Term ends travel from the source data into the
// shipped directory (format 2); a format 1 directory, which has none, still reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import './ui/dom'; // the English catalog, for the letter's "Senator …"
import { convertOfficials, OUTPUT, type CategoryMap, type SourceTexts } from '../../scripts/build-officials';
import { OFFICIALS_FORMAT, parseDirectory, type OfficialsDirectory } from '../../src/formats/officials-format';
import { officialsFor, termEnded } from '../../src/sidebar/officials';
import { letterFill } from '../../src/sidebar/letter';

const FIXTURE = join(import.meta.dirname, '../fixtures/officials');
const read = (file: string): string => readFileSync(join(FIXTURE, 'us-congress', file), 'utf8');
const texts = (): SourceTexts => ({
  legislators: read('legislators-current.yaml'),
  committees: read('committees-current.yaml'),
  membership: read('committee-membership-current.yaml'),
  readme: readFileSync(join(FIXTURE, 'README.md'), 'utf8'),
});
const map = (): CategoryMap => JSON.parse(readFileSync(join(FIXTURE, 'committee-categories.json'), 'utf8')) as CategoryMap;
const fixture = (): OfficialsDirectory => convertOfficials(texts(), map()).directory;
const shipped = (): OfficialsDirectory => parseDirectory(JSON.parse(readFileSync(OUTPUT, 'utf8')));
const DURING = '2026-06-16';

test('an at-large place with no district given names its one member of the House', () => {
  const directory = fixture();
  for (const [state, name] of [['AK', 'Gil Wide'], ['DC', 'Hal Capital']] as const) {
    const lookup = officialsFor(directory, { country: 'US', state });
    assert.ok(lookup.kind === 'found', state);
    assert.equal(lookup.representative?.name, name, state);
    assert.equal(lookup.district, 0, state);
    assert.equal(lookup.seat, 'filled', state);
  }
  // A place of numbered districts still needs one.
  const wa = officialsFor(directory, { country: 'US', state: 'WA' });
  assert.ok(wa.kind === 'found' && wa.seat === 'unknown' && wa.representative === null);
});

test('every at-large place and territory of the shipped directory names its member without a district', () => {
  const directory = shipped();
  const atLarge = directory.places.filter((p) => p.atLarge);
  assert.deepEqual(atLarge.map((p) => p.code), ['AK', 'AS', 'DC', 'DE', 'GU', 'MP', 'ND', 'PR', 'SD', 'VI', 'VT', 'WY']);
  for (const place of atLarge) {
    const lookup = officialsFor(directory, { country: 'US', state: place.code });
    const { values } = letterFill({ officials: lookup, today: DURING });
    assert.ok(lookup.kind === 'found' && lookup.representative, place.code);
    assert.match(values.get('representative') ?? '', /^(Representative|Delegate|Resident Commissioner) \S/, place.code);
  }
});

test('the converter carries each member\'s term end, and the directory requires it from format 2', () => {
  const directory = fixture();
  assert.equal(directory.format, OFFICIALS_FORMAT);
  assert.equal(OFFICIALS_FORMAT, 2);
  const ends = Object.fromEntries(directory.members.map((m) => [m.id, m.termEnd]));
  assert.deepEqual(ends, {
    C000008: '2027-01-03', F000004: '2031-01-03', J000002: '2029-01-03', N000003: '2027-01-03',
    O000005: '2027-01-03', S000001: '2031-01-03', T000006: '2027-01-03', W000007: '2027-01-03',
  });
  // The source's current term without an end is refused, not shipped as "serving for ever".
  const noEnd = texts().legislators.replace("end: '2031-01-03'\n    state: WA", 'state: WA');
  assert.notEqual(noEnd, texts().legislators);
  assert.throws(() => convertOfficials({ ...texts(), legislators: noEnd }, map()), /the current term has no end date/);
  // Every member of the shipped directory has one.
  assert.ok(shipped().members.every((m) => m.termEnd && /^\d{4}-\d{2}-\d{2}$/.test(m.termEnd)));
});

test('a format 1 directory (no term ends) still reads, its members taken as serving', () => {
  const old = JSON.parse(JSON.stringify(fixture())) as Record<string, unknown> & { members: Record<string, unknown>[] };
  old['format'] = 1;
  for (const member of old.members) delete member['termEnd'];
  const directory = parseDirectory(old);
  const wa = officialsFor(directory, { country: 'US', state: 'WA', district: 3 });
  assert.ok(wa.kind === 'found' && wa.representative);
  assert.equal(termEnded(wa.representative, '2099-01-01'), false);
  assert.equal(letterFill({ officials: wa, today: '2099-01-01' }).values.get('representative'), 'Representative Flo Three');
});

test('a member whose term is over is named in no letter; the day itself still counts as in office', () => {
  const directory = fixture();
  const wa = officialsFor(directory, { country: 'US', state: 'WA', district: 3 });
  assert.ok(wa.kind === 'found');
  const named = (today: string) => Object.fromEntries(letterFill({ officials: wa, today }).values);
  assert.deepEqual(named('2027-01-03'), { representative: 'Representative Flo Three', senators: 'Senator Ada Senior and Senator Bo Junior' });
  // Flo Three's term ends 2027-01-03; Bo Junior's 2029-01-03. Past one senator's, neither is named:
  // "my senators, Senator Ada Senior" would read as the whole of them.
  assert.deepEqual(named('2027-01-04'), { senators: 'Senator Ada Senior and Senator Bo Junior' });
  assert.deepEqual(named('2029-01-04'), {});
  assert.equal(termEnded(wa.representative!, '2027-01-03'), false);
  assert.equal(termEnded(wa.representative!, '2027-01-04'), true);
});

test('the shipped directory: the two senators appointed until the 2026 special elections are not named after them', () => {
  const directory = shipped();
  for (const [state, name] of [['OH', 'Jon Husted'], ['FL', 'Ashley Moody']]) {
    const lookup = officialsFor(directory, { country: 'US', state: state!, district: 1 });
    assert.ok(lookup.kind === 'found' && lookup.senators.some((m) => m.name === name), `${name} of ${state} is in the directory`);
    assert.match(letterFill({ officials: lookup, today: '2026-11-03' }).values.get('senators') ?? '', new RegExp(name!), `${state} on the day`);
    assert.equal(letterFill({ officials: lookup, today: '2026-12-07' }).values.get('senators'), undefined, `${state} after`);
  }
});
