// A "<" that starts no tag is text: in a headline decoded before it is cleaned ("x&lt;y"), it once
// swallowed the rest of the headline. A title the format defines as plain text (JSON Feed's) is
// decoded, never stripped of what looks like a tag ("Apple <AAPL.O>").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToText } from '../../src/formats/feeds/entities';
import { parseFeed } from '../../src/formats/feeds';
import { assertLinear, repeat } from './fuzz/growth';

test('a "<" with no ">" after it is kept as text, and the text after it too', () => {
  assert.equal(htmlToText('Why x<y matters for markets'), 'Why x<y matters for markets');
  assert.equal(htmlToText('Why a<b in every poll'), 'Why a<b in every poll');
  assert.equal(htmlToText('<p>Lead</p> then x<y'), 'Lead then x<y');
  // A tag that does close is still markup, and an unclosed comment or script still hides the rest.
  assert.equal(htmlToText('<b>Bold</b> claim'), 'Bold claim');
  assert.equal(htmlToText('kept<!-- open'), 'kept');
  assert.equal(htmlToText('kept<script>x<y'), 'kept');
});

test("an RSS title with an escaped \"<\" keeps the rest of the headline", () => {
  const result = parseFeed(
    '<rss version="2.0"><channel><title>Markets</title><item><title>Why x&lt;y matters for markets</title><link>https://m.example/a</link></item>' +
      '<item><title><![CDATA[Why a<b in every poll]]></title><link>https://m.example/b</link></item></channel></rss>',
  );
  assert.ok(result.ok);
  assert.deepEqual(result.feed.items.map((i) => i.title), ['Why x<y matters for markets', 'Why a<b in every poll']);
});

test("JSON Feed titles are plain text: decoded, what looks like a tag kept", () => {
  const json = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Wire <Markets> &amp; Co',
    items: [
      { id: '1', url: 'https://wire.example/1', title: 'Apple <AAPL.O> shares rise' },
      { id: '2', url: 'https://wire.example/2', title: 'Rock &amp; roll &rarr;   <b>live</b>' },
    ],
  });
  const result = parseFeed(json);
  assert.ok(result.ok);
  assert.equal(result.feed.title, 'Wire <Markets> & Co');
  assert.deepEqual(result.feed.items.map((i) => i.title), ['Apple <AAPL.O> shares rise', 'Rock & roll → <b>live</b>']);
});

test('text of many lone "<" is read in linear time', () => {
  assertLinear('htmlToText', (html: string) => htmlToText(html), {
    'less-than signs': repeat('x<y '),
    'tag names never closed': repeat('<abc'),
    'a tag, then lone ones': (n) => `<b>x</b>${'a<b'.repeat(n / 3)}`,
  }, 40_000);
});
