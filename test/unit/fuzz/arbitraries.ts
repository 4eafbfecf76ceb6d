// Random and adversarial inputs shared by the fuzz tests: text built from the pieces that break
// parsers (markup left open, entities cut short, quotes, nesting) mixed with arbitrary Unicode.
import fc from 'fast-check';

/** How many random cases each property runs (a few thousand per file in all, within seconds). */
export const RUNS = 400;

const MARKUP_PIECES = [
  '<!--', '-->', '<script>', '<script', '</script>', '</script', '<style>', '</style>', '<noscript>', '<figcaption>',
  '</figcaption>', '<', '>', '</', '/>', '<p>', '</p>', '<br/>', '<div class="x">', '<a href="https://e.example/">',
  '</a>', '<![CDATA[', ']]>', '<?xml version="1.0"?>', '<?', '?>', '<!DOCTYPE html>', '<!', '&', '&amp;', '&lt;',
  '&gt;', '&#', '&#x', '&#65;', '&#x1F600;', '&#xD800;', '&#99999999;', '&nbsp;', '&hellip;', '&foo;', '&constructor;',
  '&__proto__;', '"', "'", '=', ' ', '\n', '\t', 'a', 'text', 'é', '\u00a0', '\u2028', '\uFEFF', '\0',
];

/** Text made of markup pieces and arbitrary strings: most of it is half-broken HTML or XML. */
export const markupText = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...MARKUP_PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), { maxLength: 120 })
  .map((parts) => parts.join(''));

/** Arbitrary strings, including lone surrogates and control characters. */
export const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 200 }), markupText);

/** Any JSON value, with a bias to objects (what parsers of JSON documents see first). */
export const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 3 })));

/** Anything a message could carry after structured cloning (no functions or symbols). */
export const anyPayload = fc.oneof(
  fc.constant(undefined),
  anyJson,
  fc.dictionary(fc.constantFrom('url', 'text', 'tabId', 'storyId', 'query', 'change', 'article', 'count', 'follow', 'done', 'actionId', 'packId', 'publicKey', '__proto__', 'constructor'), fc.anything({ maxDepth: 2 })),
);

/** Strings that look like URLs, broken in the ways feeds and pages break them. */
export const urlLike = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc
    .tuple(
      fc.constantFrom('http://', 'https://', 'HTTPS://', 'ftp://', 'javascript:', '//', '', 'http:/', 'https://www.', 'https://amp.'),
      fc.constantFrom('example.com', 'a.b', 'EXAMPLE.com', 'xn--bcher-kva.example', '127.0.0.1', '[::1]', 'exa mple.com', 'cdn.ampproject.org', ''),
      fc.array(fc.constantFrom('/', 'amp', '/amp', 'index.html', '.amp.html', '%', '%2F', '..', '/s/', 'x', '?', '&', '=', 'utm_source=a', 'fbclid=1', 'ref=b', 'q=1', '#', '#frag', ' '), { maxLength: 12 }),
    )
    .map(([scheme, host, rest]) => `${scheme}${host}${rest.join('')}`),
  fc.string({ maxLength: 60 }),
);
