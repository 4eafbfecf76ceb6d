// Feeds built to make the parser slow or wrong: an author pattern that backtracked, feed titles of
// huge white space runs, more items than are kept, a relative home page, the loose markup of
// hand-written feeds (bare attributes, names in any case) in bulk. Time is bounded by growth
// (4× the input must take about 4× the time, test/unit/fuzz/growth.ts) or, where a fixed-size input
// was the slow one, by a bound far above the fixed parser's time and far below the old one's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { feedKind, ItemMemo, parseFeed, titleParts, type Feed } from '../../../src/formats/feeds';
import { authorName } from '../../../src/formats/feeds/item';
import { outletName } from '../../../src/background/feeds/feed-entry';
import { assertLinear, repeat } from '../fuzz/growth';

function feedOf(text: string, opts: Parameters<typeof parseFeed>[1] = {}): Feed {
  const result = parseFeed(text, opts);
  if (!result.ok) throw new Error(result.error);
  return result.feed;
}

const rss = (channel: string): string => `<rss version="2.0"><channel>${channel}</channel></rss>`;

test('authorName: "email (Name)" shows the name; anything else is kept as given', () => {
  assert.equal(authorName('jane@example.com (Jane Doe)'), 'Jane Doe');
  assert.equal(authorName('  jane@example.com   ( Jane Doe ) '), 'Jane Doe');
  assert.equal(authorName('jane@example.com(Jane)'), 'Jane');
  assert.equal(authorName('desk@paper.example (News desk (Europe))'), 'News desk (Europe)');
  assert.equal(authorName('Jane Doe'), 'Jane Doe');
  assert.equal(authorName('jane@example.com'), 'jane@example.com');
  assert.equal(authorName('Jane Doe (jane@example.com)'), 'Jane Doe (jane@example.com)', 'the address comes first');
  assert.equal(authorName('a@b ()'), 'a@b ()', 'an empty name is no name');
  assert.equal(authorName('a@b (Jane\nDoe)'), 'a@b (Jane\nDoe)', 'a name on one line');
  assert.equal(authorName('   '), null);
});

test('an RSS author of "@(" repeated: a thousand items parse in well under a second (12 s before)', () => {
  const items = `<item><title>a</title><author>${'@('.repeat(250)}</author></item>`.repeat(1_000);
  const start = performance.now();
  const feed = feedOf(rss(`<title>t</title>${items}`), { maxItems: 1_000 });
  const ms = performance.now() - start;
  assert.equal(feed.items.length, 1_000);
  assert.equal(feed.items[0]?.author, '@('.repeat(250));
  assert.ok(ms < 2_000, `took ${ms.toFixed(0)} ms`);
  assertLinear('authorName', authorName, { 'at signs and parens': repeat('@('), 'address then parens': (n) => `a@${'b@ ('.repeat(n / 4)}` }, 120);
});

test('items past the limit are not converted; an element with nothing to show takes no place', () => {
  const empty = '<item><link>https://e.example/empty</link></item>'.repeat(3);
  const items = Array.from({ length: 2_000 }, (_, i) => `<item><title>T${i}</title><link>https://e.example/${i}</link></item>`).join('');
  const memo = new ItemMemo();
  const feed = feedOf(rss(`<title>t</title>${empty}${items}`), { maxItems: 10, memo });
  assert.deepEqual(feed.items.map((i) => i.title), Array.from({ length: 10 }, (_, i) => `T${i}`));
  const converted = [...memo.known.values()].reduce((n, known) => n + known.size, 0);
  // The three empty elements share one source text: one conversion among them.
  assert.equal(converted, 11, 'the empty items and the ten kept, not all 2,003');
  const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: 'x' }, ...Array.from({ length: 50 }, (_, i) => ({ id: i, title: `J${i}` }))] });
  assert.deepEqual(feedOf(json, { maxItems: 3 }).items.map((i) => i.title), ['J0', 'J1', 'J2']);
});

test("a feed's title is tidied and clipped as an item's is, in each dialect", () => {
  const spaced = `News${' '.repeat(100_000)}Daily &amp; <b>Co</b>`;
  const escaped = spaced.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  assert.equal(feedOf(rss(`<title>${escaped}</title>`)).title, 'News Daily & Co');
  assert.equal(feedOf(`<feed xmlns="http://www.w3.org/2005/Atom"><title>${escaped}</title></feed>`).title, 'News Daily & Co');
  // JSON Feed's title is plain text: decoded and collapsed, but what looks like a tag is kept.
  assert.equal(feedOf(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: spaced, items: [] })).title, 'News Daily & <b>Co</b>');
  const long = feedOf(rss(`<title>${'word '.repeat(1_000)}</title>`)).title ?? '';
  assert.ok(long.length <= 300 && long.endsWith('…'), `${long.length} characters`);
  assert.equal(feedOf(rss('<title>  </title>')).title, null);
});

test('feed titles split into outlet and sections in linear time, whatever their white space', () => {
  assert.deepEqual(titleParts('The Daily Meridian | World news'), ['The Daily Meridian', 'World news']);
  assert.deepEqual(titleParts('Paper  —\tOpinion » Columns'), ['Paper', 'Opinion', 'Columns']);
  assert.deepEqual(titleParts('Up-to-date: news'), ['Up-to-date: news'], 'a separator has spaces on both sides');
  assert.equal(outletName('The Daily Meridian | Opinion', 'x.example'), 'The Daily Meridian');
  assert.equal(feedKind('https://x.example/rss', 'The Daily Meridian | Opinion'), 'opinion');
  // Titles stored before they were tidied reach these too.
  const shapes = { 'a space run': (n: number) => `News${' '.repeat(n)}Daily`, 'a space run before a bar': (n: number) => `a${' '.repeat(n)}|`, 'bars between spaces': repeat(' | ') };
  assertLinear('outletName', (title: string) => outletName(title, 'x.example'), shapes, 4_000);
  assertLinear('feedKind', (title: string) => feedKind('https://x.example/rss', title), shapes, 4_000);
});

test("a JSON Feed's relative or unusable home page is no base: item links resolve against the feed's address", () => {
  const json = (home: string) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', home_page_url: home, items: [{ id: '1', url: '/2025/story', title: 'A story' }] });
  const url = 'https://site.example/feeds/feed.json';
  const relative = feedOf(json('/'), { url });
  assert.equal(relative.items[0]?.url, 'https://site.example/2025/story');
  assert.equal(relative.homeUrl, 'https://site.example/', 'resolved against the feed, as RSS and Atom do');
  assert.equal(feedOf(json('javascript:void(0)'), { url }).items[0]?.url, 'https://site.example/2025/story');
  assert.equal(feedOf(json('javascript:void(0)'), { url }).homeUrl, null);
  assert.equal(feedOf(json('https://www.site.example/home/'), { url }).items[0]?.url, 'https://www.site.example/2025/story', 'an absolute home page is the base');
});

test('element and attribute names beyond ASCII are XML names: such a feed is read, not refused', () => {
  const feed = feedOf(
    rss(`<title>Diario</title><item xmlns:dc="http://purl.org/dc/elements/1.1/"><title>Una noticia</title><link>https://diario.example/n</link><dc:título idioma="es" año="2025">otro</dc:título><café>sí</café></item>`),
  );
  assert.deepEqual(feed.items.map((i) => i.title), ['Una noticia']);
  const bad = parseFeed(rss('<item><1title>x</1title></item>'));
  assert.equal(bad.ok, false, 'a name still cannot start with a digit');
});

test('loose markup is read in linear time: unquoted and bare attributes, names in any case, tickers in titles, Atom 0.3', () => {
  const item = (inner: string): string => rss(`<title>t</title><item><title>Storm</title>${inner}</item>`);
  // What the tokenizer reads: 200,000 attributes in the larger input (n = 200,000).
  const attributes: Record<string, (n: number) => string> = {
    'unquoted attributes': (n) => item(`<guid${' a=b'.repeat(n / 4)}>g</guid>`),
    'unquoted values ending in slashes': (n) => item(`<category${' a=b/'.repeat(n / 5)}/>`),
    'empty values': (n) => item(`<category${' a='.repeat(n / 3)}/>`),
  };
  // What makes objects by the thousand (attributes each with its own name, elements) is measured at
  // the size the fuzz tests use (n = 40,000): between about 200,000 and 800,000 characters the time
  // per character steps up, memory's cost and not the parser's (the parser as it was took 8-11× for
  // 4× as many nested elements in lower case across that step).
  const elements: Record<string, (n: number) => string> = {
    // The element's attributes are a large map, and the guid's isPermaLink is looked for among them
    // without case.
    'unquoted addresses, each its own name': (n) => item(`<guid${Array.from({ length: n / 16 }, (_, i) => ` a${i}=https://x.example/${i}`).join('')}>g</guid>`),
    'attributes without values, each its own name': (n) => item(`<guid${Array.from({ length: n / 8 }, (_, i) => ` a${i}`).join('')}>g</guid>`),
    'upper-case items, end tags in another case': (n) => `<RSS><CHANNEL>${'<ITEM><Title>T</TITLE><Link>https://x.example/</LINK></Item>'.repeat(n / 56)}</CHANNEL></RSS>`,
    // Nesting is bounded (256 levels): what grows is the text inside it, or how many such blocks.
    'deep upper-case nesting': (n) => `<RSS><CHANNEL>${'<ITEM><TITLE>'.repeat(120)}${'x'.repeat(n)}${'</title></item>'.repeat(120)}</CHANNEL></RSS>`,
    'deep upper-case nesting, repeated': (n) => `<RSS><CHANNEL>${`${'<ITEM><Title>'.repeat(100)}x${'</title></item>'.repeat(100)}`.repeat(n / 2_800)}</CHANNEL></RSS>`,
    'tickers in a title': (n) => item(`<description>d</description><link>https://x.example/</link></item><item><title>${'Apple &lt;AAPL.O&gt; '.repeat(n / 23)}</title>`),
    'HTML tags left open in a title': (n) => item(`</item><item><title>${'&lt;b '.repeat(n / 7)}</title>`),
    'Atom 0.3 entries': (n) => `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>t</title>${'<entry><title>T</title><issued>2005-07-15T09:30:00Z</issued><content mode="base64">aGVsbG8=</content></entry>'.repeat(n / 112)}</feed>`,
  };
  // Each shape is a feed that is read, not one refused early.
  for (const [shape, make] of Object.entries({ ...attributes, ...elements })) assert.ok(parseFeed(make(4_000)).ok, shape);
  const parse = (text: string) => parseFeed(text, { maxItems: 100_000 });
  assertLinear('parseFeed', parse, attributes, 200_000);
  assertLinear('parseFeed', parse, elements, 40_000);
});
