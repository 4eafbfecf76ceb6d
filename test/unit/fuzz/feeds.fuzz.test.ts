// Fuzzing the feed parsers and cleaners: random and adversarial text never makes them throw
// anything but their own refusal, what they return obeys its invariants, and each runs in linear
// time on the inputs that made the old cleaner quadratic (markup left open).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { articleKind, discoverFeeds, ItemMemo, mergeFeedItems, parseFeed, parseFeedDate } from '../../../src/formats/feeds';
import { clip, decodeEntities, DROPPED_WITH_LINKS, htmlToText } from '../../../src/formats/feeds/entities';
import { authorName } from '../../../src/formats/feeds/item';
import { parseXml, XmlError, type XmlElement } from '../../../src/formats/feeds/xml';
import { textOf } from '../../../src/formats/feeds/xml-tree';
import { anyJson, anyText, markupText, RUNS, urlLike } from './arbitraries';
import { assertLinear, repeat, reportRatios } from './growth';

after(() => reportRatios((line) => console.log(line)));

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Characters XML 1.0 allows in a document (the parser need not accept the others). */
const xmlChar = fc.string({ maxLength: 20 }).map((s) => s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/g, ''));

test('htmlToText: never throws; text is trimmed, single-spaced and never longer than the input', () => {
  fc.assert(
    fc.property(anyText, (html) => {
      const text = htmlToText(html);
      assert.equal(text, text.trim());
      assert.doesNotMatch(text, /[\s\u00a0]{2}/);
      assert.ok(text.length <= html.length);
    }),
    { numRuns: RUNS * 5 },
  );
});

test('htmlToText: what scripts, styles and comments hold never reaches the text; plain text is kept', () => {
  const plain = fc.string({ maxLength: 40 }).map((s) => s.replace(/[<&]/g, ''));
  fc.assert(
    fc.property(plain, plain, plain, fc.constantFrom('script', 'STYLE', 'noscript', 'figcaption'), (before, inside, afterText, tag) => {
      const marker = `zq${inside.length}qz`;
      const html = `${before}<${tag} type="x">${inside} ${marker}</${tag} >${afterText}<!-- ${marker} -->`;
      const text = htmlToText(html);
      assert.ok(!text.includes(marker), html);
      assert.equal(text, htmlToText(`${before} ${afterText}`));
      assert.equal(htmlToText(before), before.replace(/[\s\u00a0]+/g, ' ').trim());
    }),
    { numRuns: RUNS },
  );
});

test('decodeEntities: undoes escaping exactly and leaves text without & alone', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
      assert.equal(decodeEntities(escapeXml(s)), s);
      if (!s.includes('&')) assert.equal(decodeEntities(s), s);
    }),
    { numRuns: RUNS },
  );
  fc.assert(fc.property(anyText, (s) => void decodeEntities(s)), { numRuns: RUNS });
});

test('clip: at most max characters, and the text itself when it fits', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 2, max: 400 }), (s, max) => {
      const out = clip(s, max);
      assert.ok(out.length <= max);
      if (s.length <= max) assert.equal(out, s);
    }),
    { numRuns: RUNS },
  );
});

interface Tree {
  name: string;
  attr: string;
  kids: (Tree | string)[];
}
const treeArb = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.record({
    name: fc.constantFrom('a', 'item', 'dc:date', 'x-y', 'n.1', '_z'),
    attr: xmlChar,
    kids: fc.array(fc.oneof({ depthSize: 'small' }, xmlChar, tie('tree')), { maxLength: 4 }),
  }),
})).tree;
const serialise = (t: Tree): string =>
  `<${t.name} xmlns:dc="urn:dc" v="${escapeXml(t.attr)}">${t.kids.map((k) => (typeof k === 'string' ? escapeXml(k) : serialise(k))).join('')}</${t.name}>`;
const flatText = (t: Tree | string): string => (typeof t === 'string' ? t : t.kids.map(flatText).join(''));

test('parseXml: a serialised tree comes back whole; anything else is parsed or refused with XmlError', () => {
  fc.assert(
    fc.property(treeArb, (tree) => {
      const root = parseXml(serialise(tree));
      assert.equal(root.name, tree.name);
      assert.equal(root.attrs['v'], tree.attr);
      assert.equal(textOf(root), flatText(tree));
      const first = tree.kids.find((k): k is Tree => typeof k !== 'string');
      const parsed = root.nodes.find((n): n is XmlElement => typeof n !== 'string');
      if (first) assert.equal(parsed?.name, first.name);
    }),
    { numRuns: RUNS },
  );
  fc.assert(
    fc.property(markupText, (src) => {
      try {
        parseXml(src);
      } catch (error) {
        assert.ok(error instanceof XmlError, String(error));
      }
    }),
    { numRuns: RUNS * 3 },
  );
});

const rssItem = fc.record({ title: markupText, description: markupText, link: urlLike, date: fc.oneof(fc.string({ maxLength: 40 }), fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toUTCString()))), author: fc.string({ maxLength: 30 }) });
const rssOf = (items: { title: string; description: string; link: string; date: string; author: string }[]): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${items
    .map((i) => `<item><title>${escapeXml(i.title)}</title><description>${escapeXml(i.description)}</description><link>${escapeXml(i.link)}</link><pubDate>${escapeXml(i.date)}</pubDate><author>${escapeXml(i.author)}</author></item>`)
    .join('')}</channel></rss>`;

test('parseFeed: never throws; items have a short title, a short summary, an http(s) link or none', () => {
  const check = (text: string): void => {
    const result = parseFeed(text, { url: 'https://feeds.example/rss', maxItems: 50 });
    if (!result.ok) {
      assert.equal(typeof result.error, 'string');
      return;
    }
    assert.ok(result.feed.items.length <= 50);
    for (const item of result.feed.items) {
      assert.ok(item.title.length > 0 && item.title.length <= 300);
      assert.ok(item.summary.length <= 600);
      assert.ok(item.url === null || /^https?:\/\//.test(item.url), item.url ?? '');
      assert.ok(item.published === null || !Number.isNaN(Date.parse(item.published)));
    }
  };
  fc.assert(fc.property(fc.array(rssItem, { maxLength: 6 }), (items) => check(rssOf(items))), { numRuns: RUNS });
  fc.assert(fc.property(anyText, check), { numRuns: RUNS });
  fc.assert(fc.property(anyJson, (json) => check(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [json, { title: json }] }))), { numRuns: RUNS });
  fc.assert(fc.property(anyJson, (json) => check(JSON.stringify(json) ?? '')), { numRuns: RUNS });
});

test('parseFeed with the last answer\'s items: the same result as without, whatever the two answers hold', () => {
  const url = 'https://feeds.example/rss';
  // Two answers sharing some items (adversarial text in them), or any two texts at all.
  const shared = fc.tuple(fc.array(rssItem, { maxLength: 4 }), fc.array(rssItem, { maxLength: 3 }), fc.array(rssItem, { maxLength: 3 }));
  const same = (first: string, second: string): void => {
    const memo = new ItemMemo();
    parseFeed(first, { url, memo });
    assert.deepEqual(parseFeed(second, { url, memo: new ItemMemo(memo.known) }), parseFeed(second, { url }));
  };
  fc.assert(fc.property(shared, ([both, before, after]) => same(rssOf([...before, ...both]), rssOf([...both, ...after]))), { numRuns: RUNS });
  fc.assert(fc.property(anyText, anyText, same), { numRuns: RUNS });
});

test('discoverFeeds, parseFeedDate, authorName, articleKind and mergeFeedItems never throw and keep their promises', () => {
  fc.assert(
    fc.property(markupText, urlLike, (html, href) => {
      const page = `<head>${html}<link rel="alternate" type="application/rss+xml" href="${href}">${html}</head>`;
      const feeds = discoverFeeds(page, 'https://news.example/a');
      assert.equal(new Set(feeds.map((f) => f.url)).size, feeds.length);
      for (const feed of feeds) assert.match(feed.url, /^https?:\/\//);
    }),
    { numRuns: RUNS },
  );
  fc.assert(
    fc.property(anyText, (raw) => {
      const date = parseFeedDate(raw);
      if (date !== null) {
        const year = new Date(date).getUTCFullYear();
        assert.ok(year >= 1990 && year <= 2200);
      }
      const name = authorName(raw);
      assert.ok(name === null || name.length <= raw.length);
      assert.ok(['report', 'opinion', 'analysis'].includes(articleKind(raw, [raw], raw)));
    }),
    { numRuns: RUNS },
  );
  const item = fc.record({
    id: fc.string({ maxLength: 5 }),
    url: fc.constant(null),
    title: fc.constant('t'),
    summary: fc.constant(''),
    published: fc.oneof(fc.constant(null), fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2100-01-01') }).map((d) => d.toISOString())),
    author: fc.constant(null),
    categories: fc.constant<string[]>([]),
    section: fc.constant(null),
    kind: fc.constant('report' as const),
  });
  fc.assert(
    fc.property(fc.array(item, { maxLength: 30 }), fc.array(item, { maxLength: 30 }), (previous, fresh) => {
      const now = Date.parse('2050-01-01');
      const merged = mergeFeedItems(previous, fresh, { now, windowDays: 30, maxItems: 20 });
      assert.ok(merged.length <= 20);
      assert.ok(merged.every((i) => i.published === null || Date.parse(i.published) <= now), 'no item dated after it was read');
      assert.equal(new Set(merged.map((i) => i.id)).size, merged.length);
    }),
    { numRuns: RUNS },
  );
});

// The shapes that made the cleaner quadratic (issue 16: 128 kB of unclosed `<!--` took 23 s) and
// their relatives: every construct that searches ahead for its end, left open many times over.
const OPEN_MARKUP = {
  'unclosed comments': repeat('<!--'),
  'unclosed scripts': repeat('<script'),
  'unclosed script elements': repeat('<script>a'),
  'unclosed styles': repeat('<style>'),
  'unterminated tags': repeat('<a b="c" '),
  'unterminated end tags': repeat('</p '),
  'unterminated declarations': repeat('<!DOCTYPE '),
  'unterminated CDATA': repeat('<![CDATA['),
  'unterminated entities': repeat('&#12345'),
  'bare ampersands': repeat('&a'),
  'closed markup': repeat('<p>Text &amp; more</p><!-- c --><script>x</script>'),
  'unclosed links': repeat('<a href="x">'),
  'unclosed fonts': repeat('<font>a'),
};

test('growth: htmlToText and decodeEntities are linear on markup left open', () => {
  assertLinear('htmlToText', htmlToText, OPEN_MARKUP, 40_000);
  assertLinear('htmlToText without links', (html: string) => htmlToText(html, DROPPED_WITH_LINKS), OPEN_MARKUP, 40_000);
  assertLinear('decodeEntities', decodeEntities, OPEN_MARKUP, 40_000);
});

test('growth: parseXml and parseFeed are linear, on good feeds and on markup left open', () => {
  const quietly = (text: string) => {
    try {
      parseXml(text);
    } catch {
      // Refused: the time to refuse is what is measured.
    }
  };
  const inRoot = (make: (n: number) => string) => (n: number): string => `<rss><channel>${make(n)}`;
  assertLinear('parseXml', quietly, {
    ...Object.fromEntries(Object.entries(OPEN_MARKUP).map(([name, make]) => [name, inRoot(make)])),
    'unclosed attribute quotes': (n) => `<a${' b="c'.repeat(n / 5)}`,
    'many attributes': (n) => `<a${' b="c"'.repeat(n / 6)}/>`,
    'deep nesting': (n) => `${'<a>'.repeat(200)}${'x'.repeat(n)}${'</a>'.repeat(200)}`,
    'many elements': repeat('<i>x</i>'),
  }, 40_000);
  const rssItems = (n: number): string => rssOf(Array.from({ length: n / 200 }, (_, i) => ({ title: `Title ${i}`, description: '<p>Text &amp; <b>more</b></p>'.repeat(3), link: `https://e.example/${i}`, date: 'Fri, 15 Aug 2025 19:56:54 GMT', author: 'a@b.example (A B)' })));
  const big = (make: (n: number) => string) => (n: number) => rssOf([{ title: 't', description: make(n), link: 'https://e.example/', date: '', author: '' }]);
  assertLinear('parseFeed', (text: string) => parseFeed(text, { maxItems: 100_000 }), {
    'items': rssItems,
    'a description of unclosed comments': big(repeat('<!--')),
    'a description of unclosed scripts': big(repeat('<script')),
    'JSON Feed items': (n) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: Array.from({ length: n / 100 }, (_, i) => ({ id: i, title: `T ${i}`, content_html: '<p>x</p>'.repeat(5) })) }),
  }, 40_000);
  // With the items of an earlier answer to reuse: each item's text is read once more (its fingerprint).
  const nested = (n: number): string => `<rss><channel>${'<item><title>t</title>'.repeat(n / 21)}${'</item>'.repeat(n / 21)}</channel></rss>`;
  assertLinear('parseFeed with known items', (text: string) => {
    const memo = new ItemMemo();
    parseFeed(text, { maxItems: 100_000, memo });
    parseFeed(text, { maxItems: 100_000, memo: new ItemMemo(memo.known) });
  }, { 'items': rssItems, 'items nested in items': nested }, 40_000);
});

test('growth: feed discovery, dates, author names and kinds are linear', () => {
  assertLinear('discoverFeeds', (html: string) => discoverFeeds(html, 'https://news.example/'), {
    'unclosed comments': repeat('<!--'),
    'link tags with unclosed quotes': repeat('<link href="a '),
    'attributes with unclosed quotes': (n) => `<link ${'a="b '.repeat(n / 5)}`,
    'many link tags': repeat('<link rel="alternate" type="application/rss+xml" href="/f">'),
  }, 40_000);
  assertLinear('parseFeedDate', parseFeedDate, { spaces: repeat(' 1'), digits: repeat('1'), comment: (n) => `Fri, 15 Aug 2025 19:56:54 GMT (${'('.repeat(n)}` }, 40_000);
  assertLinear('authorName', authorName, { 'at signs': repeat('a@'), 'at and parens': (n) => `a@${'b@('.repeat(n / 3)}` }, 40_000);
  assertLinear('articleKind', (s: string) => articleKind(`https://e.example/${s}`, [s], s), { slashes: repeat('/a'), spaces: repeat(' x') }, 40_000);
});
