// Online clustering for feeds and reading history: each new article joins the story it matches
// best or starts its own; when it also matches a second story strongly, the two were one story
// told in two halves and are merged (the smaller into the larger).
import type { EngineDoc } from './types';
import { StoryIndex } from './story-index';
import type { Verifier } from './verifier';
import { STREAM_JOIN_THRESHOLD, STREAM_MERGE_THRESHOLD } from './calibration';

export interface StreamClustererOptions {
  /** Minimum match score to join an existing story (default: calibrated). */
  joinThreshold?: number;
  /** Minimum score of a second story for it to be merged in (default: calibrated). */
  mergeThreshold?: number;
  /** Continue from an existing index (e.g. restored from a snapshot). */
  index?: StoryIndex;
  /** Verifier for a new index (default: calibrated); calibration passes the one it is fitting. */
  verifier?: Verifier;
  /** Makes ids for new stories; defaults to "s:" + the id of the article that started it. */
  newStoryId?: (doc: EngineDoc) => string;
}

export class StreamClusterer {
  readonly index: StoryIndex;
  private readonly join: number;
  private readonly merge: number;
  private readonly newStoryId: (doc: EngineDoc) => string;

  constructor(opts: StreamClustererOptions = {}) {
    this.index = opts.index ?? new StoryIndex(opts.verifier ? { verifier: opts.verifier } : {});
    this.join = opts.joinThreshold ?? STREAM_JOIN_THRESHOLD;
    this.merge = opts.mergeThreshold ?? STREAM_MERGE_THRESHOLD;
    this.newStoryId = opts.newStoryId ?? ((d) => `s:${d.id}`);
  }

  add(doc: EngineDoc): string {
    const known = this.index.storyOf(doc.id);
    const best = this.index.match(doc, { limit: 1 }).candidates[0];
    const joins = best !== undefined && best.score >= this.join;
    let storyId = joins ? best.storyId : (known ?? this.freshId(doc));
    this.index.addArticle(storyId, doc);
    if (joins) {
      const other = this.index.match(doc, { exclude: new Set([storyId]), limit: 1 }).candidates[0];
      if (other && other.score >= this.merge) storyId = this.mergeStories(storyId, other.storyId);
    }
    return storyId;
  }

  clusters(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [id, s] of this.index.stories) out.set(id, [...s.docs].map((d) => d.id));
    return out;
  }

  /** Moves every article of the smaller story into the larger; returns the surviving id. */
  private mergeStories(a: string, b: string): string {
    const sa = this.index.stories.get(a);
    const sb = this.index.stories.get(b);
    if (!sa || !sb) return a;
    const [keep, drop] = sa.docs.size >= sb.docs.size ? [sa, sb] : [sb, sa];
    for (const d of [...drop.docs]) {
      this.index.removeArticle(d.id);
      this.index.attach(keep.id, d);
    }
    return keep.id;
  }

  private freshId(doc: EngineDoc): string {
    let id = this.newStoryId(doc);
    for (let n = 2; this.index.stories.has(id); n++) id = `${this.newStoryId(doc)}#${n}`;
    return id;
  }
}
