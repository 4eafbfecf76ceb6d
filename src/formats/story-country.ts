// Which country a story is about, read from the words its reports use for places, peoples and
// seats of government (country-names.ts). Used to hold back a step that works through one
// country's institutions (Vote.gov for a U.S. election) on a story about another country's.
//
// Deliberately cautious: a story is said to be about elsewhere only when the step's country is
// hardly named at all beside the others. A U.S. story that names China, or a story about France
// that names the U.S. more than in passing, keeps every step, as before.
import { COUNTRY_WORDS, NEUTRAL_PHRASES, SHARED_TOWN_NAMES, US_STATE_ABBREVIATIONS } from './country-names';
import { US_PLACES } from './us-places';

/** A text of the story and how much it says about the story (a headline more than a lead). */
export interface WeightedText {
  text: string;
  weight: number;
}

/** Weighted mentions of each country (ISO 3166-1 alpha-2), of the story's texts. */
export type CountryMentions = ReadonlyMap<string, number>;

/** Below this weight of mentions of other countries (a headline naming one counts 3), nothing is held back. */
export const ELSEWHERE_MIN = 4;
/** The step's own country named at most this share of the others' weight: the story is elsewhere. */
export const OWN_SHARE_MAX = 0.15;

const escape = (text: string): string => text.replace(/[.]/g, '\\.');

// Words, with their dots where a dot is part of one: the AP's state abbreviations ("Ga."),
// initials ("U.S.", "D.C.") and "St." of "St. Petersburg"; inner apostrophes and hyphens kept
// ("N'Djamena", "Guinea-Bissau"), a possessive "'s" dropped.
const WORD = new RegExp(
  `(?:${US_STATE_ABBREVIATIONS.map(escape).join('|')}|St\\.)(?!\\p{L})|(?:\\p{Lu}\\.){2,}|[\\p{L}\\p{N}]+(?:['-][\\p{L}\\p{N}]+)*`,
  'gu',
);

const STATE_NAMES = new Map(US_PLACES.map((place) => [place.code, place.name]));

/** A dateline's postal code read as its state's name: "Rome, GA" is Rome, Georgia. */
const spellStates = (text: string): string =>
  text.replace(/, ([A-Z]{2})\b(?![.'-])/g, (whole, code: string) => (STATE_NAMES.has(code) ? `, ${STATE_NAMES.get(code)}` : whole));

function words(text: string): string[] {
  const found = spellStates(text.replace(/[’‘]/g, "'")).match(WORD) ?? [];
  return found.map((w) => (w.endsWith("'s") ? w.slice(0, -2) : w));
}

interface Phrase {
  words: readonly string[];
  /** The country it names; null for a phrase read whole only so that its words are not counted. */
  code: string | null;
  /** What one mention counts: a third for a city that is also a U.S. town. */
  share: number;
}

/** Phrases by their first word, longest first, so "New South Wales" is read before "Wales". */
function phraseIndex(): Map<string, Phrase[]> {
  const index = new Map<string, Phrase[]>();
  const add = (text: string, code: string | null): void => {
    const parts = words(text.replace(/^the /, ''));
    const first = parts[0];
    if (!first) return;
    const list = index.get(first) ?? [];
    const share = SHARED_TOWN_NAMES.has(text) ? 1 / 3 : 1;
    if (!list.some((p) => p.words.join(' ') === parts.join(' '))) list.push({ words: parts, code, share });
    index.set(first, list);
  };
  // Headlines capitalise every word: "Chinese Restaurant" as well as "Chinese restaurant".
  const titled = (text: string): string => text.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
  for (const phrase of NEUTRAL_PHRASES) for (const spelled of new Set([phrase, titled(phrase)])) add(spelled, null);
  for (const [code, names] of Object.entries(COUNTRY_WORDS)) for (const name of names) add(name, code);
  for (const place of US_PLACES) add(place.name, 'US');
  for (const abbreviation of US_STATE_ABBREVIATIONS) add(abbreviation, 'US');
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

let phrases: Map<string, Phrase[]> | undefined;

function matchAt(tokens: readonly string[], at: number, candidates: readonly Phrase[]): Phrase | undefined {
  return candidates.find((p) => p.words.every((w, k) => tokens[at + k] === w));
}

/** How many of `texts` name each country, weighted. Linear in the texts' length. */
export function countryMentions(texts: readonly WeightedText[]): CountryMentions {
  phrases ??= phraseIndex();
  const counts = new Map<string, number>();
  for (const { text, weight } of texts) {
    // Each country counts once a text, at its surest mention: a long lead that names a place ten
    // times says no more than a headline that names it once.
    const inText = new Map<string, number>();
    const tokens = words(text);
    for (let i = 0; i < tokens.length; ) {
      const found = matchAt(tokens, i, phrases.get(tokens[i] as string) ?? []);
      if (!found) {
        i++;
        continue;
      }
      if (found.code) inText.set(found.code, Math.max(inText.get(found.code) ?? 0, found.share));
      i += found.words.length;
    }
    for (const [code, share] of inText) counts.set(code, (counts.get(code) ?? 0) + weight * share);
  }
  return counts;
}

/** What a step of country `own` is, beside a story of these mentions. */
export interface Elsewhere {
  /** The country the story is about, when one holds most of the others' mentions. */
  about: string | null;
}

/**
 * Whether a step that works through `own`'s institutions is beside the point on a story of these
 * mentions: the others are named enough and `own` hardly at all. Null keeps the step.
 */
export function storyElsewhere(mentions: CountryMentions, own: string): Elsewhere | null {
  const ownWeight = mentions.get(own) ?? 0;
  const others = [...mentions].filter(([code]) => code !== own).sort((a, b) => b[1] - a[1]);
  const othersWeight = others.reduce((sum, [, weight]) => sum + weight, 0);
  if (othersWeight < ELSEWHERE_MIN || ownWeight > OWN_SHARE_MAX * othersWeight) return null;
  const [top] = others;
  return { about: top && top[1] * 2 >= othersWeight ? top[0] : null };
}
