// A feed's bytes against the charset its server names: a header that says UTF-8 over Latin-1 or
// windows-1252 bytes (the feed's own XML declaration says so, or nothing does), a declaration after
// blank lines, and UTF-8 bytes that a server calls ISO-8859-15.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFeedBytes, parseFeed } from '../../src/formats/feeds';

const bytesOf = (text: string): Uint8Array => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const doc = (declaration: string, title: string): string =>
  `${declaration}<rss version="2.0"><channel><title>E</title><item><title>${title}</title><link>https://e.example/a</link></item></channel></rss>`;
const titleOf = (bytes: Uint8Array, contentType: string | null): string | null | undefined => {
  const result = parseFeed(decodeFeedBytes(bytes, contentType));
  return result.ok ? result.feed.items[0]?.title : result.error;
};

test('a header that says UTF-8 over bytes that are not: the XML declaration, else windows-1252', () => {
  const latin1 = bytesOf(doc('<?xml version="1.0" encoding="ISO-8859-1"?>', 'Café à São Paulo'));
  assert.equal(titleOf(latin1, 'application/rss+xml; charset=utf-8'), 'Café à São Paulo');
  const undeclared = bytesOf(doc('<?xml version="1.0"?>', 'Café à São Paulo'));
  assert.equal(titleOf(undeclared, 'application/rss+xml; charset=UTF-8'), 'Café à São Paulo');
  assert.equal(titleOf(undeclared, null), 'Café à São Paulo', 'no name anywhere: UTF-8 first, then windows-1252');
  // A declaration that names UTF-8 is no better than the header: windows-1252.
  const utf8Declared = bytesOf(doc('<?xml version="1.0" encoding="utf-8"?>', 'Café'));
  assert.equal(titleOf(utf8Declared, 'text/xml; charset=utf-8'), 'Café');
});

test('UTF-8 with one stray byte stays UTF-8: its other characters would all turn to mojibake', () => {
  const [before, after] = doc('<?xml version="1.0" encoding="UTF-8"?>', 'Zürich|– Genève').split('|') as [string, string];
  // A Latin-1 no-break space pasted into a UTF-8 feed.
  const stray = Uint8Array.from([...new TextEncoder().encode(before), 0xa0, ...new TextEncoder().encode(after)]);
  assert.equal(titleOf(stray, 'text/xml; charset=utf-8'), 'Zürich\ufffd– Genève');
});

test('the XML declaration is read after white space and blank lines', () => {
  const latin1 = bytesOf(`\n\n  ${doc("<?xml version='1.0' encoding='ISO-8859-1'?>", 'Café')}`);
  assert.equal(titleOf(latin1, null), 'Café');
  assert.equal(titleOf(latin1, 'text/xml'), 'Café');
});

test('UTF-8 bytes a server calls ISO-8859-15 read as UTF-8; Latin-9 bytes stay Latin-9', () => {
  const utf8 = new TextEncoder().encode(doc('<?xml version="1.0" encoding="UTF-8"?>', 'Café 5 €'));
  assert.equal(titleOf(utf8, 'text/xml; charset=iso-8859-15'), 'Café 5 €');
  assert.equal(titleOf(utf8, 'text/xml; charset=latin-9'), 'Café 5 €');
  const latin9 = bytesOf(doc('<?xml version="1.0" encoding="ISO-8859-15"?>', 'Café 5 \u00a4'));
  assert.equal(titleOf(latin9, 'text/xml; charset=iso-8859-15'), 'Café 5 €');
});
