// Unicode-aware tokenizing. Words are runs of letters, marks and digits in any script; apostrophes
// inside a word are kept so "don't" meets the stop list, and possessive "'s" is dropped so
// "Kerry's" and "Kerry" are one term. Numbers keep their decimal point ("1.9") but lose thousands
// separators ("1,000" → "1000") so the same figure written two ways is one term.
import { STOP_WORDS } from './stop-words';

export interface Token {
  /** Lower-cased, NFKC-normalised form. */
  norm: string;
  /** The word as written (possessive removed). */
  surface: string;
  /** First word of a sentence (its capital says nothing about being a name). */
  sentenceStart: boolean;
  /** Only spaces separate it from the previous token, so the two can form a phrase. */
  joined: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*(?:[.,]\p{N}+)*/gu;
const POSSESSIVE = /['’]s$/iu;

// "U.S." and "U.N." are one acronym, not two letters.
const DOTTED_ACRONYM = /(?<!\p{L})((?:\p{Lu}\.){2,})/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const source = text.normalize('NFKC').replace(DOTTED_ACRONYM, (m) => m.replace(/\./g, ''));
  let prevEnd = 0;
  for (const m of source.matchAll(WORD)) {
    let surface = m[0].replace(POSSESSIVE, '');
    if (/^\p{N}/u.test(surface)) surface = normaliseNumber(surface);
    const gap = source.slice(prevEnd, m.index);
    out.push({
      norm: surface.toLowerCase().replace(/’/g, "'"),
      surface,
      sentenceStart: out.length === 0 || /[.!?:\n]/.test(gap),
      joined: out.length > 0 && /^[ \t]+$/.test(gap),
    });
    prevEnd = m.index + m[0].length;
  }
  return out;
}

/** "1,000" → "1000", "1.50" → "1.5"; a trailing comma-group that is not a thousands group stays. */
export function normaliseNumber(raw: string): string {
  let s = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(raw) ? raw.replace(/,/g, '') : raw.replace(/,.*$/, '');
  if (/\.\d*0+$/.test(s)) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

export function isStopWord(norm: string): boolean {
  return STOP_WORDS.has(norm);
}

/** A token worth indexing: not a stop word, and not a lone letter or digit. */
export function isContentWord(norm: string): boolean {
  return norm.length > 1 && !STOP_WORDS.has(norm);
}
