// What a feed story's summary reads of each member (feed-summary.ts): the terms of its headline and
// lead, of its headline alone, and of each lead sentence that may be quoted. Reading them is most
// of the cost of building a story, and a refresh rebuilds every story a new item joined, old
// members and all: so each member's reading is kept (SummaryTexts, one per feed model) and made
// again only when its headline or lead changes. The service worker's heap is measured, so a kept
// reading is term numbers in one typed array (a few hundred bytes), not arrays of strings.
import { docTerms, termsOnce } from '../../engine';
import type { Entry } from './feed-entry';

/** Shorter sentences are datelines and fragments ("Updated 5pm."), longer ones run-ons. */
const MIN_WORDS = 5;
const MAX_SENTENCE_CHARS = 320;
// Feeds cut descriptions short ("… [+1234 chars]", "Continue reading…"): a cut sentence is not quoted.
const CUT = /(…|\.\.\.|\[[^\]]{0,40}\])\s*$|^(continue reading|read more)\b/iu;

// A boundary is end punctuation (and a closing quote) then space then what starts a sentence; not
// the period of an initial or a title ("U.S. Senate", "Sen. Warren", "Dr. Patel", "Prof. Smith"),
// nor of a month before its day ("Jan. 6", "Sept. 11"): news style abbreviates a month only before
// a date, so "in Dec. The panel" still ends there. Every lookbehind is of bounded length and the
// month's lookahead reads one white space (sentences() makes every run one), so the split stays linear.
const TITLES = 'Mr|Mrs|Ms|Dr|Prof|St|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Sgt|Rev|Jr|Sr|Mt|No|Inc|Corp|Co|Ltd|vs';
const MONTHS = 'Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Nov|Dec';
const BOUNDARY = new RegExp(
  `(?<=[.!?]["'”’)]?)(?<!(?:^|[\\s.(])(?:\\p{L}|${TITLES})\\.)(?<!(?:^|[\\s(])(?:${MONTHS})\\.(?=\\s\\p{N}))\\s+(?=["'“‘(]?[\\p{Lu}\\p{N}])`,
  'u',
);

const normal = (lead: string): string => lead.replace(/\s+/g, ' ').trim();

export function sentences(lead: string): string[] {
  return normal(lead)
    .split(BOUNDARY)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Terms as numbers: equal numbers are equal terms (within one SummaryTexts), in the order read. */
export type Terms = Int32Array;

export interface QuotableSentence {
  text: string;
  /** Its terms, each once. */
  terms: Terms;
  /** Its place in the lead (0: the opening sentence). */
  position: number;
}

export interface MemberText {
  /** Terms of the headline and lead, each once. */
  readonly terms: Terms;
  /** Terms of the headline alone, each once. */
  readonly titleTerms: Terms;
  /** The lead's sentences that may be quoted. */
  sentences(): QuotableSentence[];
}

/** A sentence the feed cut short ("… [+2345 chars]", "Continue reading"): never quoted. */
export const isCut = (text: string): boolean => CUT.test(text);

const quotable = (text: string): boolean => text.length <= MAX_SENTENCE_CHARS && text.split(' ').length >= MIN_WORDS && !isCut(text);

interface Kept {
  title: string;
  summary: string;
  /** [n, n terms of headline and lead, m, m terms of the headline]. */
  read: Int32Array;
  /**
   * For each quotable sentence: [position, start, end, n, n terms], start and end in the lead with
   * its spaces made single (splitting again costs as much as reading); made on first use
   * (one-outlet stories never ask).
   */
  quoted: Int32Array | null;
}

/** Members' readings, kept by entry id while the entry's headline and lead stay the same. */
export class SummaryTexts {
  private readonly kept = new Map<string, Kept>();
  private readonly words = new Map<string, number>();

  private number(terms: readonly string[]): number[] {
    return terms.map((t) => {
      let n = this.words.get(t);
      if (n === undefined) this.words.set(t, (n = this.words.size));
      return n;
    });
  }

  /** The member's reading, made now when none is kept for its headline and lead. */
  private reading(m: Entry): Kept {
    const { id, title } = m.article;
    let kept = this.kept.get(id);
    if (kept && kept.title === title && kept.summary === m.summary) {
      // The entry's own strings (a refresh parses the feed again): the kept copies can go.
      kept.title = title;
      kept.summary = m.summary;
    } else {
      // The headline and lead through the memo (the clusterer reads the same text); the headline
      // alone is read here only.
      const terms = this.number(docTerms({ title, text: m.summary || null }));
      const titleTerms = this.number(termsOnce({ title, text: null }));
      kept = { title, summary: m.summary, read: Int32Array.from([terms.length, ...terms, titleTerms.length, ...titleTerms]), quoted: null };
      this.kept.set(id, kept);
    }
    return kept;
  }

  /**
   * Reads a member before it joins (while other feeds are still being fetched): `of` then finds it
   * read, its quotable sentences too (a story of several outlets quotes them; read here, while
   * the batch waits on the network, they cost the first fetch less than read after it).
   */
  readAhead(m: Entry): void {
    this.quotedOf(this.reading(m));
  }

  readonly of = (m: Entry): MemberText => {
    const kept = this.reading(m);
    const { read } = kept;
    const n = read[0]!;
    const held = kept;
    return {
      terms: read.subarray(1, 1 + n),
      titleTerms: read.subarray(2 + n, 2 + n + read[1 + n]!),
      sentences: () => this.sentences(held),
    };
  };

  private quotedOf(kept: Kept): Int32Array {
    if (!kept.quoted) {
      const lead = normal(kept.summary);
      const flat: number[] = [];
      let from = 0;
      sentences(kept.summary).forEach((text, position) => {
        // Each sentence is the next piece of the lead, trimmed: found from where the last one ended.
        const start = lead.indexOf(text, from);
        from = start + text.length;
        if (!quotable(text)) return;
        const terms = this.number(termsOnce({ title: text, text: null }));
        flat.push(position, start, from, terms.length, ...terms);
      });
      kept.quoted = Int32Array.from(flat);
    }
    return kept.quoted;
  }

  private sentences(kept: Kept): QuotableSentence[] {
    const lead = normal(kept.summary);
    const q = this.quotedOf(kept);
    const out: QuotableSentence[] = [];
    for (let i = 0; i < q.length; i += 4 + q[i + 3]!) out.push({ text: lead.slice(q[i + 1], q[i + 2]), position: q[i]!, terms: q.subarray(i + 4, i + 4 + q[i + 3]!) });
    return out;
  }

  /** The entry left (or reads differently): its reading goes. */
  forget(id: string): void {
    this.kept.delete(id);
  }
}
