// The directory of elected officials shipped in the extension (assets/officials/<country>.json),
// written by scripts/build-officials.ts. Types and the validator only: the directory is checked when
// it is read, so a damaged or hand-edited file is refused with the place of the fault named, never
// half-used. `country` lets other countries' directories arrive later in the same format.
import { isHttpUrl, isIsoDate, isRecord, Issues, type Rec } from './pack-validate-fields';

export const OFFICIALS_FORMAT = 2;
/** Format 1 (before term ends were carried) is still read: its members are never judged out of office. */
const READABLE_FORMATS: readonly unknown[] = [1, OFFICIALS_FORMAT];

/**
 * The ids of Storyline's built-in civic taxonomy (pack `civic`, stored as `civic/<id>`): fixed, so the
 * taxonomy, the classifier and this directory's committee jurisdictions all speak the same ids.
 */
export const CIVIC_CATEGORY_IDS = [
  'politics', 'elections', 'congress', 'presidency', 'world', 'foreign-policy', 'war-peace',
  'national-security', 'economy', 'taxes-budget', 'trade', 'labor', 'housing', 'health', 'health-care',
  'public-health', 'environment', 'energy', 'disasters', 'law', 'criminal-justice', 'guns',
  'civil-rights', 'immigration', 'education', 'technology', 'media', 'science', 'transportation',
] as const;
export type CivicCategoryId = (typeof CIVIC_CATEGORY_IDS)[number];

export type Chamber = 'senate' | 'house';
/** What a place's member of the lower house is called (territories send non-voting members). */
export type HouseSeat = 'representative' | 'delegate' | 'resident-commissioner';

export interface Place {
  /** Postal code: `CA`, `DC`, `PR`. */
  code: string;
  name: string;
  /** Seats in the lower house; district numbers run 1…districts, or are just 0 when `atLarge`. */
  districts: number;
  atLarge: boolean;
  /** Seats in the upper house (two per state, none for D.C. and the territories). */
  senators: number;
  house: HouseSeat;
}

export interface MemberCommittee {
  id: string;
  /** The member's title on it as the source spells it (`Chairman`, `Ranking Member`), when any. */
  title?: string;
}

export interface Member {
  /** Bioguide id (`C000127`). */
  id: string;
  name: string;
  chamber: Chamber;
  state: string;
  /** House members only; 0 for an at-large seat. */
  district?: number;
  party: string;
  /** Office phone as published (`202-224-3441`). */
  phone?: string;
  /** Official contact form, when the source knows one. */
  form?: string;
  website?: string;
  /**
   * The last day of the term the member serves on the snapshot day (YYYY-MM-DD). Past it the seat
   * may be someone else's, so the member is not named in letters. Absent only in format 1 files.
   */
  termEnd?: string;
  committees: MemberCommittee[];
}

export interface CommitteeLead {
  member: string;
  /** As the source spells it (`Chair`, `Ranking Member`, `Vice Chairman`). */
  title: string;
}

export interface Committee {
  id: string;
  name: string;
  chamber: Chamber | 'joint';
  url?: string;
  /** Civic categories its jurisdiction covers (ours: scripts/data/committee-categories.json). */
  categories: CivicCategoryId[];
  /** Leader of the majority, and of the minority (ranking member or its equivalent). */
  chair?: CommitteeLead;
  ranking?: CommitteeLead;
}

export interface OfficialsDirectory {
  format: typeof OFFICIALS_FORMAT | 1;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The day the source data describes (YYYY-MM-DD): members change, contact forms move. */
  snapshot: string;
  source: { name: string; url: string; licence: string; note: string };
  places: Place[];
  committees: Committee[];
  members: Member[];
}

const CODE = /^[A-Z]{2}$/;
const ID = /^[A-Za-z0-9-]{1,16}$/;
const MAX_ERRORS_SHOWN = 5;

function validatePlace(issues: Issues, value: unknown, path: string): Place | undefined {
  const place = issues.record(value, path);
  if (!place) return undefined;
  const code = issues.checked(place, 'code', path, (v) => CODE.test(v), 'not a two-letter code');
  const districts = place['districts'];
  if (!Number.isInteger(districts) || (districts as number) < 0 || (districts as number) > 99) issues.add(`${path}.districts`, 'must be an integer 0…99');
  if (typeof place['atLarge'] !== 'boolean') issues.add(`${path}.atLarge`, 'must be true or false');
  if (place['atLarge'] === true && districts !== 1) issues.add(`${path}.districts`, 'an at-large place has one seat');
  if (place['senators'] !== 0 && place['senators'] !== 2) issues.add(`${path}.senators`, 'must be 0 or 2');
  issues.text(place, 'name', path);
  issues.oneOf(place, 'house', path, ['representative', 'delegate', 'resident-commissioner'] as const);
  return code === undefined ? undefined : (place as unknown as Place);
}

function validateLead(issues: Issues, committee: Rec, key: 'chair' | 'ranking', path: string, members: Map<string, Rec>): void {
  if (committee[key] === undefined) return;
  const lead = issues.record(committee[key], `${path}.${key}`);
  if (!lead) return;
  const id = issues.text(lead, 'member', `${path}.${key}`);
  issues.text(lead, 'title', `${path}.${key}`);
  if (id !== undefined && !members.has(id)) issues.add(`${path}.${key}.member`, `unknown member '${id}'`);
}

function validateMember(issues: Issues, value: unknown, path: string, places: Map<string, Place>, committees: Set<string>, format: unknown): void {
  const member = issues.record(value, path);
  if (!member) return;
  issues.checked(member, 'id', path, (v) => ID.test(v), 'not an id');
  issues.text(member, 'name', path);
  issues.text(member, 'party', path);
  const chamber = issues.oneOf(member, 'chamber', path, ['senate', 'house'] as const);
  const code = issues.text(member, 'state', path);
  const place = code === undefined ? undefined : places.get(code);
  if (code !== undefined && !place) issues.add(`${path}.state`, `unknown place '${code}'`);
  const district = member['district'];
  if (chamber === 'senate' && district !== undefined) issues.add(`${path}.district`, 'a senator has no district');
  if (chamber === 'house' && place && !validDistrict(place, district)) issues.add(`${path}.district`, `not a district of ${place.code}`);
  issues.text(member, 'phone', path, true);
  issues.checked(member, 'form', path, isHttpUrl, 'not an http(s) URL', true);
  issues.checked(member, 'website', path, isHttpUrl, 'not an http(s) URL', true);
  // Required from format 2 on; a format 1 file has none (and its members are taken as serving).
  issues.checked(member, 'termEnd', path, isIsoDate, 'not an ISO date (YYYY-MM-DD)', format !== OFFICIALS_FORMAT);
  issues.list(member, 'committees', path).forEach((item, i) => {
    const seat = issues.record(item, `${path}.committees[${i}]`);
    if (!seat) return;
    const id = issues.text(seat, 'id', `${path}.committees[${i}]`);
    if (id !== undefined && !committees.has(id)) issues.add(`${path}.committees[${i}].id`, `unknown committee '${id}'`);
    issues.text(seat, 'title', `${path}.committees[${i}]`, true);
  });
}

/** Whether `district` is one of `place`'s seats (0 for an at-large place, else 1…districts). */
export function validDistrict(place: Place, district: unknown): district is number {
  if (!Number.isInteger(district)) return false;
  const n = district as number;
  return place.atLarge ? n === 0 : n >= 1 && n <= place.districts;
}

/** The directory as read from its file; throws an error naming the first faults' places. */
export function parseDirectory(raw: unknown): OfficialsDirectory {
  const issues = new Issues();
  const root = issues.record(raw, 'directory') ?? {};
  if (!READABLE_FORMATS.includes(root['format'])) issues.add('format', `must be ${OFFICIALS_FORMAT} (or 1, which has no term ends)`);
  issues.checked(root, 'country', '', (v) => CODE.test(v), 'not a two-letter country code');
  issues.checked(root, 'snapshot', '', isIsoDate, 'not an ISO date (YYYY-MM-DD)');
  const source = issues.record(root['source'], 'source');
  if (source) for (const key of ['name', 'licence', 'note']) issues.text(source, key, 'source');
  if (source) issues.checked(source, 'url', 'source', isHttpUrl, 'not an http(s) URL');

  const places = new Map<string, Place>();
  const placeList = issues.list(root, 'places', '');
  issues.uniqueIds(placeList.map((p) => (isRecord(p) ? { id: p['code'] } : p)), 'places');
  placeList.forEach((p, i) => {
    const place = validatePlace(issues, p, `places[${i}]`);
    if (place) places.set(place.code, place);
  });

  const memberList = issues.list(root, 'members', '');
  const members = new Map<string, Rec>();
  for (const m of memberList) if (isRecord(m) && typeof m['id'] === 'string') members.set(m['id'], m);
  issues.uniqueIds(memberList, 'members');

  const committeeList = issues.list(root, 'committees', '');
  const committeeIds = issues.uniqueIds(committeeList, 'committees');
  committeeList.forEach((c, i) => {
    const path = `committees[${i}]`;
    const committee = issues.record(c, path);
    if (!committee) return;
    issues.checked(committee, 'id', path, (v) => ID.test(v), 'not an id');
    issues.text(committee, 'name', path);
    issues.oneOf(committee, 'chamber', path, ['senate', 'house', 'joint'] as const);
    issues.checked(committee, 'url', path, isHttpUrl, 'not an http(s) URL', true);
    issues.list(committee, 'categories', path).forEach((id, j) => {
      if (!(CIVIC_CATEGORY_IDS as readonly unknown[]).includes(id)) issues.add(`${path}.categories[${j}]`, `not a civic category id: ${JSON.stringify(id)}`);
    });
    validateLead(issues, committee, 'chair', path, members);
    validateLead(issues, committee, 'ranking', path, members);
  });
  memberList.forEach((m, i) => validateMember(issues, m, `members[${i}]`, places, committeeIds, root['format']));

  if (issues.count > 0) {
    const more = issues.count > MAX_ERRORS_SHOWN ? ` (and ${issues.count - MAX_ERRORS_SHOWN} more)` : '';
    throw new Error(`malformed officials directory: ${issues.errors.slice(0, MAX_ERRORS_SHOWN).join('; ')}${more}`);
  }
  return root as unknown as OfficialsDirectory;
}
