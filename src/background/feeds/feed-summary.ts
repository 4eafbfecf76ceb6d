// A feed story's headline and summary, chosen from its reports rather than copied from the first
// one. The headline is the member headline closest to what the members share (its terms weighted by
// how many *other* members use them), a plain one rather than one that shouts; the summary is a few sentences from two or more outlets'
// leads, each credited to its outlet, so the reader sees it is assembled, not written. A story of
// one outlet gets that outlet's lead, credited. Deterministic (every tie has an order) and linear
// in the members' text: each headline and sentence is read once against counts built once.
import type { Entry } from './feed-entry';
import type { SummaryPart } from '../../formats/model';
import { headlineKey } from '../../formats/headline';
import { isCut, sentences, SummaryTexts, type MemberText, type Terms } from './summary-texts';
import { plainestClose } from './loud-headline';

export { sentences };

/** At most this many sentences, and about this many characters in all. */
export const SUMMARY_SENTENCES = 3;
export const SUMMARY_CHARS = 420;
/**
 * Two sentences say the same thing when this share of the shorter one's terms is in the other: a
 * short lead restating a longer one ("The Fed held rates steady on Wednesday") adds nothing however
 * much more the longer one says, which a share of both together (Jaccard) let through.
 */
const SAME_SENTENCE = 0.5;

export interface StoryText {
  title: string;
  summary: string;
  /** Empty when no member has a lead: the summary is then the headline. */
  parts: SummaryPart[];
}

interface Sentence {
  text: string;
  terms: Terms;
  member: number;
  position: number;
  score: number;
}

/** How many members use each term, in their headline or lead. */
function memberCounts(memberTerms: readonly Terms[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const terms of memberTerms) for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Closeness of `terms` (of member `m`) to the other members: each term counts the others using it. */
function closeness(terms: Terms, own: Set<number>, counts: Map<number, number>): number {
  if (terms.length === 0) return 0;
  let sum = 0;
  for (const t of terms) sum += (counts.get(t) ?? 0) - (own.has(t) ? 1 : 0);
  return sum / Math.sqrt(terms.length);
}

/**
 * A sentence that opens by answering the one before it ("But just as quickly…", "However, …",
 * "That's because…"): quoted alone, away from that sentence, it reads as a fragment of a thought.
 * Its lead's other sentences may still be quoted.
 */
const LEANS_BACK = /^(?:but|however|yet|still|and|also|instead|nevertheless|nonetheless|moreover|furthermore|meanwhile|that(?:'|’)s because|that is because|in addition)\b/i;

/** Shared terms over the shorter one's terms (each sentence's terms are each once). */
function containment(a: Terms, b: Terms): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  const shared = b.filter((t) => set.has(t)).length;
  return shared / Math.min(a.length, b.length);
}

/** The member's lead; none when it only repeats the headline (a feed whose description is its title). */
const leadOf = (m: Entry): string => (m.summary.trim() && headlineKey(m.summary) !== headlineKey(m.article.title) ? m.summary : '');

/**
 * A lead cut to whole sentences within SUMMARY_CHARS (the first sentence whatever its length),
 * ending before the first sentence the feed cut short: what follows it is the cut's marker.
 */
function wholeLead(lead: string): string {
  let out = '';
  for (const s of sentences(lead)) {
    if (isCut(s) || (out && out.length + 1 + s.length > SUMMARY_CHARS)) break;
    out = out ? `${out} ${s}` : s;
  }
  return out;
}

/**
 * The title and summary of a story whose members are `members` in time order (reports only).
 * `outletName` names a member's outlet (its host) for the credits; `textOf` reads a member (a
 * model passes its SummaryTexts, which keeps each member's reading between builds).
 */
export function storyText(members: readonly Entry[], outletName: (host: string) => string, textOf: (m: Entry) => MemberText = new SummaryTexts().of): StoryText {
  const texts = members.map(textOf);
  const counts = memberCounts(texts.map((t) => t.terms));
  const own = texts.map((t) => new Set(t.terms));
  const headlines = members.map((m) => m.article.title);
  const scores = members.map((_, i) => closeness(texts[i]!.titleTerms, own[i]!, counts));
  // A loud headline is passed over for a plain one nearly as close (loud-headline.ts).
  const best = plainestClose(headlines, scores, () => [...headlines, ...members.map((m) => m.summary)]);
  const head = members[best];
  if (!head) return { title: '', summary: '', parts: [] };
  const title = head.article.title;
  const part = (m: Entry, text: string): SummaryPart => ({ text, source: outletName(m.article.outlet), ...(m.article.url ? { url: m.article.url } : {}) });

  const leads = members.map(leadOf);
  /** One member's whole lead, the headline's own where it has one; null when none has a lead to quote. */
  const oneLead = (): StoryText | null => {
    for (const i of [best, ...members.keys()]) {
      const text = leads[i] && wholeLead(leads[i]);
      if (text) return { title, summary: text, parts: [part(members[i]!, text)] };
    }
    return null;
  };

  const outlets = new Set(members.filter((_, i) => leads[i]).map((m) => m.article.outlet));
  if (outlets.size < 2) return oneLead() ?? { title, summary: title, parts: [] };

  const pool: Sentence[] = [];
  texts.forEach((t, member) => {
    if (!leads[member]) return;
    for (const { text, terms, position } of t.sentences()) {
      if (LEANS_BACK.test(text)) continue;
      // A lead's opening sentence carries its news; later ones background.
      const score = closeness(terms, own[member]!, counts) / (1 + 0.25 * position);
      pool.push({ text, terms, member, position, score });
    }
  });
  pool.sort((a, b) => b.score - a.score || a.member - b.member || a.position - b.position);

  const picked: Sentence[] = [];
  const used = new Set<string>();
  let chars = 0;
  for (const s of pool) {
    if (picked.length >= SUMMARY_SENTENCES) break;
    const outlet = members[s.member]!.article.outlet;
    if (used.has(outlet) || chars + s.text.length > SUMMARY_CHARS) continue;
    if (picked.some((p) => containment(p.terms, s.terms) >= SAME_SENTENCE)) continue;
    picked.push(s);
    used.add(outlet);
    chars += s.text.length;
  }
  if (picked.length === 0) return oneLead() ?? { title, summary: title, parts: [] };
  const parts = picked.map((s) => part(members[s.member]!, s.text));
  return { title, summary: parts.map((p) => p.text).join(' '), parts };
}
