// Text given as markup inside the feed's XML (Atom's type="xhtml", an RSS description of raw
// XHTML): block elements end words as they end lines, and scripts, styles and captions are not text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '../../src/formats/feeds';
import { parseXml } from '../../src/formats/feeds/xml';
import { textOf } from '../../src/formats/feeds/xml-tree';
import { assertLinear } from './fuzz/growth';

const summaryOf = (xml: string): string | undefined => {
  const result = parseFeed(xml);
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result.feed.items[0]?.summary;
};
const atom = (body: string): string =>
  `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>T</title><id>x</id><link href="https://m.example/a"/><updated>2024-01-15T10:00:00Z</updated>${body}</entry></feed>`;

test("Atom xhtml content: paragraphs and list items are separate words", () => {
  const xhtml = '<div xmlns="http://www.w3.org/1999/xhtml"><p>First sentence here.</p><p>Second one.</p><ul><li>Item</li><li>Other</li></ul></div>';
  assert.equal(summaryOf(atom(`<content type="xhtml">${xhtml}</content>`)), 'First sentence here. Second one. Item Other');
});

test('Atom xhtml summary: script, style and figure caption are left out', () => {
  const xhtml =
    '<div xmlns="http://www.w3.org/1999/xhtml"><script>track()</script><style>p{color:red}</style><p>Real <em>lead</em>.</p>' +
    '<figure><img src="a.jpg"/><figcaption>Photo: AP</figcaption></figure></div>';
  assert.equal(summaryOf(atom(`<summary type="xhtml">${xhtml}</summary>`)), 'Real lead.');
});

test('an RSS description of raw XHTML: blocks and line breaks part words, inline elements do not', () => {
  const xml = `<rss version="2.0"><channel><title>M</title><item><title>T</title><link>https://m.example/1</link><description><p>First sentence here.</p><p>Second <b>one</b>.</p>Line<br/>break</description></item></channel></rss>`;
  assert.equal(summaryOf(xml), 'First sentence here. Second one. Line break');
});

test('textOf: inline and unknown elements join their text as before; blocks are lines; scripts are not text', () => {
  assert.equal(textOf(parseXml('<a>x<b>y</b>z</a>')), 'xyz');
  assert.equal(textOf(parseXml('<title xmlns:x="urn:x">A<x:item>B</x:item>C</title>')), 'ABC');
  assert.equal(textOf(parseXml('<d>A<p>B</p>C<br/>D<script>E</script><STYLE>F</STYLE></d>')), 'A\nB\nC\n\nD');
});

test('markup text is collected in linear time, however many blocks and however deep', () => {
  const description = (inner: string): string => `<rss version="2.0"><channel><title>M</title><item><title>T</title><description>${inner}</description></item></channel></rss>`;
  assertLinear('parseFeed of XHTML text', (xml: string) => parseFeed(xml), {
    'paragraphs': (n) => description('<p>x</p><script>y</script>'.repeat(n / 26)),
    'deep blocks': (n) => description(`${'<div>'.repeat(200)}${'<p>x</p>'.repeat(n / 8)}${'</div>'.repeat(200)}`),
  }, 40_000);
});
