// What calibration (scripts/calibrate.ts) and its cross-validation (scripts/verifier-cv.ts) share:
// the calibration runs, the (query, candidate story) evidence collected on them, and the fit of
// the logistic verifier on evidence rows.
import { scoreCandidates } from '../../src/engine/scoring';
import { EVIDENCE_NAMES, evidenceVectors, verifierFeatures, verifierScore, type Standardisation } from '../../src/engine/verifier';
import { extractFeatures } from '../../src/engine/features';
import type { EngineDoc, StoryIndex } from '../../src/engine/index';
import { clip } from '../../src/formats/feeds/entities';
import { hasDates, intoWindow, openingSentence, seededRandom, type DataFile } from './dataset';
import { fitLogistic } from './logistic';

/** One query's candidates: evidence vectors, which one is gold (-1: none), and the run it came from. */
export interface QueryCase {
  raw: number[][];
  /** The query is a headline alone. */
  headline: boolean;
  gold: number;
  orphan: boolean;
  run: string;
  /** The query's own story (file name and story id): cross-validation keeps a story in one fold. */
  story: string;
}

export type OnQuery = (index: StoryIndex, doc: EngineDoc, gold: string | null) => void;
export type Protocol = (file: DataFile, others: readonly DataFile[], withDates: boolean, onQuery: OnQuery) => void;

/** The file with every text removed: pages and feed items often come without a lead. */
export const headlinesOnly = (f: DataFile): DataFile => ({ ...f, name: `${f.name} headlines`, rows: f.rows.map((r) => ({ ...r, text: null })) });

// What a feed's parser keeps of an item's description (src/formats/feeds/item.ts).
const FEED_SUMMARY_CHARS = 600;

/**
 * The file's stored reports as feed items carry them, its queries as pages: every item's text cut
 * as the feed parser cuts it, and a seeded half of them only their opening sentence (many feeds
 * carry no more). Pages are read against feed items in the reader; a verifier fitted only on pairs
 * of equal length never sees a page confirm all a short item says while saying much more.
 */
export function asFeedItems(f: DataFile, seed = 1): DataFile {
  const rnd = seededRandom(seed);
  return { ...f, rows: f.rows.map((r) => ({ ...r, itemText: r.text === null ? null : rnd() < 0.5 ? openingSentence(r.text) : clip(r.text, FEED_SUMMARY_CHARS) })) };
}

/**
 * The calibration runs: each file with the others as distractors, as it is (stored reports as
 * feed items, `asFeedItems`) and with headlines only (in the file and the distractors alike).
 */
export function calibrationVariants(files: readonly DataFile[]): (readonly [DataFile, readonly DataFile[]])[] {
  const items = files.map((f) => asFeedItems(f));
  return [
    ...items.map((f) => [f, items.filter((o) => o !== f)] as const),
    ...files.map((f) => [headlinesOnly(f), files.filter((o) => o !== f).map(headlinesOnly)] as const),
  ];
}

/** Runs `protocol` on every variant, dated and undated where the file has dates, and keeps each query's evidence. */
export function collectCases(label: string, variants: readonly (readonly [DataFile, readonly DataFile[]])[], protocol: Protocol): QueryCase[] {
  const cases: QueryCase[] = [];
  for (const [file, others] of variants) {
    const storyOf = new Map(file.rows.map((r) => [r.id, r.story]));
    const fileName = file.name.replace(/ headlines$/, '');
    for (const withDates of hasDates(file) ? [true, false] : [false]) {
      const run = `${file.name}${withDates ? '' : ' (no dates)'}`;
      // Dated runs date their distractors too, inside the file's own window: with distractors from
      // another era (or undated) every candidate far in time or without a date is a wrong one, and
      // the verifier would learn "undated or another era, reject" from the benchmark, not the news.
      protocol(file, withDates ? intoWindow(file, others) : others, withDates, (index, doc, gold) => {
        const list = scoreCandidates(index, { features: extractFeatures(doc), published: doc.published ?? null });
        cases.push({
          raw: evidenceVectors(list),
          headline: !doc.text,
          gold: list.findIndex((e) => e.story.id === gold),
          orphan: gold === null,
          run,
          story: `${fileName}:${storyOf.get(doc.id) ?? doc.id}`,
        });
      });
      console.error(`${label}: ${run}, ${cases.length} queries so far`);
    }
  }
  return cases;
}

export interface FittedVerifier {
  standard: Standardisation;
  weights: number[];
  /** The verifier's probability for one evidence vector (log-odds moved by `shift`). */
  score: (raw: readonly number[], shift?: number) => number;
}

/** Standardises the evidence on `cases` and fits the logistic weights (L2 penalty `lambda`). */
export function fitVerifier(cases: readonly QueryCase[], lambda: number, log?: (line: string) => void): FittedVerifier {
  const rows = cases.flatMap((c) => c.raw.map((raw, i) => [raw, i === c.gold ? 1 : 0] as const));
  // Evidence that does not exist for a pair (NaN: an undated candidate's time) is left out of its statistics.
  const known = (i: number): number[] => rows.map(([r]) => r[i]!).filter((v) => !Number.isNaN(v));
  // As many values as the rows hold: a trial of fewer pieces of evidence (cases read back from a
  // file, some columns dropped) fits the same way.
  const columns = Array.from({ length: rows[0]?.[0].length ?? EVIDENCE_NAMES.length }, (_, i) => i);
  const means = columns.map((i) => mean(known(i)));
  const scales = columns.map((i) => Math.sqrt(mean(known(i).map((v) => (v - means[i]!) ** 2))) || 1);
  const lows = columns.map((i) => known(i).reduce((m, v) => Math.min(m, v), Infinity));
  const highs = columns.map((i) => known(i).reduce((m, v) => Math.max(m, v), -Infinity));
  const standard = { means, scales, lows, highs };
  const weights = fitLogistic(
    { n: rows.length, k: verifierFeatures(means, standard).length, row: (r, out) => out.set(verifierFeatures(rows[r]![0], standard)), label: (r) => rows[r]![1] },
    { lambda, ...(log ? { log } : {}) },
  );
  return { standard, weights, score: (raw, shift = 0) => verifierScore(verifierFeatures(raw, standard), weights, shift) };
}

export function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
}
