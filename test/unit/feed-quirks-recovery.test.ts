// Feeds strict XML refuses that feed readers read: a warning printed before the feed, a script a
// host appended after its root, HTML's <br> unclosed in an unescaped description. Each lost the
// reader the whole feed ("malformed XML"); a feed the repair cannot save keeps its first error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '../../src/formats/feeds';
import { assertLinear } from './fuzz/growth';

const ITEM = '<item><title>Storm batters coast</title><link>https://harbour.example/storm</link><pubDate>Mon, 15 Jan 2024 10:00:00 GMT</pubDate><description>DESC</description></item>';
const rss = (description = 'Lead.'): string =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Harbour Post</title><link>https://harbour.example/</link>${ITEM.replace('DESC', description)}</channel></rss>`;
const titles = (text: string): string[] | string => {
  const parsed = parseFeed(text, { url: 'https://harbour.example/feed.xml' });
  return parsed.ok ? parsed.feed.items.map((i) => `${i.title} | ${i.summary}`) : parsed.error;
};

test('a feed with a warning before it, a script after it, or an unclosed <br> is read', () => {
  assert.deepEqual(titles('\n\nWarning: include(): failed in /var/www/feed.php on line 3\n' + rss()), ['Storm batters coast | Lead.']);
  assert.deepEqual(titles(rss() + '\n<!-- served by x -->\n<script>track()</script>'), ['Storm batters coast | Lead.']);
  assert.deepEqual(titles(rss('First line<br>second line<hr><img src="a.jpg">')), ['Storm batters coast | First line second line']);
});

test('a feed the repair cannot save is refused with what was wrong with it as served', () => {
  assert.match(String(titles(rss('<b>unclosed bold'))), /^malformed XML: /);
  assert.match(String(titles('<!doctype html><html><head><title>Home</title></head><body><p>News<br>more</p></body></html>')), /^(?:malformed XML|not a feed)/);
  assert.match(String(titles('{"items": [}')), /^malformed JSON/);
});

test('the repair runs in linear time', () => {
  const shapes = {
    'unclosed breaks': (n: number) => rss(`${'a<br'.repeat(n)}`),
    'root ends': (n: number) => rss() + '</rss>'.repeat(n) + '<x',
    'a warning': (n: number) => `${'Warning '.repeat(n)}${rss('<br>')}`,
  };
  assertLinear('parseFeed', (text: string) => parseFeed(text), shapes, 4_000);
});
