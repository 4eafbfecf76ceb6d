// Fits the topic classifier's weights (src/engine/topics/topic-classifier.ts) on labelled items
// plus the categories' seed descriptions: a softmax over the categories and "none of them" on the
// terms of topic-terms.ts; then each class keeps only its strongest terms and the model is refitted
// on them, so the shipped model is exactly a fitted model, only smaller.
import { termValue, topicTerms } from '../../src/engine/topics/topic-terms';
import type { TopicModel } from '../../src/engine/topics/topic-classifier';
import type { LabelledItem } from './topic-data';
import type { SeedCategory } from './topic-seed';
import { fitSoftmax, type SparseRows } from './sparse-softmax';

export interface FitOptions {
  /** L2 penalty (the loss is summed over rows, so it is relative to the data's size). */
  lambda: number;
  /** Terms each class keeps. */
  keep: number;
  /** A term must occur in this many training documents to be learned (seed terms always are). */
  minDf: number;
  /** Loss weight of one seed phrase, against 1 for an article. */
  seedWeight: number;
  /** Rare-class weighting: an article of class c weighs min(RARE_CAP, max(1, (median / n_c)^power)),
   * n_c the class's fitting items (articles and roundups; a two-category item counts half in
   * each), median over the classes; 0 weighs every item 1. Common classes are never weighed
   * down; seed phrases keep seedWeight. */
  rarePower: number;
  log?: (line: string) => void;
}

interface Doc {
  counts: Map<string, number>;
  gold: readonly string[];
  weight: number;
}

/** The most a rare class's article is weighed up: the weight of one seed phrase. */
const RARE_CAP = 10;

/** Each class's weight for its articles (categories in order, then "none of them"). */
export function rareClassWeights(items: readonly { gold: readonly string[] }[], categories: readonly string[], power: number): number[] {
  const n = new Array<number>(categories.length + 1).fill(0);
  for (const it of items) {
    if (it.gold.length === 0) n[categories.length]!++;
    for (const g of it.gold) n[categories.indexOf(g)]! += 1 / it.gold.length;
  }
  const sorted = [...n].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return n.map((c) => (power === 0 ? 1 : Math.min(RARE_CAP, Math.max(1, (median / Math.max(c, 1)) ** power))));
}

/** Fits the model on the items and the seeds: each category's description, and `noneSeed` (the
 * same comma-separated form) for "none of them". */
export function fitTopicModel(items: readonly LabelledItem[], seeds: readonly SeedCategory[], noneSeed: string, opts: FitOptions): TopicModel {
  const categories = seeds.map((s) => s.id);
  const K = categories.length + 1; // the last class is "none of them"
  const classWeight = rareClassWeights(items, categories, opts.rarePower);
  const itemWeight = (gold: readonly string[]): number =>
    gold.length === 0 ? classWeight[K - 1]! : gold.reduce((w, g) => w + classWeight[categories.indexOf(g)]! / gold.length, 0);
  const docs: Doc[] = items.map((it) => ({ counts: topicTerms(it.members).counts, gold: it.gold, weight: itemWeight(it.gold) }));
  const seedTerms = new Set<string>();
  const seedDocs = [...seeds.map((s) => ({ text: s.description, gold: [s.id] })), { text: noneSeed, gold: [] }];
  for (const seed of seedDocs) {
    for (const phrase of seed.text.split(',')) {
      const counts = topicTerms([{ title: phrase.trim() }]).counts;
      if (counts.size === 0) continue;
      for (const t of counts.keys()) seedTerms.add(t);
      docs.push({ counts, gold: seed.gold, weight: opts.seedWeight });
    }
  }
  if (opts.rarePower > 0) opts.log?.(`rare-class weights: ${categories.map((c, i) => `${c} ${classWeight[i]!.toFixed(1)}`).join(', ')}, none ${classWeight[K - 1]!.toFixed(1)}`);
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const vocab = [...df.keys()].filter((t) => df.get(t)! >= opts.minDf || seedTerms.has(t)).sort();
  const k = vocab.length;
  const rows = toRows(docs, new Map(vocab.map((t, i) => [t, i])));
  // A story whose topic maps to two categories is half in each.
  const targets = new Float32Array(docs.length * K);
  docs.forEach((d, r) => {
    if (d.gold.length === 0) targets[r * K + K - 1] = 1;
    for (const g of d.gold) targets[r * K + categories.indexOf(g)] = 1 / d.gold.length;
  });
  const rowWeights = Float32Array.from(docs, (d) => d.weight);
  opts.log?.(`${docs.length} documents, ${k} terms, ${rows.indices.length} non-zeros`);
  const full = fitSoftmax(rows, targets, { classes: K, lambda: opts.lambda, rowWeights, log: opts.log });

  // Each class's strongest terms: weight times how often the term occurs, so a term seen thrice
  // with a large weight does not push out one that decides hundreds of stories.
  const allowed = new Uint8Array(k * K);
  for (let c = 0; c < K; c++) {
    const strength = (i: number): number => Math.abs(full.weights[i * K + c]!) * Math.log1p(df.get(vocab[i]!)!);
    const ranked = [...Array(k).keys()].filter((i) => full.weights[i * K + c] !== 0).sort((a, b) => strength(b) - strength(a));
    for (const i of ranked.slice(0, opts.keep)) allowed[i * K + c] = 1;
  }
  const fit = fitSoftmax(rows, targets, { classes: K, lambda: opts.lambda, rowWeights, allowed, init: full, log: opts.log });
  const weights = new Map<string, number[]>();
  for (let i = 0; i < k; i++) {
    const row: number[] = [];
    for (let c = 0; c < K; c++) if (allowed[i * K + c] && fit.weights[i * K + c] !== 0) row.push(c, fit.weights[i * K + c]!);
    if (row.length > 0) weights.set(vocab[i]!, row);
  }
  const parents = seeds.map((s) => (s.parent === undefined ? -1 : categories.indexOf(s.parent)));
  return { categories, biases: [...fit.biases], parents, weights, threshold: 0.5 };
}

function toRows(docs: readonly Doc[], index: ReadonlyMap<string, number>): SparseRows {
  const start = new Int32Array(docs.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  docs.forEach((d, r) => {
    for (const [t, count] of d.counts) {
      const i = index.get(t);
      if (i === undefined) continue;
      indices.push(i);
      values.push(termValue(count));
    }
    start[r + 1] = indices.length;
  });
  return { n: docs.length, k: index.size, start, indices: Int32Array.from(indices), values: Float32Array.from(values) };
}
