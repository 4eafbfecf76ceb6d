// Assigns civic categories to a story from its members' headlines and leads, and says why.
// A multinomial logistic model over the categories and one more class, "none of them", reading
// the terms of topic-terms.ts: each class's evidence is its bias plus, for each term,
// weight × termValue(count), and a category's score is its softmax share against every other
// reading of the story. The terms that added most to a category's evidence are its explanation,
// read off the sum itself. Counts are pooled over the members: five headlines that say "senate"
// make a surer story than one.
// It prefers no category to a wrong one: a category is given only when its score reaches the
// calibrated threshold, and a story with too few words the model knows, or not in English, gets
// none at all.
import { termValue, topicTerms, type TopicMember } from './topic-terms';

export interface TopicModel {
  /** Category ids, in the order of `parents` and of the class indices of `biases` and weights. */
  categories: readonly string[];
  /** One bias per class: the categories', then "none of them" (index categories.length). */
  biases: readonly number[];
  /** Index of each category's parent, or -1 for a top-level category. */
  parents: readonly number[];
  /** term → flat pairs [class index, weight, class index, weight, …]. */
  weights: ReadonlyMap<string, readonly number[]>;
  /** Minimum score for a category to be given. */
  threshold: number;
}

export interface TopicScore {
  /** Civic category id (without the pack's prefix). */
  id: string;
  /** Probability that the story belongs to the category (for a parent given in place of its
   * children, to the family). */
  score: number;
  /** Up to WHY_TERMS words or phrases, as the story wrote them, that raised the score most. */
  why: string[];
}

/** What the classifier read in one story, before any threshold. */
export interface TopicEvidence {
  /** Every category's own score, in model order. */
  own: readonly { id: string; score: number }[];
  /** Every parent's family score: its own and its children's, summed (shares of one softmax). */
  families: readonly { id: string; score: number }[];
  /** Each category's parent, null for a top-level one. */
  parent(id: string): string | null;
  /** The why terms of a category, or of a family (its members' terms, the surest member's first). */
  why(id: string, family: boolean): string[];
}

/** At most this many categories per story. */
export const MAX_TOPICS = 3;
const WHY_TERMS = 3;
// A single known word is a coincidence, not evidence: "Senate" alone could head a recipe.
const MIN_KNOWN_TERMS = 2;

/**
 * The categories whose own score reaches the threshold, surest first, at most MAX_TOPICS; plus a
 * parent whose family reaches it when no member of the family does on its own: a story surely
 * about politics but unsure whether about Congress or elections gets "politics", not a guess.
 * A child given does not bring its parent: the specific category says more, and its standing steps
 * are the ones that fit the story.
 */
export function pickTopics(evidence: TopicEvidence | null, threshold: number): TopicScore[] {
  if (!evidence) return [];
  const picked = evidence.own.filter((s) => s.score >= threshold).map((s) => ({ ...s, family: false }));
  const covered = new Set(picked.flatMap((s) => [s.id, evidence.parent(s.id) ?? s.id]));
  for (const f of evidence.families) if (f.score >= threshold && !covered.has(f.id)) picked.push({ ...f, family: true });
  return picked
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_TOPICS)
    .map((s) => ({ id: s.id, score: s.score, why: evidence.why(s.id, s.family) }));
}

/** At most this many categories are offered to the reader for a story given none. */
export const MAX_SUGGESTIONS = 3;

/**
 * Lowest score at which a category is offered to the reader ("might be about") for a story the
 * classifier gives none: offered, never given, so it brings no steps until the reader takes it.
 * Set by `npm run bench:topics -- --suggest` on the held-back 2018 articles and roundups (the
 * data that sets TOPIC_THRESHOLD), by its stated rule: the lowest floor at which at least half of
 * the categories offered are right (there, 0.50–0.53 of them are, and the lists hold a right
 * category for 0.73–0.77 of the stories offered one). Set again whenever the weights change.
 */
export const TOPIC_SUGGEST_FLOOR = 0.2;

/**
 * For a story given no category: the categories, or families, that came closest, surest first,
 * for the reader to choose from. A family (a parent with its children) is offered with its
 * summed score, so a story split between Congress and elections offers "politics" first.
 * Empty when a category is given at the threshold: what is given is the answer.
 */
export function suggestTopics(evidence: TopicEvidence | null, threshold: number, floor: number): TopicScore[] {
  return !evidence || pickTopics(evidence, threshold).length > 0 ? [] : closestTopics(evidence, floor);
}

/** The categories or families scoring at least `floor`, surest first, at most MAX_SUGGESTIONS. */
function closestTopics(evidence: TopicEvidence, floor: number): TopicScore[] {
  const best = new Map<string, { id: string; score: number; family: boolean }>();
  for (const s of evidence.own) best.set(s.id, { ...s, family: false });
  for (const f of evidence.families) if (f.score > best.get(f.id)!.score) best.set(f.id, { ...f, family: true });
  return [...best.values()]
    .filter((s) => s.score >= floor)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => ({ id: s.id, score: s.score, why: evidence.why(s.id, s.family) }));
}

/** What the classifier makes of one story: the categories given, and those offered when none is. */
export interface TopicReading {
  given: TopicScore[];
  suggested: TopicScore[];
}

export class TopicClassifier {
  /** Each parent's family (itself and its children), by category index; fixed per model. */
  private readonly families: { parent: number; members: number[] }[];
  private readonly index: ReadonlyMap<string, number>;

  constructor(readonly model: TopicModel) {
    const { categories, parents } = model;
    this.index = new Map(categories.map((id, c) => [id, c]));
    this.families = categories
      .map((_, p) => ({ parent: p, members: categories.flatMap((_, c) => (c === p || parents[c] === p ? [c] : [])) }))
      .filter((f) => f.members.length > 1);
  }

  /** The categories given to the story, surest first: empty when none reaches the threshold. */
  classify(members: readonly TopicMember[]): TopicScore[] {
    return pickTopics(this.evidence(members), this.model.threshold);
  }

  /** The categories given and, for a story given none, those offered to the reader. */
  read(members: readonly TopicMember[], floor = TOPIC_SUGGEST_FLOOR): TopicReading {
    const evidence = this.evidence(members);
    const given = pickTopics(evidence, this.model.threshold);
    return { given, suggested: evidence && given.length === 0 ? closestTopics(evidence, floor) : [] };
  }

  /** Every category's score for the story; null when it has no usable words. */
  evidence(members: readonly TopicMember[]): TopicEvidence | null {
    const { counts, display, english } = topicTerms(members);
    if (!english) return null;
    const { categories, biases, parents, weights } = this.model;
    const sums = Float64Array.from(biases);
    let known = 0;
    for (const [term, count] of counts) {
      const row = weights.get(term);
      if (!row) continue;
      if (!term.includes(' ')) known++;
      const x = termValue(count);
      for (let i = 0; i < row.length; i += 2) sums[row[i]!]! += row[i + 1]! * x;
    }
    if (known < MIN_KNOWN_TERMS) return null;
    const max = Math.max(...sums);
    let total = 0;
    for (const v of sums) total += Math.exp(v - max);
    const own = categories.map((id, c) => ({ id, score: Math.exp(sums[c]! - max) / total }));
    const families = this.families.map((f) => ({ id: categories[f.parent]!, score: Math.min(1, f.members.reduce((sum, c) => sum + own[c]!.score, 0)) }));
    // Why is worked out only for the categories given: the terms' contributions to one class.
    const contributions = (c: number): [string, number][] => {
      const out: [string, number][] = [];
      for (const [term, count] of counts) {
        const row = weights.get(term);
        if (!row) continue;
        for (let i = 0; i < row.length; i += 2) if (row[i] === c && row[i + 1]! > 0) out.push([term, row[i + 1]! * termValue(count)]);
      }
      return out;
    };
    return {
      own,
      families,
      parent: (id) => categories[parents[this.index.get(id) ?? -1] ?? -1] ?? null,
      why: (id, family) => {
        const c = this.index.get(id) ?? -1;
        if (!family) return explain(contributions(c), display);
        const members = [...(this.families.find((f) => f.parent === c)?.members ?? [c])].sort((a, b) => own[b]!.score - own[a]!.score);
        return [...new Set(members.flatMap((m) => explain(contributions(m), display)))].slice(0, WHY_TERMS);
      },
    };
  }
}

/** The top contributing terms as readable words; a phrase absorbs the single words it contains. */
function explain(parts: readonly [string, number][], display: ReadonlyMap<string, string>): string[] {
  const shown: string[] = [];
  for (const [term] of [...parts].sort((a, b) => b[1] - a[1])) {
    if (shown.length >= WHY_TERMS) break;
    const words = (display.get(term) ?? term).split(' ');
    if (shown.some((s) => words.every((w) => s.split(' ').includes(w)))) continue;
    // A phrase takes the place of a single word already shown that it contains.
    const at = shown.findIndex((s) => words.length > 1 && words.includes(s));
    if (at >= 0) shown[at] = words.join(' ');
    else shown.push(words.join(' '));
  }
  return shown;
}

/** Reads the compact text form written by scripts/train-topics.ts: one line per term,
 * `term=category:weight,category:weight`, each category by its index. */
export function parseTopicWeights(text: string): Map<string, number[]> {
  const weights = new Map<string, number[]>();
  for (const line of text.split('\n')) {
    const eq = line.lastIndexOf('=');
    if (eq <= 0) continue;
    const row: number[] = [];
    for (const pair of line.slice(eq + 1).split(',')) {
      const colon = pair.indexOf(':');
      row.push(Number(pair.slice(0, colon)), Number(pair.slice(colon + 1)));
    }
    weights.set(line.slice(0, eq), row);
  }
  return weights;
}
