// Letter templates: `{name}`-style placeholders the reader fills in before sending a letter.
// Pure functions, so the sidebar and the tests share them. Values live in Maps: a pack names its
// placeholders, and `{constructor}` or `{__proto__}` looked up on a plain object would find
// Object.prototype's members instead of a blank.
import { t, type MessageKey } from '../shared/i18n';
import type { HouseSeat, Member } from '../formats/officials-format';
import { termEnded, type OfficialsLookup } from './officials';

/** The placeholders a letter fills; the pack schema (template subject and body) accepts no other `{…}`. */
const PLACEHOLDER = /\{([a-z][a-z0-9_-]{0,40})\}/gi;

/** Filled values by placeholder key (lower case). */
export type LetterValues = ReadonlyMap<string, string>;

/** The placeholders of a template, in order of first appearance, without repeats. */
export function placeholders(...texts: string[]): string[] {
  const seen = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(PLACEHOLDER)) seen.add(match[1]!.toLowerCase());
  return [...seen];
}

/** The text with every filled placeholder replaced; unfilled ones stay visible as `{name}`. */
export function fillTemplate(text: string, values: LetterValues): string {
  return text.replace(PLACEHOLDER, (whole, key: string) => values.get(key.toLowerCase())?.trim() || whole);
}

/** Past this many characters a mailto: link is cut short or refused by some mail handlers (Windows' ~2,083). */
export const MAILTO_MAX = 2000;

/**
 * A mailto: URL with subject and body (and the recipient when there is exactly one address).
 * Line breaks are CRLF, as RFC 6068 asks of a body; the subject is one line. An empty body is left out.
 */
export function mailtoUrl(subject: string, body: string, to = ''): string {
  const fields: Record<string, string> = { subject: subject.replace(/\s*[\r\n]+\s*/g, ' ') };
  if (body) fields['body'] = body.replace(/\r\n|\r|\n/g, '\r\n');
  const params = new URLSearchParams(fields).toString().replace(/\+/g, '%20');
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
  /** The reader's day (YYYY-MM-DD): a member whose term ended before it is not named. */
  today: string;
}

/** What Storyline fills in a letter: values, and the placeholders nobody holds for this reader. */
export interface LetterFill {
  values: LetterValues;
  /** `senators` for D.C. and the territories: no field is asked, and the sentence naming it is left out. */
  absent: ReadonlySet<string>;
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
export function letterFill(facts: LetterFacts): LetterFill {
  const values = new Map<string, string>();
  const absent = new Set<string>();
  if (facts.story?.trim()) values.set('story', facts.story.trim());
  if (facts.name?.trim()) values.set('name', facts.name.trim());
  const found = facts.officials?.kind === 'found' ? facts.officials : null;
  if (!found) return { values, absent };
  const serving = (m: Member): boolean => !termEnded(m, facts.today);
  if (found.representative && serving(found.representative)) values.set('representative', letterAddress(found.representative, found.place.house));
  if (found.place.senators === 0) absent.add('senators');
  // Both or neither: a letter "to my senators" naming one of two would pass for the whole of it.
  const senators = found.senators.map((s) => letterAddress(s, found.place.house));
  if (found.senators.every(serving)) {
    if (senators.length === 1) values.set('senators', senators[0]!);
    if (senators.length === 2) values.set('senators', t('letterAnd', [senators[0]!, senators[1]!]));
  }
  return { values, absent };
}

const SENTENCE_END = /[.!?]/;
const CLOSER = /["'”’)\]]/;

/**
 * A line cut into sentences, each with the spaces after it: an end mark (and closing quotes) then a
 * space ends one, except a full stop closing a dotted word ("U.S.", "e.g."). One pass.
 */
function sentences(line: string): string[] {
  const parts: string[] = [];
  let start = 0;
  // Whether the word being read holds a full stop already: "U.S." ends no sentence.
  let dotted = false;
  let i = 0;
  while (i < line.length) {
    const char = line[i]!;
    if (/\s/.test(char)) dotted = false;
    if (!SENTENCE_END.test(char)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < line.length && (SENTENCE_END.test(line[end]!) || CLOSER.test(line[end]!))) end++;
    const abbreviation = char === '.' && dotted;
    dotted ||= line.slice(i, end).includes('.');
    if (abbreviation || (end < line.length && !/\s/.test(line[end]!))) {
      i = end;
      continue;
    }
    while (end < line.length && /\s/.test(line[end]!)) end++;
    parts.push(line.slice(start, end));
    start = i = end;
    dotted = false;
  }
  if (start < line.length) parts.push(line.slice(start));
  return parts;
}

/**
 * The text without the sentences that name an `absent` placeholder (a letter "copied to my senators"
 * for a reader who has none). A line left empty goes, with the blank line that set it apart, so
 * the paragraphs around it keep one blank line between them. Linear in the text.
 */
export function omitSentences(text: string, absent: ReadonlySet<string>): string {
  const names = (part: string): boolean => [...part.matchAll(PLACEHOLDER)].some((m) => absent.has(m[1]!.toLowerCase()));
  if (absent.size === 0 || !names(text)) return text;
  const kept: string[] = [];
  // Whether each kept line is blank, so a run of removed lines never rescans the line before them.
  const blank: boolean[] = [];
  const keep = (line: string): void => {
    kept.push(line);
    blank.push(!/\S/.test(line));
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const rest = names(line) ? sentences(line).filter((part) => !names(part)).join('').trimEnd() : line;
    if (rest === line || /\S/.test(rest)) {
      keep(rest);
      continue;
    }
    // The line goes: so does one blank line beside it, when it stood between blank lines or at an edge.
    const blankBefore = kept.length === 0 || blank.at(-1)!;
    const blankAfter = i + 1 >= lines.length || !/\S/.test(lines[i + 1]!);
    if (blankBefore && blankAfter) {
      if (i + 1 < lines.length) i++;
      else if (kept.length > 0) {
        kept.pop();
        blank.pop();
      }
    }
  }
  return kept.join('\n');
}
