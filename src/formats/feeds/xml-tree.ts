// Reading a parsed feed document (xml.ts): child elements by namespace and name, attributes, and
// the text inside an element. The dialects (rss.ts, atom.ts) read the tree only through these, so
// what a loose feed may spell differently (a name's case) is decided here once.
import { BLOCK, DROPPED } from './entities';
import type { XmlElement } from './xml';

/**
 * Whether an element has this namespace and local name. A name in no namespace is compared without
 * case (`<ITEM>`, `<pubdate>`): RSS 0.91–2.0 has no namespace, and hand-written feeds and old CMSes
 * spell its names anyhow; none of its names differ from another by case alone. A namespaced name is
 * compared exactly: its vocabulary defines its spelling (rdf:RDF, feedburner:origLink).
 */
function named(node: XmlElement, ns: string | undefined, local: string, lower: string): boolean {
  if (node.ns !== ns) return false;
  return node.local === local || (ns === '' && node.local.length === local.length && node.local.toLowerCase() === lower);
}

/** Child elements, optionally only those with this namespace and local name. */
export function children(el: XmlElement, ns?: string, local?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const lower = local?.toLowerCase() ?? '';
  for (const node of el.nodes) {
    if (typeof node !== 'string' && (local === undefined || named(node, ns, local, lower))) out.push(node);
  }
  return out;
}

/** The first child element with this namespace and local name. */
export function child(el: XmlElement, ns: string, local: string): XmlElement | undefined {
  const lower = local.toLowerCase();
  for (const node of el.nodes) if (typeof node !== 'string' && named(node, ns, local, lower)) return node;
  return undefined;
}

/**
 * An attribute's value. A name without a prefix is compared without case when not found as written
 * (`ISPERMALINK`, `Domain`), as HTML compares it; a prefixed name (`xml:base`, `rdf:about`) exactly.
 */
export function attr(el: XmlElement, name: string): string | undefined {
  if (Object.hasOwn(el.attrs, name)) return el.attrs[name];
  if (name.includes(':')) return undefined;
  const lower = name.toLowerCase();
  for (const key of Object.keys(el.attrs)) if (key.toLowerCase() === lower) return el.attrs[key];
  return undefined;
}

/**
 * All text inside the element, in order (CDATA included), untrimmed. Markup inside a feed's text
 * (Atom's type="xhtml", an RSS description of raw XHTML) is read as htmlToText reads HTML: a block
 * element's text is a line of its own ("First sentence.</p><p>Second" ran together), and scripts,
 * styles and captions are not text. Elements are known by their local name only: feeds put raw
 * HTML under whatever default namespace they declare, and no feed vocabulary uses these names.
 */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  const out: string[] = [];
  collectText(el, out);
  return out.join('');
}

function collectText(el: XmlElement, out: string[]): void {
  for (const node of el.nodes) {
    if (typeof node === 'string') {
      out.push(node);
      continue;
    }
    const name = node.local.toLowerCase();
    if (DROPPED.has(name)) continue;
    const block = BLOCK.has(name);
    if (block) out.push('\n');
    collectText(node, out);
    if (block) out.push('\n');
  }
}
