// Unicode-aware tokenizing. Words are runs of letters, marks and digits in any script; apostrophes
// inside a word are kept so "don't" meets the stop list, and possessive "'s" is dropped so
// "Kerry's" and "Kerry" are one term. Numbers keep their decimal point ("1.9") but lose thousands
// separators ("1,000" → "1000") so the same figure written two ways is one term. A run of a
// script written without spaces (Chinese, Japanese, Thai) is cut into its words (spaceless.ts).
import { hasSpacelessScript, isOneHan, spacelessWords } from './spaceless';
import { STOP_WORDS } from './stop-words';

export interface Token {
  /** Lower-cased, NFKC-normalised form, with case's and orthography's variants folded (`folded`). */
  norm: string;
  /** The word as written (possessive removed). */
  surface: string;
  /** First word of a sentence (its capital says nothing about being a name). */
  sentenceStart: boolean;
  /** Only spaces separate it from the previous token, so the two can form a phrase. */
  joined: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*(?:[.,]\p{N}+)*/gu;

// "U.S." and "U.N." are one acronym, not two letters.
const DOTTED_ACRONYM = /(?<!\p{L})((?:\p{Lu}\.){2,})/gu;

// Plain-ASCII text (most of what feeds and pages carry) is already NFKC: normalising it would
// only copy it. Each token is tested by character codes first and by Unicode classes only when
// it is not ASCII: tokenizing is most of reading a text, and the engine reads every feed item.
const NOT_ASCII = /[^\x00-\x7f]/;
const DIGIT_START = /^\p{N}/u;

/**
 * One spelling for what case and orthography write two ways: "İSTANBUL" lower-cases to "i̇stanbul"
 * (i and a combining dot) where "Istanbul" gives "istanbul"; "STRASSE" is "Straße"; a typographic
 * apostrophe is the typed one.
 */
const folded = (lower: string): string => lower.replace(/i\u0307/g, 'i').replace(/ß/g, 'ss').replace(/’/g, "'");
const UPPER_START = /^\p{Lu}/u;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  // Most text is plain ASCII: then no word needs folding, normalising or cutting (spaceless.ts).
  const plain = !NOT_ASCII.test(text);
  const normal = plain ? text : text.normalize('NFKC');
  const source = normal.includes('.') ? normal.replace(DOTTED_ACRONYM, (m) => m.replace(/\./g, '')) : normal;
  let prevEnd = 0;
  for (const m of source.matchAll(WORD)) {
    const word = m[0];
    const at = m.index;
    const sentenceStart = out.length === 0 || gapEndsSentence(source, prevEnd, at);
    const joined = out.length > 0 && gapIsSpaces(source, prevEnd, at);
    prevEnd = at + word.length;
    if (!plain && hasSpacelessScript(word)) {
      // The words of a Chinese, Japanese or Thai run; the first stands where the run does, the
      // others follow it with no space, so none of them starts a sentence or a phrase of names.
      spacelessWords(word).forEach((piece, i) => out.push(token(piece, plain, i === 0 && sentenceStart, i === 0 && joined)));
    } else out.push(token(word, plain, sentenceStart, joined));
  }
  return out;
}

function token(word: string, plain: boolean, sentenceStart: boolean, joined: boolean): Token {
  let surface = endsPossessive(word) ? word.slice(0, -2) : word;
  if (startsWithDigit(surface)) surface = normaliseNumber(surface);
  const lower = surface.toLowerCase();
  return { norm: plain || !NOT_ASCII.test(lower) ? lower : folded(lower), surface, sentenceStart, joined };
}

/** What /['’]s$/i matches: a possessive "'s" (any case, either apostrophe). */
function endsPossessive(word: string): boolean {
  const n = word.length;
  if (n < 2) return false;
  const last = word.charCodeAt(n - 1);
  const quote = word.charCodeAt(n - 2);
  return (last === 115 || last === 83) && (quote === 39 || quote === 0x2019);
}

/** What /^\p{N}/u matches, by character code for ASCII. */
export function startsWithDigit(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 48 && c <= 57;
  return DIGIT_START.test(s);
}

/** What /^\p{Lu}/u matches, by character code for ASCII. */
export function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_START.test(s);
}

/** What /[.!?:\n]/ finds in source[from, to). */
function gapEndsSentence(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 58 || c === 10) return true;
  }
  return false;
}

/** What /^[ \t]+$/ matches on source[from, to). */
function gapIsSpaces(source: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** "1,000" → "1000", "1.50" → "1.5"; a trailing comma-group that is not a thousands group stays. */
export function normaliseNumber(raw: string): string {
  const s = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(raw) ? raw.replace(/,/g, '') : raw.replace(/,.*$/, '');
  return trimDecimalZeros(s);
}

/**
 * What `/\.\d*0+$/.test(s) ? s.replace(/0+$/, '').replace(/\.$/, '') : s` gives, by hand: both
 * patterns retry from every digit of a long run of them ("1." then 50,000 zeros then "1" took
 * seconds), and a number's digits come from untrusted pages and feeds.
 */
function trimDecimalZeros(s: string): string {
  // Only the last point can be followed by nothing but ASCII digits up to the end.
  const dot = s.lastIndexOf('.');
  if (dot < 0 || s.charCodeAt(s.length - 1) !== 48) return s;
  for (let i = dot + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return s;
  }
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  // "1.00" keeps no point; the loop stopped at it, since it is no zero.
  return s.slice(0, end === dot + 1 ? dot : end);
}

export function isStopWord(norm: string): boolean {
  return STOP_WORDS.has(norm);
}

/** A token worth indexing: not a stop word, and not a lone letter or digit (a Chinese character can be a word). */
export function isContentWord(norm: string): boolean {
  return (norm.length > 1 || isOneHan(norm)) && !STOP_WORDS.has(norm);
}
