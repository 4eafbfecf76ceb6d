// Whether the page is an opinion or analysis piece, from what it says of itself: its schema.org
// type (OpinionNewsArticle, AnalysisNewsArticle), its section (JSON-LD articleSection, the
// article:section meta tag) and its address (/opinion/, /commentisfree/), read by the very rules
// that tell a feed's opinion items (formats/feeds/kind.ts). An opinion argues about an event
// without restating it, so the background matches it to a story at the bar opinions from the
// reader's feeds attach at (page-doc.ts launchedMatch).
import { articleKind } from '../formats/feeds/kind';
import type { ArticleKind } from '../formats/model';

/** A JSON-LD block longer than this is not read (a page's own article block is a few KB). */
const MAX_LD_CHARS = 200_000;
/** Objects and arrays looked at per block: enough for @graph pages, bounded for hostile ones. */
const MAX_LD_NODES = 400;

/** The @type and articleSection strings of the page's JSON-LD blocks. JSON.parse is linear; the walk is bounded. */
function declared(doc: Document): { types: string[]; sections: string[] } {
  const types: string[] = [];
  const sections: string[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_LD_CHARS) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length && i < MAX_LD_NODES; i++) {
      const node = queue[i];
      if (Array.isArray(node)) {
        queue.push(...node.slice(0, MAX_LD_NODES));
        continue;
      }
      if (!node || typeof node !== 'object') continue;
      const o = node as Record<string, unknown>;
      for (const t of [o['@type']].flat()) if (typeof t === 'string') types.push(t);
      for (const s of [o['articleSection']].flat()) if (typeof s === 'string') sections.push(s);
      if (o['@graph'] !== undefined) queue.push(o['@graph']);
    }
  }
  return { types, sections };
}

export function pageKind(doc: Document, url: string): ArticleKind {
  const { types, sections } = declared(doc);
  if (types.includes('OpinionNewsArticle')) return 'opinion';
  const section = doc.querySelector('meta[property="article:section" i]')?.getAttribute('content') ?? null;
  const kind = articleKind(url, sections, section);
  return kind === 'report' && types.includes('AnalysisNewsArticle') ? 'analysis' : kind;
}
