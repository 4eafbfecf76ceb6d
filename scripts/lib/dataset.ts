// Loading labelled story files and the evaluation protocol of shared/data/stories/README.md:
// seeded date moves for files whose dates are story labels, seeded shuffles for undated stream
// order, and the conversion to the engine's EngineDoc (the product's own, src/background/page-doc.ts). Shared by bench-match and calibrate.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { EngineDoc } from '../../src/engine/types';
import { articleDoc, pageDoc } from '../../src/background/page-doc';
import { StoryIndex, StreamClusterer, type StreamClustererOptions } from '../../src/engine/index';

export interface Row {
  id: string;
  story: string;
  title: string;
  text: string | null;
  source: string | null;
  /** ms epoch after the protocol's treatment, or null. */
  date: number | null;
  /**
   * The text a stored report (a feed's item) carries, when it is not `text`: a page is read in
   * full, while the feed item of the same article carries its opening paragraph or sentence.
   */
  itemText?: string | null;
}

export interface DataFile {
  name: string;
  rows: Row[];
  /** True when the file's dates were story labels and have been moved by the seeded offset. */
  datesMoved: boolean;
}

export const DEFAULT_DATA_DIR = path.resolve(import.meta.dirname, '../../../shared/data/stories');

/**
 * The stories folder a script reads, or one line and an exit when it is not there. The default is
 * test data beside the repository, absent from a plain clone: a benchmark (`skip`) then says it
 * did not run and exits 0, as the tests skip; a script whose only job is that data (`fail`), or a
 * folder the user named, ends with exit code 2.
 */
export function dataDirOrExit(script: string, dir: string, whenMissing: 'skip' | 'fail'): string {
  const resolved = path.resolve(dir);
  if (existsSync(resolved)) return resolved;
  const needs = 'needs ../shared/data/stories (test data beside the repository, not part of it); --data DIR reads another folder';
  if (resolved !== DEFAULT_DATA_DIR) {
    console.error(`${script}: no such folder: ${dir}`);
    process.exit(2);
  }
  if (whenMissing === 'skip') {
    console.log(`${script}: skipped: ${needs}`);
    process.exit(0);
  }
  console.error(`${script}: ${needs}`);
  process.exit(2);
}
const DAY_MS = 86_400_000;

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], seed = 1): T[] {
  const out = [...items];
  const rnd = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Dates are labels when every story has one timestamp shared by all its articles and no two
 * stories share one (the README's `allsides-*` case). Detected from the data, so any file built
 * the same way is treated the same.
 */
export function datesAreLabels(rows: readonly Row[]): boolean {
  const byStory = new Map<string, Set<number>>();
  for (const r of rows) {
    if (r.date === null) return false;
    (byStory.get(r.story) ?? byStory.set(r.story, new Set()).get(r.story)!).add(r.date);
  }
  const all = new Set<number>();
  for (const dates of byStory.values()) {
    if (dates.size !== 1) return false;
    for (const d of dates) {
      if (all.has(d)) return false;
      all.add(d);
    }
  }
  return byStory.size > 1;
}

export function loadFile(file: string): DataFile {
  const rows: Row[] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const o = JSON.parse(l) as Record<string, unknown>;
      const date = typeof o.date === 'string' ? Date.parse(o.date) : NaN;
      return {
        id: String(o.id),
        story: String(o.story),
        title: typeof o.title === 'string' ? o.title : '',
        text: typeof o.text === 'string' ? o.text : null,
        source: typeof o.source === 'string' ? o.source : null,
        date: Number.isFinite(date) ? date : null,
      };
    });
  const name = path.basename(file, '.jsonl');
  const datesMoved = name.startsWith('allsides-') || datesAreLabels(rows);
  if (datesMoved) {
    const rnd = seededRandom(1);
    for (const r of rows) if (r.date !== null) r.date += (rnd() * 2 - 1) * DAY_MS;
  }
  return { name, rows, datesMoved };
}

const iso = (ms: number | null, withDates: boolean): string | undefined => (withDates && ms !== null ? new Date(ms).toISOString() : undefined);

/** A row as a stored report (a pack's or a feed's item): through the product's own conversion. */
export function toDoc(r: Row, withDates: boolean, idPrefix = ''): EngineDoc {
  const published = iso(r.date, withDates);
  const text = r.itemText !== undefined ? r.itemText : r.text;
  return articleDoc({ id: idPrefix + r.id, title: r.title, ...(text === null ? {} : { excerpt: text }), ...(published ? { published } : {}), outletName: r.source ?? '' });
}

/** A row as a page the reader opens (the content script's extraction), matched as the background matches it. */
export function queryDoc(r: Row, withDates: boolean): EngineDoc {
  const page = { url: '', canonicalUrl: null, title: r.title, byline: null, siteName: r.source, published: iso(r.date, withDates) ?? null, lang: null, excerpt: null, text: r.text ?? '' };
  return pageDoc(page, r.id);
}

/** A text's opening sentence (what many feeds carry as an item's description, and Readability as a page's excerpt). */
export function openingSentence(text: string | null): string | null {
  return text === null ? null : (/^.*?[.!?](?=\s|$)/s.exec(text)?.[0] ?? text);
}

/** How the distractors' dates are treated in a dated run (the README's three runs). */
export type DistractorDates = 'window' | 'as-is' | 'removed';

/**
 * The distractors with their stories moved, seeded, into `file`'s own time window: each story
 * gets an anchor drawn uniformly between the file's first and last date; a dated story keeps its
 * own spread from there, an undated one gets the protocol's ±24 h per article around it. Without
 * this, distractors from another era leave the file's own stories the only ones near in time, and
 * every in-file candidate gains time evidence it would not have in a reader's feed.
 */
export function intoWindow(file: DataFile, distractors: readonly DataFile[], seed = 1): DataFile[] {
  const dates = file.rows.filter((r) => r.date !== null).map((r) => r.date!);
  if (!dates.length) return [...distractors];
  const lo = Math.min(...dates);
  const hi = Math.max(...dates);
  const rnd = seededRandom(seed);
  return distractors.map((d) => {
    const byStory = new Map<string, Row[]>();
    for (const r of d.rows) (byStory.get(r.story) ?? byStory.set(r.story, []).get(r.story)!).push(r);
    const moved = new Map<Row, number>();
    for (const rows of byStory.values()) {
      const anchor = lo + rnd() * (hi - lo);
      const own = rows.filter((r) => r.date !== null).map((r) => r.date!);
      const first = own.length ? Math.min(...own) : null;
      for (const r of rows) moved.set(r, first !== null && r.date !== null ? anchor + (r.date - first) : anchor + (rnd() * 2 - 1) * DAY_MS);
    }
    return { ...d, rows: d.rows.map((r) => ({ ...r, date: moved.get(r)! })) };
  });
}

/** The distractors of a dated run as the mode says (see DistractorDates). */
export function treatDistractors(file: DataFile, distractors: readonly DataFile[], mode: DistractorDates): DataFile[] {
  if (mode === 'window') return intoWindow(file, distractors);
  if (mode === 'removed') return distractors.map((d) => ({ ...d, rows: d.rows.map((r) => ({ ...r, date: null })) }));
  return [...distractors];
}

/** Stream order: by (moved) date when every article is dated, else shuffled with seed 1. */
export function streamOrder(rows: readonly Row[]): Row[] {
  if (rows.length && rows.every((r) => r.date !== null)) return [...rows].sort((a, b) => a.date! - b.date!);
  return shuffled(rows, 1);
}

/**
 * The score a match must exceed for at most `rate` of the orphans to pass: the orphans' top scores
 * sorted from high to low, read at that share.
 */
export function orphanBar(sortedTops: readonly number[], rate: number): number {
  return sortedTops[Math.floor(sortedTops.length * rate)] ?? 0;
}

export function hasDates(f: DataFile): boolean {
  return f.rows.some((r) => r.date !== null);
}

/** BCubed precision, recall and F1 of predicted clusters against gold story labels. */
export function bcubed(predicted: Map<string, string[]>, gold: Map<string, string>): { p: number; r: number; f1: number } {
  const goldSize = new Map<string, number>();
  for (const g of gold.values()) goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
  let p = 0;
  let r = 0;
  let n = 0;
  for (const members of predicted.values()) {
    const counts = new Map<string, number>();
    for (const id of members) counts.set(gold.get(id)!, (counts.get(gold.get(id)!) ?? 0) + 1);
    for (const id of members) {
      const g = gold.get(id)!;
      const both = counts.get(g)!;
      p += both / members.length;
      r += both / goldSize.get(g)!;
      n++;
    }
  }
  p /= n || 1;
  r /= n || 1;
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

export interface MatchFigures {
  hit1: number;
  hit5: number;
  orphanFalseMatch: number;
  /**
   * Hit@1 at the score bar that keeps this very run's orphan false matches within 2%: an operating
   * point read off the run itself, not a calibrated result (the engine's bar is MATCH_THRESHOLD).
   */
  hit1AtFm2: number;
  /** Leave-one-out queries and orphan queries run. */
  n: number;
  orphans: number;
}

export interface ProtocolOptions {
  withDates: boolean;
  /** Run at most this many queries of each kind (seeded sample), for quick iteration. */
  sample?: number;
  /** Called with each query while it is out of the index; `gold` is null for orphans (calibration). */
  onQuery?: (index: StoryIndex, doc: EngineDoc, gold: string | null) => void;
}

/** Index of a file plus distractor files; distractor ids are prefixed so they stay apart. */
export function buildIndex(file: DataFile, distractors: readonly DataFile[], withDates: boolean): StoryIndex {
  const index = new StoryIndex();
  for (const d of distractors) {
    const prefix = `${d.name}:`;
    for (const r of d.rows) index.addArticle(prefix + r.story, toDoc(r, withDates, prefix));
  }
  for (const r of file.rows) index.addArticle(r.story, toDoc(r, withDates));
  return index;
}

/** The README's match protocol: leave-one-out Hit@1/Hit@5 and the orphan false-match rate. */
export function matchProtocol(file: DataFile, distractors: readonly DataFile[], opts: ProtocolOptions): MatchFigures {
  const index = buildIndex(file, distractors, opts.withDates);
  const byStory = new Map<string, Row[]>();
  for (const r of file.rows) (byStory.get(r.story) ?? byStory.set(r.story, []).get(r.story)!).push(r);
  let queries = file.rows.filter((r) => byStory.get(r.story)!.length >= 2);
  let orphans = [...byStory.values()].map((rows) => rows[0]!);
  if (opts.sample !== undefined) {
    queries = shuffled(queries, 1).slice(0, opts.sample);
    orphans = shuffled(orphans, 1).slice(0, opts.sample);
  }
  let hit1 = 0;
  let hit5 = 0;
  // Top score of every query whose top story is right, and of every orphan.
  const rightTops: number[] = [];
  const orphanTops: number[] = [];
  for (const r of queries) {
    const doc = queryDoc(r, opts.withDates);
    index.removeArticle(r.id);
    opts.onQuery?.(index, doc, r.story);
    const res = index.match(doc);
    if (res.match?.storyId === r.story) hit1++;
    if (res.candidates[0]?.storyId === r.story) rightTops.push(res.candidates[0].score);
    if (res.candidates.slice(0, 5).some((c) => c.storyId === r.story)) hit5++;
    index.addArticle(r.story, toDoc(r, opts.withDates));
  }
  let falseMatches = 0;
  for (const q of orphans) {
    const members = byStory.get(q.story)!;
    index.removeStory(q.story);
    const doc = queryDoc(q, opts.withDates);
    opts.onQuery?.(index, doc, null);
    const res = index.match(doc);
    if (res.match !== null) falseMatches++;
    orphanTops.push(res.candidates[0]?.score ?? 0);
    for (const r of members) index.addArticle(r.story, toDoc(r, opts.withDates));
  }
  orphanTops.sort((a, b) => b - a);
  const bar = orphanBar(orphanTops, 0.02);
  return {
    hit1: hit1 / (queries.length || 1),
    hit5: hit5 / (queries.length || 1),
    orphanFalseMatch: falseMatches / (orphans.length || 1),
    hit1AtFm2: rightTops.filter((s) => s > bar).length / (queries.length || 1),
    n: queries.length,
    orphans: orphans.length,
  };
}

/** The README's stream protocol: online clustering in stream order, scored by BCubed. */
export function streamProtocol(file: DataFile, withDates: boolean, opts: StreamClustererOptions = {}) {
  const clusterer = new StreamClusterer(opts);
  const gold = new Map<string, string>();
  for (const r of streamOrder(file.rows)) {
    gold.set(r.id, r.story);
    clusterer.add(toDoc(r, withDates));
  }
  return bcubed(clusterer.clusters(), gold);
}

export interface BalancedOptions {
  withDates: boolean;
  /** Seeds which members each story keeps. */
  seed: number;
  /** Called with each query while it is out of the index; `gold` is null for orphans. */
  onQuery: (index: StoryIndex, doc: EngineDoc, gold: string | null) => void;
}

/**
 * Calibration pairs in which a story's size says nothing about the answer. In the README's match
 * protocol the right story has lost the query (two members of three) while every other story keeps
 * three, so any evidence that grows with a story's size (a centroid cosine against the members'
 * own, a union of terms) reads the answer; a verifier fitted on those pairs learns that larger
 * stories are wrong ones, and fails on the large stories of a real feed. Here every story of the
 * file and of the distractors keeps one or two members (seeded), the others are its queries, and
 * each story is also asked for as an orphan (its kept members removed, one dropped member asked).
 */
export function balancedQueries(file: DataFile, distractors: readonly DataFile[], opts: BalancedOptions): void {
  const rnd = seededRandom(opts.seed);
  const index = new StoryIndex();
  const split = (rows: readonly Row[]): [Row[], Row[]] => {
    const order = shuffled(rows, Math.floor(rnd() * 2 ** 31));
    const keep = rows.length < 2 ? rows.length : 1 + Math.floor(rnd() * Math.min(2, rows.length - 1));
    return [order.slice(0, keep), order.slice(keep)];
  };
  for (const d of distractors) {
    const prefix = `${d.name}:`;
    for (const rows of groupByStory(d.rows).values()) for (const r of split(rows)[0]) index.addArticle(prefix + r.story, toDoc(r, opts.withDates, prefix));
  }
  const stories = [...groupByStory(file.rows).values()].map(split).filter(([, dropped]) => dropped.length > 0);
  for (const [kept] of stories) for (const r of kept) index.addArticle(r.story, toDoc(r, opts.withDates));
  for (const [kept, dropped] of stories) {
    for (const r of dropped) opts.onQuery(index, queryDoc(r, opts.withDates), r.story);
    index.removeStory(kept[0]!.story);
    opts.onQuery(index, queryDoc(dropped[0]!, opts.withDates), null);
    for (const r of kept) index.addArticle(r.story, toDoc(r, opts.withDates));
  }
}

function groupByStory(rows: readonly Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) (out.get(r.story) ?? out.set(r.story, []).get(r.story)!).push(r);
  return out;
}
