// The officials directory: conversion from the congress-legislators YAML (a hand-made fixture, and
// the real snapshot when ../shared is there), the shipped file's validity, and the two questions the
// sidebar asks of it (the reader's officials, and who decides on a story's categories).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CATEGORY_MAP,
  convertOfficials,
  directoryJson,
  HOUSE_VOTING_SEATS,
  OUTPUT,
  placesModule,
  SOURCE_DIR,
  type CategoryMap,
  type SourceTexts,
} from '../../scripts/build-officials';
import { civicCategoryIds, contactUrl, deciders, officialsFor, telUrl } from '../../src/sidebar/officials';
import { CIVIC_CATEGORY_IDS, parseDirectory, type OfficialsDirectory } from '../../src/formats/officials-format';
import { US_DISTRICTS, US_PLACES, US_SNAPSHOT } from '../../src/formats/us-places';

const FIXTURE = join(import.meta.dirname, '../fixtures/officials');

function texts(dir: string, readme: string): SourceTexts {
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  return {
    legislators: read('legislators-current.yaml'),
    committees: read('committees-current.yaml'),
    membership: read('committee-membership-current.yaml'),
    readme: readFileSync(readme, 'utf8'),
  };
}

const fixtureTexts = (): SourceTexts => texts(join(FIXTURE, 'us-congress'), join(FIXTURE, 'README.md'));
const fixtureMap = (): CategoryMap => JSON.parse(readFileSync(join(FIXTURE, 'committee-categories.json'), 'utf8')) as CategoryMap;
const fixture = (): OfficialsDirectory => convertOfficials(fixtureTexts(), fixtureMap()).directory;
const shipped = (): OfficialsDirectory => parseDirectory(JSON.parse(readFileSync(OUTPUT, 'utf8')));

test('the fixture converts to the expected directory, the same text on every run', () => {
  const { directory, dropped } = convertOfficials(fixtureTexts(), fixtureMap());
  assert.equal(directoryJson(directory), readFileSync(join(FIXTURE, 'expected.json'), 'utf8'));
  assert.equal(directoryJson(convertOfficials(fixtureTexts(), fixtureMap()).directory), directoryJson(directory));
  // A contact form that is not a URL is left out (the website stands in), and said so.
  assert.deepEqual(dropped, ['J000002 contact_form: "hhttps://junior.senate.example/write" is not an http(s) URL']);
});

test('the conversion refuses a map naming a committee or category the data lacks, and YAML that is not', () => {
  assert.throws(() => convertOfficials(fixtureTexts(), { committees: { SSXX: { categories: ['law'] } } }), /committee SSXX is not in the data/);
  assert.throws(() => convertOfficials(fixtureTexts(), { committees: { SSJU: { categories: ['lawn'] } } }), /SSJU names unknown category lawn/);
  assert.throws(() => convertOfficials({ ...fixtureTexts(), committees: '- a: [1, 2' }, fixtureMap()), /committees-current\.yaml: not YAML/);
  assert.throws(() => convertOfficials({ ...fixtureTexts(), readme: 'no date here' }, fixtureMap()), /no "snapshot of YYYY-MM-DD"/);
});

test('the shipped directory validates, with the whole Congress and its snapshot date', () => {
  const directory = shipped();
  assert.equal(directory.country, 'US');
  assert.equal(directory.snapshot, '2026-06-15');
  const senate = directory.members.filter((m) => m.chamber === 'senate');
  const house = directory.members.filter((m) => m.chamber === 'house');
  assert.equal(senate.length, 100);
  // 435 voting seats plus six delegates; a seat vacant on the snapshot day has no member.
  const seats = directory.places.reduce((n, p) => n + p.districts, 0);
  assert.equal(directory.places.filter((p) => p.senators > 0).reduce((n, p) => n + p.districts, 0), HOUSE_VOTING_SEATS);
  assert.equal(seats, HOUSE_VOTING_SEATS + 6);
  assert.equal(house.length, 437, 'House members (and delegates) as the snapshot has them');
  assert.equal(directory.places.length, 56);
  for (const place of directory.places) {
    assert.equal(senate.filter((m) => m.state === place.code).length, place.senators, `${place.code} senators`);
  }
});

test('the place table settings use is the shipped directory\'s', () => {
  const directory = shipped();
  assert.deepEqual(US_PLACES, directory.places);
  assert.equal(US_SNAPSHOT, directory.snapshot);
  assert.deepEqual(US_DISTRICTS, Object.fromEntries(directory.places.map((p) => [p.code, p.atLarge ? 0 : p.districts])));
  assert.equal(placesModule(directory), readFileSync(join(import.meta.dirname, '../../src/formats/us-places.ts'), 'utf8'));
});

test('every civic category has deciders in both chambers', () => {
  const directory = shipped();
  for (const id of CIVIC_CATEGORY_IDS) {
    const chambers = new Set(deciders(directory, [id]).map((g) => g.committee.chamber));
    assert.ok(chambers.has('senate') && chambers.has('house'), `${id}: ${[...chambers].join(', ')}`);
  }
});

test(
  'the committed directory is what the converter makes of the snapshot in ../shared',
  { skip: existsSync(SOURCE_DIR) ? false : `${SOURCE_DIR} is not there (test data beside the repository)` },
  () => {
    const map = JSON.parse(readFileSync(CATEGORY_MAP, 'utf8')) as CategoryMap;
    const { directory } = convertOfficials(texts(SOURCE_DIR, join(SOURCE_DIR, '../README.md')), map);
    assert.equal(directoryJson(directory), readFileSync(OUTPUT, 'utf8'));
  },
);

test('a malformed directory is refused with the place of the fault named', () => {
  const good: unknown = JSON.parse(directoryJson(fixture()));
  /** The directory with the value at `path` replaced. */
  const broken = (path: (string | number)[], value: unknown): unknown => {
    const copy = structuredClone(good) as Record<string | number, unknown>;
    let at = copy;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[path.at(-1)!] = value;
    return copy;
  };
  assert.doesNotThrow(() => parseDirectory(good));
  assert.throws(() => parseDirectory(broken(['format'], 3)), /format: must be 2 \(or 1, which has no term ends\)/);
  assert.throws(() => parseDirectory(broken(['members', 0, 'termEnd'], 'next year')), /members\[0\]\.termEnd: not an ISO date/);
  assert.throws(() => parseDirectory(broken(['members', 0, 'termEnd'], undefined)), /members\[0\]\.termEnd: must be a non-empty string/);
  assert.throws(() => parseDirectory(broken(['members', 0, 'state'], 'XX')), /members\[0\]\.state: unknown place 'XX'/);
  assert.throws(() => parseDirectory(broken(['members', 4, 'district'], 9)), /members\[4\]\.district: not a district of WA/);
  assert.throws(() => parseDirectory(broken(['committees', 0, 'chair', 'member'], 'Z999999')), /committees\[0\]\.chair\.member: unknown member 'Z999999'/);
  assert.throws(() => parseDirectory(broken(['committees', 0, 'categories'], ['gun'])), /committees\[0\]\.categories\[0\]: not a civic category id/);
  assert.throws(() => parseDirectory(broken(['members', 5, 'form'], 'javascript:alert(1)')), /members\[5\]\.form: not an http\(s\) URL/);
  assert.throws(() => parseDirectory(broken(['snapshot'], '2026-02-30')), /snapshot: not an ISO date/);
  assert.throws(() => parseDirectory('not a directory'), /directory: must be an object/);
});

test('a reader\'s officials: two senators and the district\'s member, at large too', () => {
  const directory = fixture();
  const wa = officialsFor(directory, { country: 'US', state: 'WA', district: 3 });
  assert.equal(wa.kind, 'found');
  if (wa.kind !== 'found') return;
  assert.deepEqual(wa.senators.map((m) => m.name), ['Ada Senior', 'Bo Junior']);
  assert.equal(wa.representative?.name, 'Flo Three');
  assert.equal(wa.seat, 'filled');

  const ak = officialsFor(directory, { country: 'US', state: 'AK', district: 0 });
  assert.ok(ak.kind === 'found' && ak.representative?.name === 'Gil Wide' && ak.senators.length === 2 && ak.place.atLarge);
  const dc = officialsFor(directory, { country: 'US', state: 'DC', district: 0 });
  assert.ok(dc.kind === 'found' && dc.senators.length === 0 && dc.representative?.name === 'Hal Capital' && dc.place.house === 'delegate');
});

test('no wrong name: a bad district, a vacant seat, no district, no place, another country', () => {
  const directory = fixture();
  assert.deepEqual(officialsFor(directory, { country: 'US', state: 'WA', district: 4 }), { kind: 'no-such-place', state: 'WA', district: 4 });
  assert.deepEqual(officialsFor(directory, { country: 'US', state: 'AK', district: 1 }), { kind: 'no-such-place', state: 'AK', district: 1 });
  assert.deepEqual(officialsFor(directory, { country: 'US', state: 'TX', district: 1 }), { kind: 'no-such-place', state: 'TX', district: 1 });
  const vacant = officialsFor(directory, { country: 'US', state: 'WA', district: 2 });
  assert.ok(vacant.kind === 'found' && vacant.seat === 'vacant' && vacant.representative === null && vacant.senators.length === 2);
  const unknown = officialsFor(directory, { country: 'US', state: 'WA' });
  assert.ok(unknown.kind === 'found' && unknown.seat === 'unknown' && unknown.representative === null);
  assert.deepEqual(officialsFor(directory, null), { kind: 'unset' });
  assert.deepEqual(officialsFor(directory, { country: 'US' }), { kind: 'unset' });
  assert.deepEqual(officialsFor(directory, { country: 'ZZ' }), { kind: 'other-country', country: 'ZZ' });
});

test('who decides: chairs and ranking members of the covering committees, each committee once', () => {
  const directory = fixture();
  const names = (ids: string[]) => deciders(directory, ids).map((g) => [g.committee.id, g.categories.join('+'), g.deciders.map((d) => `${d.role}:${d.member.name}:${d.title}`).join(', ')]);
  // Both judiciary committees cover law and guns: the Senate's is listed before the House's.
  assert.deepEqual(names(['law', 'guns']), [
    ['SSJU', 'law+guns', 'chair:Cy North:Chairman, ranking:Ada Senior:Ranking Member'],
    ['HSJU', 'law+guns', 'chair:Flo Three:Chair, ranking:Ed One:Ranking Member'],
  ]);
  assert.deepEqual(names(['immigration']), [['SSJU', 'immigration', 'chair:Cy North:Chairman, ranking:Ada Senior:Ranking Member']]);
  // A select committee's minority lead is its vice chairman; ex officio members are not leads.
  assert.deepEqual(names(['national-security', 'immigration']).map(([id, , leads]) => `${id} ${leads}`), [
    'SSJU chair:Cy North:Chairman, ranking:Ada Senior:Ranking Member',
    'SLIN chair:Di Frost:Chairman, ranking:Bo Junior:Vice Chairman',
  ]);
  // A committee covering more of the story's categories comes first; then the Senate's, then the House's.
  assert.deepEqual(names(['national-security', 'law', 'immigration']).map(([id]) => id), ['SSJU', 'SLIN', 'HSJU']);
  assert.deepEqual(names(['education']), []);
  assert.deepEqual(names([]), []);
});

test('the shipped directory names the judiciary and armed services leaders for their categories', () => {
  const directory = shipped();
  const committees = (ids: string[]) => deciders(directory, ids).map((g) => g.committee.id);
  assert.deepEqual(committees(['guns']), ['SSJU', 'HSJU']);
  assert.deepEqual(committees(['war-peace']).slice(0, 4).sort(), ['HSAS', 'HSFA', 'SSAS', 'SSFR']);
  for (const group of deciders(directory, ['taxes-budget', 'trade', 'health-care'])) {
    assert.ok(group.deciders.some((d) => d.role === 'chair'), `${group.committee.id} has a chair`);
  }
});

test('story categories count only as civic ids from the civic pack', () => {
  assert.deepEqual(civicCategoryIds(['civic/law', 'civic/guns', 'starter/law', 'civic/unknown', 'law', 'civic/law']), ['law', 'guns']);
});

test('phone numbers become tel: links only when they are numbers; forms before websites', () => {
  assert.equal(telUrl('202-224-3441'), 'tel:+12022243441');
  assert.equal(telUrl('(202) 225-0006'), 'tel:+12022250006');
  assert.equal(telUrl('1-202-225-0006'), 'tel:+12022250006');
  assert.equal(telUrl('call the switchboard'), null);
  const [member] = fixture().members.filter((m) => m.id === 'T000006');
  assert.deepEqual(contactUrl(member!), { url: 'https://three.house.example/contact', form: true });
  assert.deepEqual(contactUrl({ ...member!, form: undefined } as never), { url: 'https://three.house.example', form: false });
});
