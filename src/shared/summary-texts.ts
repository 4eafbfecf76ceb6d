// What a feed story's summary reads of each member (feed-summary.ts): the terms of its headline and
// lead, of its headline alone, and of each lead sentence that may be quoted. Reading them is most
// of the cost of building a story, and a refresh rebuilds every story a new item joined, old
// members and all: so each member's reading is kept (SummaryTexts, one per feed model) and made
// again only when its headline or lead changes. Terms are interned: thousands of members share a
// vocabulary of a few thousand words, and the service worker's heap is measured.
import { docTerms } from '../engine';
import type { Entry } from './feed-entries';

/** Shorter sentences are datelines and fragments ("Updated 5pm."), longer ones run-ons. */
const MIN_WORDS = 5;
const MAX_SENTENCE_CHARS = 320;
// Feeds cut descriptions short ("… [+1234 chars]", "Continue reading…"): a cut sentence is not quoted.
const CUT = /(…|\.\.\.|\[[^\]]{0,40}\])\s*$|^(continue reading|read more)\b/iu;

// A boundary is end punctuation (and a closing quote) then space then what starts a sentence; not
// the period of an initial or a title ("U.S. Senate", "Sen. Warren", "Dr. Patel"). Every lookaround
// is of bounded length, so the split stays linear.
const BOUNDARY =
  /(?<=[.!?]["'”’)]?)(?<!(?:^|[\s.(])(?:\p{L}|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Jr|Sr|Mt|No|Inc|Corp|Co|Ltd|vs)\.)\s+(?=["'“‘(]?[\p{Lu}\p{N}])/u;

export function sentences(lead: string): string[] {
  return lead
    .replace(/\s+/g, ' ')
    .trim()
    .split(BOUNDARY)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export interface QuotableSentence {
  text: string;
  /** Its terms, each once. */
  terms: readonly string[];
  /** Its place in the lead (0: the opening sentence). */
  position: number;
}

export interface MemberText {
  /** Terms of the headline and lead, each once. */
  readonly terms: readonly string[];
  /** Terms of the headline alone, each once. */
  readonly titleTerms: readonly string[];
  /** The lead's sentences that may be quoted (made on first use: one-outlet stories never ask). */
  sentences(): readonly QuotableSentence[];
}

type Intern = (terms: string[]) => string[];

function readMember(title: string, summary: string, intern: Intern): MemberText {
  let quotable: QuotableSentence[] | null = null;
  return {
    terms: intern(docTerms({ title, text: summary || null })),
    titleTerms: intern(docTerms({ title, text: null })),
    sentences: () =>
      (quotable ??= sentences(summary).flatMap((text, position) =>
        text.length > MAX_SENTENCE_CHARS || text.split(' ').length < MIN_WORDS || CUT.test(text) ? [] : [{ text, terms: intern(docTerms({ title: text, text: null })), position }],
      )),
  };
}

/** A member's reading, made every time (no cache). */
export const memberText = (m: Entry): MemberText => readMember(m.article.title, m.summary, (t) => t);

/** Members' readings kept by entry id, valid while the entry's headline and lead stay the same. */
export class SummaryTexts {
  private readonly kept = new Map<string, { title: string; summary: string; text: MemberText }>();
  private readonly words = new Map<string, string>();
  private readonly intern: Intern = (terms) =>
    terms.map((t) => {
      const known = this.words.get(t);
      if (known !== undefined) return known;
      this.words.set(t, t);
      return t;
    });

  readonly of = (m: Entry): MemberText => {
    const { id, title } = m.article;
    const kept = this.kept.get(id);
    if (kept && kept.title === title && kept.summary === m.summary) return kept.text;
    const text = readMember(title, m.summary, this.intern);
    this.kept.set(id, { title, summary: m.summary, text });
    return text;
  };

  /** The entry left (or reads differently): its reading goes. */
  forget(id: string): void {
    this.kept.delete(id);
  }
}
