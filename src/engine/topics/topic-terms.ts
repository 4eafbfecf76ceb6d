// The words the topic classifier reads: stemmed unigrams and adjacent-word bigrams ("suprem court")
// of a story's member headlines and leads. The training script and the extension both call this,
// so the model sees in use exactly what it was fitted on. Numbers are left out: years and counts
// say when a story ran, not what it is about, and a model that learned "2016" would date itself.
import { stem } from '../stem';
import { isContentWord, isStopWord, tokenize, type Token } from '../tokenize';

export interface TopicMember {
  title: string;
  /** Lead or excerpt; only its first LEAD_CHARS characters are read. */
  text?: string | null;
}

export interface TopicTerms {
  /** term → weighted count over every member (a headline word counts TITLE_WEIGHT). */
  counts: Map<string, number>;
  /** term → the words as the story wrote them, for "why this category". */
  display: Map<string, string>;
  /** False when the leads read as another language than English, the only one the model learned. */
  english: boolean;
}

// The headline names the subject; the lead adds context that drifts from it.
const TITLE_WEIGHT = 2;
// The training leads are at most ~300 characters; a longer excerpt would weigh in text the model
// never saw the like of.
export const LEAD_CHARS = 320;
// English prose is 35–50% function words (the stop list); other languages share a few of them
// ("a", "on", "die") but far fewer. Judged on leads only, and only with enough words to judge:
// headlines are terse in every language.
const MIN_WORDS_TO_JUDGE = 20;
const MIN_STOP_SHARE = 0.12;

const LETTER = /^\p{L}/u;

/** Acronyms as written ("FBI", "NATO"); other words in lower case. */
function shown(token: Token): string {
  return /^\p{Lu}{2,}$/u.test(token.surface) ? token.surface : token.norm;
}

interface Zone {
  text: string;
  weight: number;
  lead: boolean;
}

export function topicTerms(members: readonly TopicMember[]): TopicTerms {
  const counts = new Map<string, number>();
  const display = new Map<string, string>();
  let words = 0;
  let stops = 0;
  // The shown form is built only for a term's first occurrence.
  const add = (term: string, weight: number, surface: () => string): void => {
    counts.set(term, (counts.get(term) ?? 0) + weight);
    if (!display.has(term)) display.set(term, surface());
  };
  const zones: Zone[] = members.flatMap((m) => [
    { text: m.title, weight: TITLE_WEIGHT, lead: false },
    { text: (m.text ?? '').slice(0, LEAD_CHARS), weight: 1, lead: true },
  ]);
  for (const zone of zones) {
    let previous: { token: Token; term: string } | null = null;
    for (const token of tokenize(zone.text)) {
      const letters = LETTER.test(token.norm);
      if (zone.lead && letters) {
        words++;
        if (isStopWord(token.norm)) stops++;
      }
      if (!letters || !isContentWord(token.norm)) {
        previous = null;
        continue;
      }
      const term = stem(token.norm);
      add(term, zone.weight, () => shown(token));
      const before = previous;
      if (before && token.joined) add(`${before.term} ${term}`, zone.weight, () => `${shown(before.token)} ${shown(token)}`);
      previous = { token, term };
    }
  }
  const english = words < MIN_WORDS_TO_JUDGE || stops / words >= MIN_STOP_SHARE;
  return { counts, display, english };
}

/** The value a term's count enters the model with: sublinear, so a word every member repeats
 * counts more than once but far less than once per member (they are not independent witnesses). */
export function termValue(count: number): number {
  return Math.log1p(count);
}
