// A stream clusterer as plain data: its index (snapshot.ts) and its link graph (story-graph.ts),
// for IndexedDB, so a woken service worker carries on clustering feed items without extracting
// thousands of articles again. Numbers are typed arrays (a memory copy in a structured clone).
// Reading checks that the graph and the index describe the same stories; anything else is refused,
// and the caller clusters from scratch.
import * as calibration from './calibration';
import { ENGINE_SNAPSHOT_VERSION, readSnapshot, type EngineSnapshot } from './snapshot';
import { StoryIndex } from './story-index';
import { STREAM_VERIFIER } from './verifier';
import { JOIN, MERGE, Port, StoryGraph, type GraphNode } from './story-graph';
import { StreamClusterer, type StreamClustererOptions } from './stream-clusterer';

/** Bump when the graph's layout or meaning changes. */
const STATE_VERSION = 1;

/** FNV-1a, 32 bits: only has to notice that a constant changed. */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * Changes whenever stored clusters may no longer be what the engine would make: the snapshot
 * layout, the graph's, or any calibrated constant (thresholds, verifier weights). A state made
 * under another stamp is clustered again from scratch.
 */
export const ENGINE_STAMP = `${ENGINE_SNAPSHOT_VERSION}.${STATE_VERSION}.${fnv(
  JSON.stringify(Object.keys(calibration).sort().map((k) => [k, calibration[k as keyof typeof calibration]])),
)}`;

export interface ClustererState {
  v: number;
  index: EngineSnapshot;
  /** Articles in order of arrival, with their arrival numbers. */
  ids: string[];
  seq: Float64Array;
  /** Per article and link (join, merge): the target's position in `ids` (-1: no link), the port, the recorded story id (in `names`). */
  joinTo: Int32Array;
  joinPort: Uint8Array;
  joinId: Int32Array;
  mergeTo: Int32Array;
  mergePort: Uint8Array;
  mergeId: Int32Array;
  names: string[];
  nextSeq: number;
}

export function writeClustererState(c: StreamClusterer): ClustererState {
  const nodes = [...c.graph.nodes.values()].sort((a, b) => a.seq - b.seq);
  const position = new Map(nodes.map((n, i) => [n, i]));
  const names: string[] = [];
  const nameIds = new Map<string, number>();
  const name = (id: string): number => {
    let k = nameIds.get(id);
    if (k === undefined) {
      k = names.length;
      nameIds.set(id, k);
      names.push(id);
    }
    return k;
  };
  const n = nodes.length;
  const s: ClustererState = {
    v: STATE_VERSION,
    index: c.index.toSnapshot(),
    ids: nodes.map((node) => node.id),
    seq: Float64Array.from(nodes, (node) => node.seq),
    joinTo: new Int32Array(n).fill(-1),
    joinPort: new Uint8Array(n),
    joinId: new Int32Array(n).fill(-1),
    mergeTo: new Int32Array(n).fill(-1),
    mergePort: new Uint8Array(n),
    mergeId: new Int32Array(n).fill(-1),
    names,
    nextSeq: c.graph.nextSeq,
  };
  nodes.forEach((node, i) => {
    const [join, merge] = node.links;
    if (join) {
      s.joinTo[i] = position.get(join.to)!;
      s.joinPort[i] = join.port;
      s.joinId[i] = name(join.id);
    }
    if (merge) {
      s.mergeTo[i] = position.get(merge.to)!;
      s.mergePort[i] = merge.port;
      s.mergeId[i] = name(merge.id);
    }
  });
  return s;
}

const TYPED = { seq: Float64Array, joinTo: Int32Array, joinPort: Uint8Array, joinId: Int32Array, mergeTo: Int32Array, mergePort: Uint8Array, mergeId: Int32Array };

function isState(x: unknown): x is ClustererState {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Record<string, unknown>;
  if (s['v'] !== STATE_VERSION || typeof s['nextSeq'] !== 'number') return false;
  if (![s['ids'], s['names']].every((a) => Array.isArray(a) && a.every((v) => typeof v === 'string'))) return false;
  return Object.entries(TYPED).every(([k, type]) => s[k] instanceof type && (s[k] as ArrayLike<number>).length === (s['ids'] as unknown[]).length);
}

/** A clusterer from a state; null when the state is of another version or does not hold together. */
export function readClustererState(raw: unknown, opts: Omit<StreamClustererOptions, 'index'> = {}): StreamClusterer | null {
  if (!isState(raw)) return null;
  // The restored clusterer joins with the verifier a new one would (the stream's own, verifier.ts).
  const index = new StoryIndex({ verifier: opts.verifier ?? STREAM_VERIFIER });
  if (!readSnapshot(raw.index, index) || index.docs.size !== raw.ids.length) return null;
  const graph = new StoryGraph();
  const nodes: GraphNode[] = [];
  for (let i = 0; i < raw.ids.length; i++) {
    const seq = raw.seq[i]!;
    if (!Number.isInteger(seq) || (i > 0 && seq <= nodes[i - 1]!.seq) || seq >= raw.nextSeq || !index.docs.has(raw.ids[i]!) || graph.nodes.has(raw.ids[i]!)) return null;
    const node = graph.addNode(raw.ids[i]!, seq);
    nodes.push(node);
    for (const [kind, to, port, id] of [[JOIN, raw.joinTo[i]!, raw.joinPort[i]!, raw.joinId[i]!], [MERGE, raw.mergeTo[i]!, raw.mergePort[i]!, raw.mergeId[i]!]] as const) {
      if (to === -1) continue;
      const name = raw.names[id];
      if (!(to >= 0 && to < i) || name === undefined || !(port === Port.Centre || port === Port.Join || port === Port.Merge)) return null;
      graph.link(node, kind, nodes[to]!, port, name);
    }
  }
  graph.nextSeq = raw.nextSeq;
  return sameStories(graph, index) ? new StreamClusterer({ ...opts, index }, graph) : null;
}

/** Whether the graph's connected components are exactly the index's stories. */
function sameStories(graph: StoryGraph, index: StoryIndex): boolean {
  const parent = new Map<GraphNode, GraphNode>();
  const root = (n: GraphNode): GraphNode => {
    let r = n;
    while (parent.get(r) !== r) r = parent.get(r)!;
    for (let m = n; m !== r; ) {
      const next = parent.get(m)!;
      parent.set(m, r);
      m = next;
    }
    return r;
  };
  for (const node of graph.nodes.values()) parent.set(node, node);
  for (const node of graph.nodes.values()) for (const link of node.links) if (link) parent.set(root(node), root(link.to));
  const storyOfRoot = new Map<GraphNode, string>();
  for (const node of graph.nodes.values()) {
    const story = index.storyOf(node.id)!;
    const r = root(node);
    const known = storyOfRoot.get(r);
    if (known === undefined) storyOfRoot.set(r, story);
    else if (known !== story) return false;
  }
  return storyOfRoot.size === index.stories.size;
}
