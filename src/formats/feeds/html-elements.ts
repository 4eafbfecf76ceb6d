// The names of HTML's elements, for telling markup from text in a headline. RSS says nothing of what
// a title holds, and publishers escape both into it: markup ("&lt;b&gt;Bold&lt;/b&gt; news") and
// text that looks like markup (a Reuters ticker, "Apple &lt;AAPL.O&gt; beats forecasts"; a type
// parameter, "Vector&lt;int&gt;"). The rule: in a title, `<name …>` is a tag only when `name` is an
// HTML element's (in any case) and ends where a tag name ends (white space, `/` or `>`, so not
// "<S.N>" nor "<BRK.A>"); any other `<` is a character. A headline about HTML itself ("the <p>
// element") still loses its "tag", which only a title said to be plain text keeps.
// Summaries are not read by this rule: their HTML is whole documents' fragments, where a Word
// export's <o:p> or a custom element is markup too.

/** Every element of the HTML standard, and the obsolete ones older CMSes still write. */
export const HTML_ELEMENTS: ReadonlySet<string> = new Set([
  // The HTML Living Standard's elements (its index of elements), with MathML's and SVG's roots.
  'a', 'abbr', 'address', 'area', 'article', 'aside', 'audio', 'b', 'base', 'bdi', 'bdo', 'blockquote', 'body', 'br',
  'button', 'canvas', 'caption', 'cite', 'code', 'col', 'colgroup', 'data', 'datalist', 'dd', 'del', 'details', 'dfn',
  'dialog', 'div', 'dl', 'dt', 'em', 'embed', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'i', 'iframe', 'img', 'input', 'ins', 'kbd', 'label',
  'legend', 'li', 'link', 'main', 'map', 'mark', 'math', 'menu', 'meta', 'meter', 'nav', 'noscript', 'object', 'ol',
  'optgroup', 'option', 'output', 'p', 'param', 'picture', 'pre', 'progress', 'q', 'rp', 'rt', 'ruby', 's', 'samp',
  'script', 'search', 'section', 'select', 'slot', 'small', 'source', 'span', 'strong', 'style', 'sub', 'summary',
  'sup', 'svg', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'time', 'title', 'tr',
  'track', 'u', 'ul', 'var', 'video', 'wbr',
  // Obsolete, but in the markup of older sites and their feeds.
  'acronym', 'applet', 'basefont', 'bgsound', 'big', 'blink', 'center', 'dir', 'font', 'frame', 'frameset', 'image',
  'isindex', 'keygen', 'listing', 'marquee', 'menuitem', 'multicol', 'nextid', 'nobr', 'noembed', 'noframes',
  'plaintext', 'rb', 'rtc', 'spacer', 'strike', 'tt', 'xmp',
]);
