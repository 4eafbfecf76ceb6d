// Questions asked of an officials directory (officials-format.ts): who represents the reader's place,
// and who decides on a story's categories. Pure functions, shared by the sidebar and the tests.
import { CIVIC_CATEGORY_IDS, validDistrict } from '../formats/officials-format';
import type { CivicCategoryId, Committee, Member, OfficialsDirectory, Place } from '../formats/officials-format';
import type { ReaderPlace } from '../formats/settings';

/** The built-in taxonomy's pack id: its categories are stored as `civic/<id>`. */
export const CIVIC_PACK = 'civic';

export type OfficialsLookup =
  /** The reader has not said where they live. */
  | { kind: 'unset' }
  /** The reader lives where this directory does not reach: blanks, never a wrong name. */
  | { kind: 'other-country'; country: string }
  /** The place names no state or district the directory knows. */
  | { kind: 'no-such-place'; state: string; district?: number }
  | {
      kind: 'found';
      place: Place;
      district?: number;
      senators: Member[];
      representative: Member | null;
      /** `unknown`: the reader gave a state and no district; `vacant`: the seat is empty in the snapshot. */
      seat: 'filled' | 'vacant' | 'unknown';
    };

/** The reader's senators and member of the House, or why there are none to name. */
export function officialsFor(directory: OfficialsDirectory, place: ReaderPlace | null): OfficialsLookup {
  if (!place) return { kind: 'unset' };
  if (place.country !== directory.country) return { kind: 'other-country', country: place.country };
  if (place.state === undefined) return { kind: 'unset' };
  const known = directory.places.find((p) => p.code === place.state);
  if (!known || (place.district !== undefined && !validDistrict(known, place.district))) {
    return { kind: 'no-such-place', state: place.state, ...(place.district !== undefined ? { district: place.district } : {}) };
  }
  const senators = directory.members
    .filter((m) => m.chamber === 'senate' && m.state === known.code)
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  // A place with one at-large seat has only one district to know: "I don't know" means that one.
  const district = place.district ?? (known.atLarge ? 0 : undefined);
  if (district === undefined) return { kind: 'found', place: known, senators, representative: null, seat: 'unknown' };
  const representative = directory.members.find((m) => m.chamber === 'house' && m.state === known.code && m.district === district) ?? null;
  return { kind: 'found', place: known, district, senators, representative, seat: representative ? 'filled' : 'vacant' };
}

/**
 * Whether `member`'s term was over before `today` (YYYY-MM-DD, the reader's day: asked of the
 * caller so this stays pure). Someone else may hold the seat then, so they are named in no letter.
 * A format 1 directory knows no term ends: its members are taken as serving.
 */
export function termEnded(member: Member, today: string): boolean {
  return member.termEnd !== undefined && member.termEnd < today;
}

/** The civic taxonomy ids among a story's stored category ids (`civic/law` → `law`). */
export function civicCategoryIds(storedIds: readonly string[]): CivicCategoryId[] {
  const ids = storedIds.flatMap((id) => {
    const local = id.startsWith(`${CIVIC_PACK}/`) ? id.slice(CIVIC_PACK.length + 1) : '';
    return (CIVIC_CATEGORY_IDS as readonly string[]).includes(local) ? [local as CivicCategoryId] : [];
  });
  return [...new Set(ids)];
}

export interface Decider {
  member: Member;
  role: 'chair' | 'ranking';
  /** As the source spells it (`Chairman`, `Ranking Member`, `Vice Chairman`). */
  title: string;
}

export interface CommitteeDeciders {
  committee: Committee;
  /** The asked categories this committee's jurisdiction covers. */
  categories: CivicCategoryId[];
  deciders: Decider[];
}

const CHAMBER_ORDER: Record<Committee['chamber'], number> = { senate: 0, house: 1, joint: 2 };

/**
 * The chairs and ranking members of the committees whose jurisdiction covers any of `categoryIds`:
 * each committee once, those covering more of the categories first, then Senate, House and joint.
 */
export function deciders(directory: OfficialsDirectory, categoryIds: readonly string[]): CommitteeDeciders[] {
  const asked = new Set(categoryIds);
  const members = new Map(directory.members.map((m) => [m.id, m]));
  const found: CommitteeDeciders[] = [];
  for (const committee of directory.committees) {
    const categories = committee.categories.filter((id) => asked.has(id));
    if (categories.length === 0) continue;
    const leads: Decider[] = [];
    for (const role of ['chair', 'ranking'] as const) {
      const lead = committee[role];
      const member = lead && members.get(lead.member);
      if (lead && member) leads.push({ member, role, title: lead.title });
    }
    if (leads.length > 0) found.push({ committee, categories, deciders: leads });
  }
  return found.sort(
    (a, b) =>
      b.categories.length - a.categories.length ||
      CHAMBER_ORDER[a.committee.chamber] - CHAMBER_ORDER[b.committee.chamber] ||
      a.committee.name.localeCompare(b.committee.name, 'en'),
  );
}

/** A `tel:` URL for a U.S. office number as published (`202-224-3441`), or null when it is not one. */
export function telUrl(phone: string): string | null {
  const digits = phone.replace(/[\s().-]/g, '');
  if (/^\d{10}$/.test(digits)) return `tel:+1${digits}`;
  if (/^1\d{10}$/.test(digits)) return `tel:+${digits}`;
  return null;
}

/** Where to write to a member: the official contact form, else the office's website. */
export function contactUrl(member: Member): { url: string; form: boolean } | null {
  if (member.form) return { url: member.form, form: true };
  if (member.website) return { url: member.website, form: false };
  return null;
}
