// Character references and HTML-to-text for feed content. Feeds are XML, but their text is often
// HTML escaped once more (`&lt;p&gt;`) and uses HTML's named entities (`&nbsp;`) that XML does not
// define, so both the XML parser and the summary cleaner decode HTML 4's names too.
import { HTML_ELEMENTS } from './html-elements';
import { HTML4_ENTITIES } from './html4-entities';

/** Every HTML 4 name, and XML's `&apos;` (which HTML 4 lacks), as the characters they stand for. */
const NAMED: Readonly<Record<string, string>> = Object.fromEntries(
  [...Object.entries(HTML4_ENTITIES), ['apos', 0x27] as const].map(([name, code]) => [name, String.fromCodePoint(code)]),
);

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

function codePoint(n: number): string | null {
  // Surrogates and out-of-range numbers are not characters; keep the reference as written.
  return n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : null;
}

/** Decodes numeric references and known names; anything else (a bare `&`, `&foo;`) stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (ref, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return codePoint(Number.parseInt(dec, 10)) ?? ref;
    if (hex !== undefined) return codePoint(Number.parseInt(hex, 16)) ?? ref;
    return (name !== undefined && Object.hasOwn(NAMED, name) ? NAMED[name] : undefined) ?? ref;
  });
}

/** Tags that end a line of text: their break survives as white space between words. */
export const BLOCK: ReadonlySet<string> = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'figure', 'figcaption',
  'section', 'article', 'tr', 'table',
]);
/** Elements dropped with everything inside them: code, styles and captions are not the summary. */
export const DROPPED: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'figcaption']);
/**
 * Those and links with their text: what is left of an aggregator's description that only lists
 * headlines (a link each, the outlet's name in a `<font>`) is nothing.
 */
export const DROPPED_WITH_LINKS: ReadonlySet<string> = new Set([...DROPPED, 'a', 'font']);
const CLOSE_OF = new Map<string, RegExp>([...DROPPED_WITH_LINKS].map((name) => [name, new RegExp(`</${name}(?![\\w-])`, 'gi')]));
const TAG_NAME = /[A-Za-z][\w:-]*/y;

/** Whether the character at `at`, just after a tag's name, can end the name: white space, `/` or `>`. */
function endsTagName(html: string, at: number): boolean {
  const c = html.charCodeAt(at);
  return c === 0x20 || c === 0x2f || c === 0x3e || (c >= 0x09 && c <= 0x0d);
}

/**
 * Plain text from an HTML fragment: comments, scripts, styles and figures' captions dropped, tags
 * removed, entities decoded, white space collapsed. Good enough for an excerpt; never rendered as HTML.
 * `dropped` names the elements left out with their content (DROPPED_WITH_LINKS: links too).
 * `tags`, when given, names the only elements that are markup: any other `<name…>` is text (titles,
 * html-elements.ts).
 *
 * One forward scan, so the time is linear in the input whatever it holds (feeds are untrusted): a
 * comment or a dropped element left open (`<!--`, `<script>`) swallows the rest of the text, as in
 * HTML, instead of being searched for again from every later `<`. A `<` that cannot start a tag
 * (`a < b`) is text, and so is one with no `>` after it: that is a headline's "x<y" once its
 * `&lt;` is decoded, and dropping the rest of the headline with it lost the words after it.
 */
export function htmlToText(html: string, dropped: ReadonlySet<string> = DROPPED, tags?: ReadonlySet<string>): string {
  if (!/[<&]/.test(html)) return collapse(html);
  const out: string[] = [];
  const n = html.length;
  // The next `>` at or after a position, remembered: positions only grow, so all lookups together
  // read the input once.
  let gt = -2;
  const gtFrom = (from: number): number => {
    if (gt !== -1 && gt < from) gt = html.indexOf('>', from);
    return gt;
  };
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, lt));
    i = lt + 1;
    const next = html.charCodeAt(lt + 1);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      out.push(' ');
      i = end < 0 ? n : end + 3;
      continue;
    }
    const closing = next === 0x2f; // '/'
    TAG_NAME.lastIndex = lt + (closing ? 2 : 1);
    const name = TAG_NAME.exec(html)?.[0].toLowerCase();
    // `<!DOCTYPE`, `<![CDATA[`, `<?xml`: markup up to the next `>` (a bogus comment in HTML).
    const declaration = !closing && (next === 0x21 || next === 0x3f);
    const text = name ? tags !== undefined && !(tags.has(name) && endsTagName(html, TAG_NAME.lastIndex)) : !declaration;
    if (text) {
      out.push('<');
      continue;
    }
    const end = gtFrom(lt + 1);
    if (end < 0) {
      // No `>` anywhere after: no later `<` can start a tag either, and this one is text.
      out.push('<');
      continue;
    }
    i = end + 1;
    if (!name) continue;
    const close = closing || !dropped.has(name) ? undefined : CLOSE_OF.get(name);
    if (close) {
      close.lastIndex = i;
      const found = close.exec(html);
      const after = found ? gtFrom(found.index) : -1;
      out.push(' ');
      if (after < 0) break;
      i = after + 1;
    } else if (BLOCK.has(name)) {
      out.push('\n');
    }
  }
  return collapse(decodeEntities(out.join('')));
}

/**
 * A title read as HTML (an RSS title; an Atom one not said to be text): only HTML's own elements are
 * tags in it, so "Apple <AAPL.O> beats forecasts" keeps its ticker (the rule: html-elements.ts).
 */
export function titleText(html: string): string {
  return htmlToText(html, DROPPED, HTML_ELEMENTS);
}

/**
 * Text that a format defines as plain (a JSON Feed title): references decoded and white space
 * collapsed as htmlToText does, but a `<` is a character, never the start of a tag to remove.
 */
export function plainText(text: string): string {
  return collapse(decodeEntities(text));
}

function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** At most `max` characters, cut at a word boundary with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
