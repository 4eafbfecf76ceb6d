// What the story index holds: stories, their articles, and a loaded snapshot's stories whose
// articles are made on first use.
import type { TermSums } from './term-sums';
import type { Timeline } from './timeline';

export interface DocEntry {
  id: string;
  story: StoryEntry;
  /**
   * The article's strongest terms and their weights are `termIds[start..end)` and
   * `weights[start..end)`, the title's own terms first. The arrays may be shared by many articles
   * (a loaded snapshot's): offsets instead of one view per article spare a snapshot load two
   * hundred thousand small objects at 100k articles.
   */
  termIds: Int32Array;
  weights: Float32Array;
  start: number;
  end: number;
  /** How many of the leading terms come from the title. */
  titleLen: number;
  published: number | null;
  outlet: string | null;
}

export interface StoryEntry {
  id: string;
  /** Its articles. A story restored from a snapshot makes them on first use (snapshot.ts). */
  docs: Set<DocEntry>;
  /** How many articles: what scoring reads of every story it visits, so it needs no `docs`. */
  size: number;
  /** term id → sum of member weights (centroid × size). */
  sums: TermSums;
  /** Publication times of dated members. */
  times: Timeline;
  /** Cached centroid norm under IDF, valid while `normAt` equals the vocabulary stamp. */
  norm: number;
  normAt: number;
  /** Scoring's scratch: the rough score of the query numbered `accAt` (scoring.ts). */
  acc: number;
  accAt: number;
}

/** A story restored from a snapshot whose articles are not made yet (snapshot.ts). */
export interface PendingStory extends StoryEntry {
  /** Makes its articles now (and registers them with the index). */
  load(): void;
}

/** An article's stored fields, before it joins a story. */
export type DocInit = Omit<DocEntry, 'story'>;
