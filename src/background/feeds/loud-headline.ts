// A headline that shouts or gives a verdict ("Macron RECALLS…", "Senator SLAMS…", "WATCH: …"):
// fine as one outlet's report in the coverage list, wrong as the story's own title, which every
// surface shows as Storyline's neutral name for the event. storyText passes such a headline over
// for a plain one that is nearly as close to what the reports share.

/** A label before the news rather than news: "BREAKING:", "Watch |", "Exclusive -". */
const LABEL = /^\s*(?:breaking(?: news)?|watch|exclusive|live|video|must[- ]see|just in|opinion|analysis|editorial)\s*[:|–—-]/i;

/**
 * Words of verdict that a report of the same event says plainly ("criticises", "says"). Not the
 * verbs that also tell damage ("Tornado rips through town", "Storm slams coast", "Homes destroyed",
 * "blasts"), nor "owned" (state-owned): a review of the rule found each on plain news.
 */
const VERDICT =
  /\b(?:eviscerates?|eviscerated|humiliates?|humiliated|rips into|slams back|bombshell|shocking|jaw-dropping|unhinged|epic fail|you won'?t believe|destroys (?:the|his|her|their) (?:argument|case))\b/i;

// Runs of capitals of four or more letters ("RECALLS"); an acronym ("NATO", "COVID") is written
// in capitals by other outlets too, a shouted word in lower case by them and in capitals by none.
const CAPITALS = /\b\p{Lu}{4,}\b/gu;
const LOWER_WORD = /\b\p{Ll}[\p{Ll}'-]*\b/gu;

/** What the reports write of words: in lower case, and each run of capitals how many times. */
export interface PlainWords {
  lower: Set<string>;
  capitals: Map<string, number>;
}

/** The words of the reports' headlines and leads: the plain form of a word shouted in one. */
export function plainWords(texts: readonly string[]): PlainWords {
  const lower = new Set<string>();
  const capitals = new Map<string, number>();
  for (const text of texts) {
    for (const [word] of text.matchAll(LOWER_WORD)) lower.add(word);
    for (const [word] of text.matchAll(CAPITALS)) capitals.set(word, (capitals.get(word) ?? 0) + 1);
  }
  return { lower, capitals };
}

/**
 * Whether `headline` shouts (a word others write in lower case and no other in capitals; an
 * exclamation mark at its end, not "Yahoo!"), gives a verdict, or opens with a label. `plain`
 * gives plainWords of the reports, the headline among them, asked for only when needed.
 */
export function isLoud(headline: string, plain: () => PlainWords): boolean {
  if (/!\s*$/.test(headline) || LABEL.test(headline) || VERDICT.test(headline)) return true;
  const own = new Map<string, number>();
  for (const [word] of headline.matchAll(CAPITALS)) own.set(word, (own.get(word) ?? 0) + 1);
  for (const [word, times] of own) {
    const { lower, capitals } = plain();
    if (lower.has(word.toLowerCase()) && (capitals.get(word) ?? 0) <= times) return true;
  }
  return false;
}

/** A plain headline is taken over a loud one that is closer when it reaches this share of the closest one's score. */
export const PLAIN_ENOUGH = 0.6;

/**
 * The index of the story's title among `headlines`: the closest (by `scores`) unless it is loud
 * and a plain one reaches PLAIN_ENOUGH of its score; ties go to the earlier one. `texts`: the
 * reports' headlines and leads, read only to tell a shouted word from an acronym.
 */
export function plainestClose(headlines: readonly string[], scores: readonly number[], texts: () => readonly string[]): number {
  let words: PlainWords | undefined;
  const plain = (): PlainWords => (words ??= plainWords(texts()));
  let best = 0;
  scores.forEach((s, i) => {
    if (s > scores[best]!) best = i;
  });
  // Nothing is close when the closest shares nothing with the others: the first stays.
  if (!(scores[best]! > 0) || !isLoud(headlines[best] ?? '', plain)) return best;
  let plainBest = -1;
  scores.forEach((s, i) => {
    if (s >= PLAIN_ENOUGH * scores[best]! && !isLoud(headlines[i]!, plain) && (plainBest < 0 || s > scores[plainBest]!)) plainBest = i;
  });
  return plainBest < 0 ? best : plainBest;
}
