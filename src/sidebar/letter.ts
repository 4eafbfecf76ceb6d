// Letter templates: `{name}`-style placeholders the reader fills in before sending a letter.
// Pure functions, so the sidebar and the tests share them.
import { t, type MessageKey } from '../shared/i18n';
import type { HouseSeat, Member } from '../formats/officials-format';
import type { OfficialsLookup } from './officials';

const PLACEHOLDER = /\{([a-z][a-z0-9_-]{0,40})\}/gi;

/** The placeholders of a template, in order of first appearance, without repeats. */
export function placeholders(...texts: string[]): string[] {
  const seen = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(PLACEHOLDER)) seen.add(match[1]!.toLowerCase());
  return [...seen];
}

/** The text with every filled placeholder replaced; unfilled ones stay visible as `{name}`. */
export function fillTemplate(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, key: string) => values[key.toLowerCase()]?.trim() || whole);
}

/** A mailto: URL with subject and body (and the recipient when there is exactly one address). */
export function mailtoUrl(subject: string, body: string, to = ''): string {
  const params = new URLSearchParams({ subject, body }).toString().replace(/\+/g, '%20');
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?${params}`;
}

/** Human label for a placeholder key: `your_name` → "Your name". */
export function placeholderLabel(key: string): string {
  const words = key.replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What Storyline knows to fill in for the reader; a field it cannot fill stays a visible blank. */
export interface LetterFacts {
  /** The story's title, for `{story}`. */
  story?: string;
  /** The reader's own name, for `{name}`. */
  name?: string;
  /** The reader's officials, for `{representative}` and `{senators}` (only when found: never a guess). */
  officials?: OfficialsLookup;
}

const HOUSE_TITLE: Record<HouseSeat, MessageKey> = {
  representative: 'letterRepresentative',
  delegate: 'letterDelegate',
  'resident-commissioner': 'letterResidentCommissioner',
};

/** How an official is named in a letter: "Senator Maria Cantwell", "Delegate …". */
export function letterAddress(member: Member, house: HouseSeat): string {
  return member.chamber === 'senate' ? t('letterSenator', member.name) : t(HOUSE_TITLE[house], member.name);
}

/** Values for the placeholders Storyline fills: `{story}`, `{name}`, `{representative}`, `{senators}`. */
export function letterValues(facts: LetterFacts): Record<string, string> {
  const values: Record<string, string> = {};
  if (facts.story?.trim()) values['story'] = facts.story.trim();
  if (facts.name?.trim()) values['name'] = facts.name.trim();
  const found = facts.officials?.kind === 'found' ? facts.officials : null;
  if (found?.representative) values['representative'] = letterAddress(found.representative, found.place.house);
  const senators = found?.senators.map((s) => letterAddress(s, found.place.house)) ?? [];
  if (senators.length === 1) values['senators'] = senators[0]!;
  if (senators.length === 2) values['senators'] = t('letterAnd', [senators[0]!, senators[1]!]);
  return values;
}
