// Online clustering for feeds and reading history: each new article joins the story it matches
// best or starts its own; when it also matches a second story strongly, the two were one story
// told in two halves and are merged. Articles can leave again (a feed removed, items aged out):
// story-graph.ts keeps why each story is what it is, so a story splits back when the article that
// merged it leaves, and adding articles then removing them restores the earlier stories exactly.
// The whole state (index and graph) serialises (clusterer-state.ts), so a woken service worker
// carries on without extracting every article again.
import type { EngineDoc } from './types';
import { StoryIndex } from './story-index';
import type { DocInit } from './story-entry';
import { STREAM_VERIFIER, type Verifier } from './verifier';
import { STREAM_COHESION, STREAM_JOIN_THRESHOLD, STREAM_MERGE_THRESHOLD } from './calibration';
import { JOIN, MERGE, Port, StoryGraph, type GraphNode, type Seed } from './story-graph';

export interface StreamClustererOptions {
  /** Minimum match score to join an existing story (default: calibrated). */
  joinThreshold?: number;
  /** Minimum score of a second story for it to be merged in (default: calibrated). */
  mergeThreshold?: number;
  /** Minimum mean cosine between an article and the members of the story it would join (cohesion.ts; default: calibrated). */
  cohesion?: number;
  /** Continue from an existing index: each story's articles count as joined to its first one (so do any added to it directly). */
  index?: StoryIndex;
  /** Verifier for a new index (default: calibrated); calibration passes the one it is fitting. */
  verifier?: Verifier;
  /** Makes ids for new stories; defaults to "s:" + the id of the article that started it. */
  newStoryId?: (doc: EngineDoc) => string;
}

export class StreamClusterer {
  readonly index: StoryIndex;
  readonly graph: StoryGraph;
  private readonly join: number;
  private readonly merge: number;
  private readonly cohesion: number;
  private readonly newStoryId: (doc: EngineDoc) => string;
  /** Each story's representative: its earliest article, which later arrivals link to. */
  private readonly reps = new Map<string, GraphNode>();
  /** Ids of stories created, changed, renamed or gone since `takeTouched`. */
  private touched = new Set<string>();
  /** Since `takeMerges`: each story merged into another, and the id it was merged into. */
  private merged = new Map<string, string>();

  constructor(opts: StreamClustererOptions = {}, graph?: StoryGraph) {
    this.index = opts.index ?? new StoryIndex({ verifier: opts.verifier ?? STREAM_VERIFIER });
    this.join = opts.joinThreshold ?? STREAM_JOIN_THRESHOLD;
    this.merge = opts.mergeThreshold ?? STREAM_MERGE_THRESHOLD;
    this.cohesion = opts.cohesion ?? STREAM_COHESION;
    this.newStoryId = opts.newStoryId ?? ((d) => `s:${d.id}`);
    this.graph = graph ?? adoptIndex(this.index);
    for (const [id, story] of this.index.stories) {
      let rep: GraphNode | undefined;
      for (const d of story.docs) {
        const node = this.graph.nodes.get(d.id);
        if (node && (!rep || node.seq < rep.seq)) rep = node;
      }
      if (rep) this.reps.set(id, rep);
    }
  }

  add(doc: EngineDoc): string {
    this.adoptStrays();
    if (this.graph.nodes.has(doc.id)) this.remove(doc.id);
    const { best, other } = this.index.matchTwo(doc, this.join);
    const node = this.graph.addNode(doc.id);
    // An article that matches its best story only through a few members, and sits poorly with
    // the rest, is another event of the topic: it starts its own story.
    const joins = best !== undefined && best.score >= this.join && (this.cohesion <= 0 || this.index.cohesion(best.storyId, doc) >= this.cohesion);
    if (!best || !joins) {
      const id = this.freshId(this.newStoryId(doc));
      this.index.addArticle(id, doc);
      this.reps.set(id, node);
      this.touched.add(id);
      return id;
    }
    const storyId = best.storyId;
    this.index.addArticle(storyId, doc);
    this.graph.link(node, JOIN, this.reps.get(storyId)!, Port.Centre, storyId);
    this.touched.add(storyId);
    if (!other || other.score < this.merge) return storyId;
    this.graph.link(node, MERGE, this.reps.get(other.storyId)!, Port.Centre, other.storyId);
    return this.mergeStories(storyId, other.storyId);
  }

  /**
   * Articles a caller put in the index directly (the pack builder files labelled articles under
   * their story before clustering the rest) become graph members, joined to their story.
   */
  private adoptStrays(): void {
    if (this.graph.nodes.size === this.index.docs.size) return;
    for (const [storyId, story] of this.index.stories) {
      for (const d of story.docs) {
        if (this.graph.nodes.has(d.id)) continue;
        const node = this.graph.addNode(d.id);
        const rep = this.reps.get(storyId);
        if (rep) this.graph.link(node, JOIN, rep, Port.Centre, storyId);
        else this.reps.set(storyId, node);
      }
    }
    for (const node of [...this.graph.nodes.values()]) if (!this.index.docs.has(node.id)) this.graph.remove(node);
  }

  /** Takes an article out; its story splits when the article was what held two halves together. */
  remove(docId: string): void {
    const node = this.graph.nodes.get(docId);
    const storyId = this.index.storyOf(docId);
    if (!node || storyId === undefined) return;
    this.touched.add(storyId);
    this.index.removeArticle(docId);
    const seeds = this.graph.remove(node);
    if (!this.index.stories.has(storyId)) {
      this.reps.delete(storyId);
      return;
    }
    const parts = this.graph.parts(seeds.map((s) => s.node));
    if (parts === null) {
      if (this.reps.get(storyId) === node) this.reps.set(storyId, this.earliest(storyId));
      return;
    }
    this.split(storyId, parts, seeds);
  }

  has(docId: string): boolean {
    return this.graph.nodes.has(docId);
  }

  clusters(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [id, s] of this.index.stories) out.set(id, [...s.docs].map((d) => d.id));
    return out;
  }

  /** Ids of the stories created, changed, renamed or gone since the last call. */
  takeTouched(): Set<string> {
    const touched = this.touched;
    this.touched = new Set();
    return touched;
  }

  /**
   * The stories merged into another since the last call, each with the story that holds its
   * articles now (a merge into a story later merged again leads to the last one): what a reader
   * kept about a story (following it, its categories) can follow its articles. A story whose id
   * is in use again (a split gave it back) or whose articles all left is not listed.
   */
  takeMerges(): Map<string, string> {
    const out = new Map<string, string>();
    for (const from of this.merged.keys()) {
      if (this.index.stories.has(from)) continue;
      let to = this.merged.get(from)!;
      // Each step leads to a story merged later than the last: the chain ends.
      for (let hops = 0; !this.index.stories.has(to) && this.merged.has(to) && hops < this.merged.size; hops++) to = this.merged.get(to)!;
      if (this.index.stories.has(to)) out.set(from, to);
    }
    this.merged = new Map();
    return out;
  }

  /**
   * Gives each part of a story that fell apart an id: the id its side had when the link that held
   * it was made, when no other story has it now; else the story's current id; else a fresh one
   * from its earliest article. Parts are served earliest first, so the choice is deterministic.
   */
  private split(storyId: string, parts: GraphNode[][], seeds: readonly Seed[]): void {
    const given = new Set<string>();
    const free = (id: string): boolean => !given.has(id) && (id === storyId || !this.index.stories.has(id));
    const ranked = parts.map((nodes) => ({ nodes, rep: nodes.reduce((a, b) => (b.seq < a.seq ? b : a)) })).sort((a, b) => a.rep.seq - b.rep.seq);
    const story = this.index.stories.get(storyId)!;
    for (const { nodes, rep } of ranked) {
      const members = new Set(nodes);
      const recorded = seeds.filter((s) => members.has(s.node)).map((s) => s.id);
      const id = recorded.find(free) ?? (free(storyId) ? storyId : this.freshId(`s:${rep.id}`, given));
      given.add(id);
      this.reps.set(id, rep);
      this.touched.add(id);
      if (id === storyId) continue;
      for (const n of nodes) {
        const d = this.index.docs.get(n.id);
        if (d && d.story === story) this.move(d, id);
      }
    }
    if (!given.has(storyId)) this.reps.delete(storyId);
  }

  /** Moves every article of one story into the other; the older story's id names the result. */
  private mergeStories(a: string, b: string): string {
    const sa = this.index.stories.get(a);
    const sb = this.index.stories.get(b);
    const ra = this.reps.get(a);
    const rb = this.reps.get(b);
    if (!sa || !sb || !ra || !rb) return a;
    const [winner, loser, rep] = ra.seq <= rb.seq ? [a, b, ra] : [b, a, rb];
    // The fewer articles move; the entry that keeps them takes the winning id.
    const [keep, drop] = sa.docs.size >= sb.docs.size ? [sa, sb] : [sb, sa];
    for (const d of [...drop.docs]) this.move(d, keep.id);
    if (keep.id !== winner) this.index.renameStory(keep.id, winner);
    this.reps.delete(loser);
    this.reps.set(winner, rep);
    this.merged.set(loser, winner);
    this.touched.add(a);
    this.touched.add(b);
    return winner;
  }

  private move(d: DocInit, storyId: string): void {
    this.index.removeArticle(d.id);
    this.index.attach(storyId, d);
  }

  private earliest(storyId: string): GraphNode {
    let rep: GraphNode | undefined;
    for (const d of this.index.stories.get(storyId)!.docs) {
      const node = this.graph.nodes.get(d.id)!;
      if (!rep || node.seq < rep.seq) rep = node;
    }
    return rep!;
  }

  private freshId(base: string, reserved?: ReadonlySet<string>): string {
    const taken = (id: string): boolean => this.index.stories.has(id) || (reserved?.has(id) ?? false);
    let id = base;
    for (let n = 2; taken(id); n++) id = `${base}#${n}`;
    return id;
  }
}

/** A graph for an index built without one: each story's articles joined its first, in index order. */
function adoptIndex(index: StoryIndex): StoryGraph {
  const graph = new StoryGraph();
  for (const [id, story] of index.stories) {
    let first: GraphNode | null = null;
    for (const d of story.docs) {
      const node = graph.addNode(d.id);
      if (first) graph.link(node, JOIN, first, Port.Centre, id);
      else first = node;
    }
  }
  return graph;
}
