// A headline that shouts or gives a verdict ("Macron RECALLS…", "Senator SLAMS…", "WATCH: …"):
// fine as one outlet's report in the coverage list, wrong as the story's own title, which every
// surface shows as Storyline's neutral name for the event. storyText passes such a headline over
// for a plain one that is nearly as close to what the reports share.

/** A label before the news rather than news: "BREAKING:", "Watch |", "Exclusive -". */
const LABEL = /^\s*(?:breaking(?: news)?|watch|exclusive|live|video|must[- ]see|just in|opinion|analysis|editorial)\s*[:|–—-]/i;

/** Verbs and words of verdict that a report of the same event says plainly ("criticises", "says"). */
const VERDICT =
  /\b(?:slams?|slammed|blasts?|blasted|rips?|ripped|destroys?|destroyed|eviscerates?|eviscerated|obliterates?|obliterated|torches?|torched|humiliates?|humiliated|owns|owned|meltdown|bombshell|shocking|stunning|jaw-dropping|unhinged|epic fail|you won'?t believe)\b/i;

// Runs of capitals of four or more letters ("RECALLS"); an acronym ("NATO", "COVID") is written
// in capitals by every outlet, a shouted word in lower case by the others.
const CAPITALS = /\b\p{Lu}{4,}\b/gu;
const LOWER_WORD = /\b\p{Ll}[\p{Ll}'-]*\b/gu;

/** The lower-case words of the reports' headlines and leads: the plain form of a word shouted in one. */
export function plainWords(texts: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const [word] of text.matchAll(LOWER_WORD)) words.add(word);
  return words;
}

/**
 * Whether `headline` shouts (a word the reports write in lower case, "!"), gives a verdict, or
 * opens with a label. `plain` gives plainWords of the reports, asked for only when needed.
 */
export function isLoud(headline: string, plain: () => ReadonlySet<string>): boolean {
  if (headline.includes('!') || LABEL.test(headline) || VERDICT.test(headline)) return true;
  for (const [word] of headline.matchAll(CAPITALS)) if (plain().has(word.toLowerCase())) return true;
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
  let words: Set<string> | undefined;
  const plain = (): ReadonlySet<string> => (words ??= plainWords(texts()));
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
