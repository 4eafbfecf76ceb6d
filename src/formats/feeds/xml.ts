// A small, strict-enough XML parser for feeds. It runs where DOMParser does not (a service worker)
// and builds a tree with namespaces resolved, so `<dc:date>`, `<a10:updated>` or a default-namespace
// Atom feed are recognised by namespace URI, not by whichever prefix a publisher chose.
// Well-formedness that matters for trust (matching tags, closed comments/CDATA, one root) is checked;
// what feeds written by hand or by old CMSes take from HTML is accepted rather than rejecting the
// feed: its entities (`&nbsp;`), its attributes (bare or no values), end tags in another case.
// Reading the tree: xml-tree.ts.
import { decodeEntities } from './entities';

export interface XmlElement {
  /** Qualified name as written (`dc:date`). */
  name: string;
  /** Local part (`date`). */
  local: string;
  /** Namespace URI, '' when none. */
  ns: string;
  /** Attributes by qualified name, values decoded. */
  attrs: Record<string, string>;
  /** Child elements and text, in document order. */
  nodes: (XmlElement | string)[];
  /** Namespace bindings in effect inside it (prefix → URI; shared by elements that declare none). */
  scope: ReadonlyMap<string, string>;
  /** Where it starts and ends in the source text: what a refresh compares (known-items.ts). */
  start: number;
  end: number;
}

export class XmlError extends Error {}

const MAX_DEPTH = 256;
// XML names are not ASCII only: a Spanish publisher's <dc:título> is a name, and refusing it
// refused the whole feed. A letter or _ first, then letters, digits, marks, _ . - : and ·.
const NAME_PATTERN = String.raw`[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}_.:\-\u00B7]*`;
const NAME = new RegExp(NAME_PATTERN, 'uy');
// An attribute as HTML writes it, for feeds written by hand or by old CMSes: its value quoted, bare
// (`href=https://x.example/a`: to the next space or the tag's end) or absent (`<guid isPermaLink>`,
// an empty value). A `/` just before `>` closes the element, as XML means it, rather than ending a
// bare value: `rel=alternate/>` is rel="alternate" and no element left open (a bare address ending
// in `/` loses that slash). Each alternative stops at a character of its own: one pass, no backtracking.
const ATTRIBUTE = new RegExp(String.raw`\s+(${NAME_PATTERN})(?:\s*=\s*(?:"([^"<]*)"|'([^'<]*)'|((?:[^\s"'<>/]|\/(?!>))*)))?`, 'uy');
const TAG_END = /\s*(\/?)>/y;
const END_TAG = new RegExp(String.raw`<\/(${NAME_PATTERN})\s*>`, 'uy');
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

function lineOf(src: string, at: number): number {
  let line = 1;
  for (let i = src.indexOf('\n'); i >= 0 && i < at; i = src.indexOf('\n', i + 1)) line++;
  return line;
}

/** Parses a whole document and returns its root element; throws XmlError naming the line. */
export function parseXml(src: string): XmlElement {
  const stack: { el: XmlElement; scope: Map<string, string> }[] = [];
  let root: XmlElement | null = null;
  let i = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (message: string, at = i): never => {
    throw new XmlError(`line ${lineOf(src, at)}: ${message}`);
  };
  const skipTo = (close: string, from: number, what: string): number => {
    const end = src.indexOf(close, from);
    return end < 0 ? fail(`unclosed ${what}`) : end + close.length;
  };
  const addText = (text: string): void => {
    const top = stack[stack.length - 1];
    if (top) top.el.nodes.push(text);
    else if (text.trim()) fail('text outside the root element');
  };

  while (i < src.length) {
    const lt = src.indexOf('<', i);
    if (lt < 0) {
      addText(decodeEntities(src.slice(i)));
      break;
    }
    if (lt > i) addText(decodeEntities(src.slice(i, lt)));
    i = lt;
    if (src.startsWith('<!--', i)) i = skipTo('-->', i + 4, 'comment');
    else if (src.startsWith('<![CDATA[', i)) {
      const end = skipTo(']]>', i + 9, 'CDATA section');
      addText(src.slice(i + 9, end - 3));
      i = end;
    } else if (src.startsWith('<?', i)) i = skipTo('?>', i + 2, 'processing instruction');
    else if (src.startsWith('<!', i)) i = skipDoctype(src, i, fail);
    else if (src[i + 1] === '/') {
      END_TAG.lastIndex = i;
      const name = END_TAG.exec(src)?.[1] ?? fail('malformed end tag');
      const top = stack.pop();
      // Case aside (`<Title>…</TITLE>`, as HTML reads it): the element keeps its start tag's name.
      if (top?.el.name !== name && top?.el.name.toLowerCase() !== name.toLowerCase()) fail(`</${name}> does not close <${top?.el.name ?? 'nothing'}>`);
      i = END_TAG.lastIndex;
      if (top) top.el.end = i;
    } else {
      const open = openTag(src, i, stack[stack.length - 1]?.scope, fail);
      if (stack.length >= MAX_DEPTH) fail('elements nested too deeply');
      const parent = stack[stack.length - 1];
      if (parent) parent.el.nodes.push(open.el);
      else if (root) fail('more than one root element');
      else root = open.el;
      if (!open.selfClosing) stack.push({ el: open.el, scope: open.scope });
      i = open.end;
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1]?.el.name}> is never closed`);
  return root ?? fail('no root element');
}

function skipDoctype(src: string, from: number, fail: (m: string, at?: number) => never): number {
  // A DOCTYPE may carry an internal subset in brackets, which can itself contain '>'.
  let depth = 0;
  for (let i = from + 2; i < src.length; i++) {
    const c = src[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return i + 1;
  }
  return fail('unclosed declaration', from);
}

function openTag(
  src: string,
  from: number,
  parentScope: Map<string, string> | undefined,
  fail: (m: string, at?: number) => never,
): { el: XmlElement; scope: Map<string, string>; selfClosing: boolean; end: number } {
  NAME.lastIndex = from + 1;
  const name = NAME.exec(src)?.[0] ?? fail('malformed start tag', from);
  const attrs: Record<string, string> = {};
  let at = NAME.lastIndex;
  for (;;) {
    ATTRIBUTE.lastIndex = at;
    const m = ATTRIBUTE.exec(src);
    if (!m) break;
    attrs[m[1] ?? ''] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
    at = ATTRIBUTE.lastIndex;
  }
  TAG_END.lastIndex = at;
  const end = TAG_END.exec(src) ?? fail(`malformed attributes in <${name}>`, at);

  // Declarations copy the parent's scope only when they change it: most elements declare nothing.
  let scope = parentScope ?? new Map([['xml', XML_NS]]);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (scope === parentScope) scope = new Map(scope);
      scope.set(key === 'xmlns' ? '' : key.slice(6), value);
    }
  }
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon);
  // A self-closing element ends here; another one where its end tag does (parseXml).
  const el: XmlElement = { name, local: name.slice(colon + 1), ns: scope.get(prefix) ?? '', attrs, nodes: [], scope, start: from, end: TAG_END.lastIndex };
  return { el, scope, selfClosing: end[1] === '/', end: TAG_END.lastIndex };
}
