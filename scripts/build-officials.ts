// Converts the U.S. Congress snapshot in ../shared/data/officials/us-congress (congress-legislators,
// CC0) into the compact directory the extension ships, and the place table settings and options use:
//   npm run officials        writes assets/officials/us-congress.json and src/formats/us-places.ts
// Both outputs are committed: a build needs no ../shared. The output depends only on the input
// files and scripts/data/committee-categories.json (sorted, no timestamps), so a re-run on the same
// snapshot changes nothing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { ROOT } from './build';
import { US_PLACE_NAMES } from './lib/us-place-names';
import { isHttpUrl, isIsoDate } from '../src/formats/pack-validate-fields';
import { CIVIC_CATEGORY_IDS, OFFICIALS_FORMAT, parseDirectory } from '../src/formats/officials-format';
import type { CivicCategoryId, Committee, CommitteeLead, Member, MemberCommittee, OfficialsDirectory, Place } from '../src/formats/officials-format';

export const SOURCE_DIR = resolve(ROOT, '../shared/data/officials/us-congress');
export const OUTPUT = join(ROOT, 'assets/officials/us-congress.json');
export const PLACES_MODULE = join(ROOT, 'src/formats/us-places.ts');
export const CATEGORY_MAP = join(ROOT, 'scripts/data/committee-categories.json');
/** Voting seats of the House since 1913; the derived district counts must add up to it. */
export const HOUSE_VOTING_SEATS = 435;

export interface SourceTexts {
  legislators: string;
  committees: string;
  membership: string;
  /** The data's README, which names the snapshot date. */
  readme: string;
}

export interface CategoryMap {
  committees: Record<string, { categories: string[] }>;
}

type Y = Record<string, unknown>;
const isY = (v: unknown): v is Y => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** A YAML file of the source as a list or map; anchors are bounded by the parser (no alias bombs). */
function yaml(source: string, what: string): unknown {
  try {
    return parse(source, { schema: 'core', uniqueKeys: true, maxAliasCount: 100 });
  } catch (error) {
    throw new Error(`${what}: not YAML (${error instanceof Error ? error.message : String(error)})`);
  }
}

function fail(message: string): never {
  throw new Error(message);
}

/**
 * A web address as the source gives it (some still http: not rewritten on a guess). One that is not
 * an http(s) URL at all (the snapshot has a `hhttps://` typo) is left out and reported in `dropped`.
 */
function web(value: unknown, where: string, dropped: string[]): string | undefined {
  const url = text(value);
  if (url === undefined || isHttpUrl(url)) return url;
  dropped.push(`${where}: ${JSON.stringify(url)} is not an http(s) URL`);
  return undefined;
}

function snapshotDate(readme: string): string {
  const found = /snapshot of (\d{4}-\d{2}-\d{2})/.exec(readme)?.[1];
  return found ?? fail('README: no "snapshot of YYYY-MM-DD" to date the directory');
}

function members(raw: unknown, dropped: string[]): Member[] {
  if (!Array.isArray(raw)) fail('legislators-current.yaml: not a list');
  return raw.map((entry, i): Member => {
    const where = `legislators-current.yaml[${i}]`;
    if (!isY(entry) || !isY(entry['id']) || !isY(entry['name']) || !Array.isArray(entry['terms'])) fail(`${where}: no id, name or terms`);
    const term = entry['terms'].at(-1);
    if (!isY(term)) fail(`${where}: no current term`);
    const id = text(entry['id']['bioguide']) ?? fail(`${where}: no bioguide id`);
    const name = entry['name'];
    const fullName = text(name['official_full']) ?? [text(name['first']), text(name['last'])].filter(Boolean).join(' ');
    const chamber = term['type'] === 'sen' ? 'senate' : term['type'] === 'rep' ? 'house' : fail(`${where}: term type ${String(term['type'])}`);
    const district = term['district'];
    if (chamber === 'house' && typeof district !== 'number') fail(`${where}: no district`);
    const phone = text(term['phone']);
    const form = web(term['contact_form'], `${id} contact_form`, dropped);
    const website = web(term['url'], `${id} url`, dropped);
    // Kept so the reader's letters stop naming a member once the term is over (a senator appointed
    // until a special election, every member at the end of a Congress), not a year after.
    const termEnd = text(term['end']);
    if (termEnd === undefined || !isIsoDate(termEnd)) fail(`${where}: the current term has no end date (YYYY-MM-DD)`);
    return {
      id,
      name: fullName || fail(`${where}: no name`),
      chamber,
      state: text(term['state']) ?? fail(`${where}: no state`),
      ...(chamber === 'house' ? { district: district as number } : {}),
      party: text(term['party']) ?? fail(`${where}: no party`),
      ...(phone ? { phone } : {}),
      ...(form ? { form } : {}),
      ...(website ? { website } : {}),
      termEnd,
      committees: [],
    };
  });
}

/** Places from the members: seats per state as the highest district seen (at-large: district 0). */
function places(all: Member[]): Place[] {
  const byCode = new Map<string, { max: number; atLarge: boolean }>();
  for (const m of all) {
    if (!US_PLACE_NAMES[m.state]) fail(`member ${m.id}: unknown state code ${m.state}`);
    const seen = byCode.get(m.state) ?? { max: 0, atLarge: false };
    if (m.chamber === 'house') {
      seen.max = Math.max(seen.max, m.district ?? 0);
      seen.atLarge ||= m.district === 0;
    }
    byCode.set(m.state, seen);
  }
  return [...byCode.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, seen]) => {
      const [name, kind] = US_PLACE_NAMES[code]!;
      if (seen.atLarge && seen.max > 0) fail(`${code}: an at-large seat beside numbered districts`);
      return { code, name, districts: seen.atLarge ? 1 : seen.max, atLarge: seen.atLarge, senators: kind === 'state' ? 2 : 0, house: kind === 'state' ? 'representative' : kind };
    });
}

/** The majority's leader and the minority's (`Ranking Member`, or a select committee's vice chair). */
function leads(roster: Y[]): { chair?: CommitteeLead; ranking?: CommitteeLead } {
  const titled = roster.filter((m) => text(m['title']) && text(m['bioguide']));
  const lead = (m: Y | undefined): CommitteeLead | undefined => (m ? { member: text(m['bioguide'])!, title: text(m['title'])! } : undefined);
  const chair = titled.find((m) => m['party'] === 'majority' && /^(chair|chairman|chairwoman)$/i.test(text(m['title'])!));
  const ranking =
    titled.find((m) => m['party'] === 'minority' && /^ranking member$/i.test(text(m['title'])!)) ??
    titled.find((m) => m['party'] === 'minority' && m['rank'] === 1 && !/ex officio/i.test(text(m['title'])!));
  const found = { chair: lead(chair), ranking: lead(ranking) };
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v)) as { chair?: CommitteeLead; ranking?: CommitteeLead };
}

function committees(raw: unknown, rosters: unknown, map: CategoryMap, dropped: string[]): Committee[] {
  if (!Array.isArray(raw)) fail('committees-current.yaml: not a list');
  if (!isY(rosters)) fail('committee-membership-current.yaml: not a map');
  const list = raw.map((entry, i): Committee => {
    const where = `committees-current.yaml[${i}]`;
    if (!isY(entry)) fail(`${where}: not a map`);
    const id = text(entry['thomas_id']) ?? fail(`${where}: no thomas_id`);
    const chamber = entry['type'];
    if (chamber !== 'senate' && chamber !== 'house' && chamber !== 'joint') fail(`${where}: type ${String(chamber)}`);
    const roster = rosters[id];
    const url = web(entry['url'], `${id} url`, dropped);
    return {
      id,
      name: text(entry['name']) ?? fail(`${where}: no name`),
      chamber,
      ...(url ? { url } : {}),
      categories: (map.committees[id]?.categories ?? []) as CivicCategoryId[],
      ...leads(Array.isArray(roster) ? roster.filter(isY) : []),
    };
  });
  const known = new Set(list.map((c) => c.id));
  for (const [id, entry] of Object.entries(map.committees)) {
    if (!known.has(id)) fail(`committee-categories.json: committee ${id} is not in the data`);
    for (const category of entry.categories) {
      if (!(CIVIC_CATEGORY_IDS as readonly string[]).includes(category)) fail(`committee-categories.json: ${id} names unknown category ${category}`);
    }
  }
  return list.sort((a, b) => a.id.localeCompare(b.id));
}

/** Each member's seats on full committees (subcommittee ids such as SSAF13 are left out). */
function seat(all: Member[], list: Committee[], rosters: Y): void {
  const byId = new Map(all.map((m) => [m.id, m]));
  for (const committee of list) {
    const roster = rosters[committee.id];
    for (const entry of Array.isArray(roster) ? roster.filter(isY) : []) {
      const member = byId.get(text(entry['bioguide']) ?? '');
      if (!member) continue;
      const title = text(entry['title']);
      const place: MemberCommittee = title ? { id: committee.id, title } : { id: committee.id };
      member.committees.push(place);
    }
  }
  for (const member of all) member.committees.sort((a, b) => a.id.localeCompare(b.id));
}

/** The directory for `texts`, validated as the extension will read it, and what was left out. */
export function convertOfficials(texts: SourceTexts, map: CategoryMap): { directory: OfficialsDirectory; dropped: string[] } {
  const dropped: string[] = [];
  const all = members(yaml(texts.legislators, 'legislators-current.yaml'), dropped);
  const rosters = yaml(texts.membership, 'committee-membership-current.yaml');
  const list = committees(yaml(texts.committees, 'committees-current.yaml'), rosters, map, dropped);
  seat(all, list, rosters as Y);
  for (const c of list) {
    for (const lead of [c.chair, c.ranking]) if (lead && !all.some((m) => m.id === lead.member)) fail(`${c.id}: its ${lead.title} ${lead.member} is not a current member`);
  }
  const directory: OfficialsDirectory = {
    format: OFFICIALS_FORMAT,
    country: 'US',
    snapshot: snapshotDate(texts.readme),
    source: {
      name: 'unitedstates/congress-legislators',
      url: 'https://github.com/unitedstates/congress-legislators',
      licence: 'CC0 1.0 (public domain)',
      note: 'Members, offices, contact forms and committees as published on the snapshot date; committee jurisdictions over civic categories are Storyline\'s own reading. Members change and contact forms move: the reader can always type their own official.',
    },
    places: places(all),
    committees: list,
    members: all.sort((a, b) => a.id.localeCompare(b.id)),
  };
  return { directory: parseDirectory(JSON.parse(JSON.stringify(directory))), dropped };
}

/** The file's text: one place, committee or member per line, so a new snapshot's diff reads as its changes. */
export function directoryJson(directory: OfficialsDirectory): string {
  const lines = Object.entries(directory).map(([key, value]) =>
    Array.isArray(value)
      ? `  ${JSON.stringify(key)}: [\n${value.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`
      : `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  );
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** The committed place table: settings repair and the options page need it without the directory. */
export function placesModule(directory: OfficialsDirectory): string {
  const rows = directory.places.map((p) => `  ${JSON.stringify(p)},`).join('\n');
  const seats = Object.fromEntries(directory.places.map((p) => [p.code, p.atLarge ? 0 : p.districts]));
  return `// Generated by \`npm run officials\` (scripts/build-officials.ts) from the U.S. Congress snapshot of
// ${directory.snapshot}: do not edit. The places a reader can choose and their seats in Congress, for
// the place picker and for repairing a stored place without loading the whole directory.
import type { Place } from './officials-format';

export const US_SNAPSHOT = '${directory.snapshot}';

/** Numbered districts per place; 0 for a single at-large seat (district 0). Small: the content script reads settings. */
export const US_DISTRICTS: Readonly<Record<string, number>> = ${JSON.stringify(seats)};

export const US_PLACES: readonly Place[] = [
${rows}
];
`;
}

function main(): void {
  if (!existsSync(SOURCE_DIR)) {
    console.error(`npm run officials: ${SOURCE_DIR} is not there. It is test data kept beside the repository (../shared), not part of it. The directory the extension ships is committed (assets/officials/us-congress.json): building needs nothing else. Re-run this with ../shared in place after updating the snapshot.`);
    process.exit(1);
  }
  const read = (file: string): string => readFileSync(join(SOURCE_DIR, file), 'utf8');
  const texts: SourceTexts = {
    legislators: read('legislators-current.yaml'),
    committees: read('committees-current.yaml'),
    membership: read('committee-membership-current.yaml'),
    readme: readFileSync(join(SOURCE_DIR, '../README.md'), 'utf8'),
  };
  const { directory, dropped } = convertOfficials(texts, JSON.parse(readFileSync(CATEGORY_MAP, 'utf8')) as CategoryMap);
  for (const line of dropped) console.warn(`left out: ${line}`);
  const voting = directory.places.filter((p) => p.senators > 0).reduce((n, p) => n + p.districts, 0);
  if (voting !== HOUSE_VOTING_SEATS) {
    throw new Error(`the data gives ${voting} voting House seats, not ${HOUSE_VOTING_SEATS}: a state's highest-numbered district may be vacant; check the snapshot before shipping it`);
  }
  writeFileSync(OUTPUT, directoryJson(directory));
  writeFileSync(PLACES_MODULE, placesModule(directory));
  const count = (chamber: string) => directory.members.filter((m) => m.chamber === chamber).length;
  console.log(`wrote ${OUTPUT} (${(readFileSync(OUTPUT).length / 1024).toFixed(1)} KiB): ${count('senate')} senators, ${count('house')} House members, ${directory.committees.length} committees, snapshot ${directory.snapshot}`);
  console.log(`wrote ${PLACES_MODULE} (${directory.places.length} places)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    main();
  } catch (error) {
    console.error(`npm run officials: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
