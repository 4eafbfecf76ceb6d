// Named entities without a model: capitalised phrases ("Supreme Court", "John Kerry"), acronyms
// ("FBI", "U.S."), and numbers with a unit ("$1.9 trillion", "15%", "300 people"). They tell one event
// from another on the same topic, so features.ts gives them their own terms on top of the words.
// Headlines in Title Case capitalise every word, so there only acronyms, numbers and phrases
// already seen in the lead count. Lower-cased input simply yields no names.
import { isStopWord, normaliseNumber, startsUpper, startsWithDigit, type Token } from './tokenize';

/** key (lower case, "e:" or "n:" prefixed) → surface form for display. */
export type EntityMap = Map<string, string>;

// Capitalised by convention, not because they name something.
const CALENDAR = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(
    ' ',
  ),
);
const UNITS = new Set(
  'percent per cent million billion trillion thousand hundred people dead killed died injured votes points degrees years year days months weeks hours miles kilometers km feet acres tons barrels dollars euros pounds cases deaths jobs troops seats'.split(
    ' ',
  ),
);
const MAX_PHRASE = 5;

// "$1.9", "15%". A percentage may start only at the first digit of its run of digits and points
// (the lookbehind): the number runs to the end of that run whichever digit it starts at, so a run
// with no "%" after it fails from every digit, and retrying from each one of a long run of digits
// was quadratic. Matches are the same as without the lookbehind: a later start fails wherever the
// first did, and no match ends just before a digit of its own run.
const AMOUNT = /([$€£])\s?(\d[\d,.]*\d|\d)|(\d(?<!\d\.*\d)[\d.]*)\s?%/gu;

function isCapitalised(t: Token): boolean {
  return startsUpper(t.surface) && !CALENDAR.has(t.norm);
}

function isAcronym(t: Token): boolean {
  const s = t.surface;
  return s.length >= 2 && startsUpper(s) && /^\p{Lu}{2,6}s?$/u.test(s) && !CALENDAR.has(t.norm);
}

/** True when most longer words are capitalised: a Title Case headline. */
export function isTitleCase(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => t.norm.length > 3 && /^\p{L}/u.test(t.surface));
  if (words.length < 2) return false;
  return words.filter((t) => startsUpper(t.surface)).length / words.length >= 0.7;
}

export function extractEntities(tokens: readonly Token[], raw: string, namesFromCase: boolean): EntityMap {
  const out: EntityMap = new Map();
  let run: Token[] = [];
  const flush = (): void => {
    // A sentence-initial function word ("The", "In") is not part of the name.
    while (run.length && isStopWord(run[0]!.norm)) run = run.slice(1);
    if (run.length >= 2 || (run.length === 1 && !run[0]!.sentenceStart && !isStopWord(run[0]!.norm))) {
      const words = run.slice(0, MAX_PHRASE);
      out.set(`e:${words.map((t) => t.norm).join(' ')}`, words.map((t) => t.surface).join(' '));
    }
    run = [];
  };
  tokens.forEach((t, i) => {
    if (isAcronym(t)) out.set(`e:${t.norm}`, t.surface);
    const capitalised = namesFromCase && isCapitalised(t);
    if (capitalised && (run.length === 0 || t.joined)) run.push(t);
    else {
      flush();
      if (capitalised) run.push(t);
    }
    const next = tokens[i + 1];
    if (startsWithDigit(t.surface)) {
      if (next && next.joined && UNITS.has(next.norm)) out.set(`n:${t.norm} ${next.norm}`, `${t.surface} ${next.surface}`);
    }
  });
  flush();
  // Currency amounts keep their symbol (the unit word, if any, is caught above); "15%" is "15 percent".
  for (const m of raw.normalize('NFKC').matchAll(AMOUNT)) {
    const key = m[3] !== undefined ? `${m[3]} percent` : `${m[1]}${normaliseNumber(m[2]!)}`;
    out.set(`n:${key}`, m[0]);
  }
  return out;
}

/** Entities named in `known` (from the lead) that also occur, as a word sequence, in the tokens. */
export function findKnownEntities(tokens: readonly Token[], known: EntityMap): EntityMap {
  const out: EntityMap = new Map();
  const text = ` ${tokens.map((t) => t.norm).join(' ')} `;
  for (const [key, surface] of known) {
    if (key.startsWith('e:') && text.includes(` ${key.slice(2)} `)) out.set(key, surface);
  }
  return out;
}
