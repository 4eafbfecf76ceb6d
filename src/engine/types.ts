// The engine's public contract. Everything here is plain data so the background, the pack builder
// and the benchmarks can use the engine without a browser.

/** One article as the engine sees it. */
export interface EngineDoc {
  /** Unique article id (normalised URL key, pack article id, or dataset id). */
  id: string;
  title: string;
  /** Lead or body text; null/undefined when only the headline is known. */
  text?: string | null;
  /** Publication time in ms since epoch; null/undefined when unknown (then no time feature). */
  published?: number | null;
  /** Outlet name or id, when known. */
  outlet?: string | null;
}

export interface MatchCandidate {
  storyId: string;
  /** Calibrated score in [0, 1]; comparable to MATCH_THRESHOLD. */
  score: number;
  /** Human-readable terms shared by the query and the story, strongest first ("why this match"). */
  shared: string[];
}

export interface MatchResult {
  /** The best story when its score passes the threshold and it is not rejected; otherwise null. */
  match: MatchCandidate | null;
  /** Ranked candidates, best first (including `match`), for "maybe related". */
  candidates: MatchCandidate[];
}

export interface MatchOptions {
  /** Story ids never to return (the reader's "Not this story"). */
  exclude?: ReadonlySet<string>;
  /** How many candidates to return (default 5). */
  limit?: number;
}
