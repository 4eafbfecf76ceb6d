// Why the stream clusterer's stories are what they are, kept so an article can leave again.
//
// A story is a connected component of a link graph. Each article added links to the story it
// joined (to that story's earliest member, its representative), and, when it also made two stories
// one, to the other story too. Every link records the id the story it reached had at that moment.
// Links always point to earlier articles, so a representative has no links of its own.
//
// Removing an article removes its links. Its merge link is the evidence that the story it merged
// in belongs with its own: without it the two fall apart again, each back under the id its link
// recorded. Everything else that hung on it stays with its own story: what linked to it (as its
// story's centre, or on a side it stood in for) is re-pointed to the story its join link reached,
// or, when it had none, to the earliest of those articles, which stands in for it on that side
// (port). So an ordinary member leaving, the oldest included, never splits a story; a member whose
// arrival merged two stories splits them back on leaving; and adding articles then removing them
// restores the earlier stories exactly, in any order of removal.
// Pure bookkeeping: the clusterer (stream-clusterer.ts) keeps the engine's index in step.

/** Where a link attaches: to the article as its story's centre, or to the side its own join or merge link reached. */
export const Port = { Centre: 0, Join: 1, Merge: 2 } as const;
export type Port = (typeof Port)[keyof typeof Port];

/** The two links an article can make, by their index in `links`. */
export const JOIN = 0;
export const MERGE = 1;
export type LinkKind = typeof JOIN | typeof MERGE;
const portOf = (kind: LinkKind): Port => (kind === JOIN ? Port.Join : Port.Merge);

export interface Link {
  to: GraphNode;
  port: Port;
  /** The id of the story the link reached when it was made: the id that side gets back on a split. */
  id: string;
}

export interface GraphNode {
  readonly id: string;
  /** Order of arrival: links point to lower values. */
  readonly seq: number;
  /** [join, merge]: the story it joined and the story its arrival merged in (null: none). */
  readonly links: [Link | null, Link | null];
  /** Articles linking here, by the port they attach to. */
  readonly inbound: [Set<GraphNode>, Set<GraphNode>, Set<GraphNode>];
}

/** A side of a removed article that is still connected to something, and the id that side had. */
export interface Seed {
  node: GraphNode;
  id: string;
}

const bySeq = (a: GraphNode, b: GraphNode): number => a.seq - b.seq;

export class StoryGraph {
  readonly nodes = new Map<string, GraphNode>();
  nextSeq = 0;

  addNode(id: string, seq = this.nextSeq): GraphNode {
    if (this.nodes.has(id)) throw new Error(`article ${id} is in the graph already`);
    const node: GraphNode = { id, seq, links: [null, null], inbound: [new Set(), new Set(), new Set()] };
    this.nodes.set(id, node);
    this.nextSeq = Math.max(this.nextSeq, seq + 1);
    return node;
  }

  link(from: GraphNode, kind: LinkKind, to: GraphNode, port: Port, id: string): void {
    if (to.seq >= from.seq) throw new Error('a link must point to an earlier article');
    from.links[kind] = { to, port, id };
    to.inbound[port].add(from);
  }

  /**
   * Takes `node` out and re-points what linked to it (see the top of this file); answers the sides
   * still standing, at most two, each with the id it had. None: the article was alone.
   */
  remove(node: GraphNode): Seed[] {
    this.nodes.delete(node.id);
    for (const link of node.links) link?.to.inbound[link.port].delete(node);
    const seeds: Seed[] = [];
    // Two sides: its own story (what it joined, and what joined it as its story's centre) and the
    // story its arrival merged in. Only the second can fall away: the article made that link.
    const sides: [Port[], Link | null][] = [
      [[Port.Centre, Port.Join], node.links[JOIN]],
      [[Port.Merge], node.links[MERGE]],
    ];
    for (const [ports, own] of sides) {
      const children = ports.flatMap((port) => [...node.inbound[port]].map((child) => ({ child, port }))).sort((a, b) => bySeq(a.child, b.child));
      if (own) {
        for (const { child, port } of children) this.repoint(child, node, port, own.to, own.port);
        seeds.push({ node: own.to, id: own.id });
        continue;
      }
      const first = children[0];
      if (!first) continue;
      // The earliest child stands in for the removed article on this side: its link here goes,
      // and the others attach to it on the side that link came from.
      const hub = first.child;
      const kind = this.kindTo(hub, node, first.port);
      const dropped = hub.links[kind]!;
      hub.links[kind] = null;
      for (const { child, port } of children.slice(1)) this.repoint(child, node, port, hub, portOf(kind));
      seeds.push({ node: hub, id: dropped.id });
    }
    return seeds;
  }

  /**
   * The articles connected to the seeds, one set per part, or null when the seeds are all still
   * connected (the search stops as soon as they are, without walking the rest of the story).
   */
  parts(seeds: readonly GraphNode[]): GraphNode[][] | null {
    const distinct = [...new Set(seeds)];
    if (distinct.length <= 1) return null;
    const first = this.walk(distinct[0]!, new Set(distinct.slice(1)));
    if (first === null) return null;
    const parts = [first];
    const seen = new Set(first);
    for (const seed of distinct) if (!seen.has(seed)) {
      const part = this.walk(seed, null)!;
      for (const n of part) seen.add(n);
      parts.push(part);
    }
    return parts;
  }

  /** Every article connected to `start`; null as soon as every node of `stopWhenAll` was reached. */
  private walk(start: GraphNode, stopWhenAll: Set<GraphNode> | null): GraphNode[] | null {
    const seen = new Set<GraphNode>([start]);
    const out = [start];
    let left = stopWhenAll?.size ?? -1;
    for (let i = 0; i < out.length; i++) {
      const n = out[i]!;
      const next = [...n.inbound[0], ...n.inbound[1], ...n.inbound[2]];
      for (const link of n.links) if (link) next.push(link.to);
      for (const m of next) {
        if (seen.has(m)) continue;
        seen.add(m);
        out.push(m);
        if (stopWhenAll?.has(m) && --left === 0) return null;
      }
    }
    return out;
  }

  /** Which of `child`'s links reaches `node` at `port`. */
  private kindTo(child: GraphNode, node: GraphNode, port: Port): LinkKind {
    const join = child.links[JOIN];
    return join && join.to === node && join.port === port ? JOIN : MERGE;
  }

  private repoint(child: GraphNode, from: GraphNode, fromPort: Port, to: GraphNode, port: Port): void {
    const link = child.links[this.kindTo(child, from, fromPort)]!;
    link.to = to;
    link.port = port;
    to.inbound[port].add(child);
  }
}
