// Feed parsing on hand-written feeds in each dialect, each with the quirks real publishers ship.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeFeedBytes, parseFeed, type Feed } from '../../../src/formats/feeds';

const fixture = (name: string): Uint8Array => readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url));

function feedOf(name: string, url: string | null = null): Feed {
  const result = parseFeed(decodeFeedBytes(fixture(name), null), { url });
  if (!result.ok) throw new Error(result.error);
  return result.feed;
}

test('RSS 2.0 newspaper feed: dc:creator, CDATA HTML, double-escaped text, tracking parameters, kinds', () => {
  const feed = feedOf('rss-newspaper.xml');
  assert.equal(feed.dialect, 'rss');
  assert.equal(feed.title, 'The Daily Meridian | World news');
  const [report, editorial, explainer] = feed.items;
  assert.equal(feed.items.length, 3);
  assert.deepEqual(report, {
    id: 'https://www.dailymeridian.example/world/2025/aug/16/trump-putin-alaska-summit-no-deal',
    url: 'https://www.dailymeridian.example/world/2025/aug/16/trump-putin-alaska-summit-no-deal',
    title: 'Trump and Putin end Alaska summit with no Ukraine deal',
    summary: 'The two leaders spoke of “progress” after nearly three hours in Anchorage but announced no ceasefire.',
    published: '2025-08-16T05:40:11.000Z',
    author: 'Anna Kowal in Anchorage and Tom Reyes in Washington',
    categories: ['World news', 'Russia', 'Ukraine'],
    section: null,
    kind: 'report',
  });
  assert.equal(editorial?.kind, 'opinion');
  assert.equal(editorial?.summary, 'Editorial: a red carpet is not a peace plan & Kyiv was not in the room.');
  assert.equal(explainer?.kind, 'analysis');
  assert.equal(explainer?.section, 'Analysis');
  assert.equal(explainer?.published, '2025-08-15T20:05:00.000Z', '+0100 offset applied');
});

test('RSS in ISO-8859-1 with relative links, a DOCTYPE subset, named HTML entities and odd dates', () => {
  const feed = feedOf('rss-latin1.xml', 'https://www.courrier-nord.example/monde/rss.xml');
  const [first, column, undated] = feed.items;
  assert.equal(feed.items.length, 3, 'the item with neither title nor text is dropped');
  assert.equal(feed.homeUrl, 'https://www.courrier-nord.example/monde/');
  assert.equal(first?.title, "Sommet d'Anchorage : pas d'accord entre Trump et Poutine", '&nbsp; decoded, spaces collapsed');
  assert.equal(first?.id, 'cdn-article-88213', 'a non-permalink guid is the id, not the link');
  assert.equal(first?.url, 'https://www.courrier-nord.example/monde/2025/08/16/sommet-anchorage-pas-d-accord.html');
  assert.equal(first?.published, '2025-08-16T12:15:00.000Z', 'EDT, no weekday, no seconds');
  assert.equal(first?.author, 'Rédaction Monde', 'RSS author "email (Name)" shows the name');
  assert.equal(first?.summary, 'Les deux présidents ont parlé de « progrès » sans annoncer de cessez-le-feu.', 'from content:encoded, caption dropped');
  assert.equal(first?.section, 'Monde', "the channel's category is the section");
  assert.equal(column?.kind, 'opinion');
  assert.equal(column?.published, '2025-08-16T08:00:00.000Z', 'full weekday and month names, two-digit year');
  assert.equal(undated?.url, 'https://www.courrier-nord.example/monde/2025/08/17/calendrier.html', 'a permalink guid is the link');
  assert.equal(undated?.published, null, '31 June is no date, and never today');
});

test('RSS 1.0 (RDF) items beside the channel', () => {
  const feed = feedOf('rdf-rss1.xml');
  assert.deepEqual(feed.items.map((i) => [i.id, i.published, i.categories]), [
    ['https://oldpaper.example/story/1', '2025-08-16T02:00:00.000Z', ['World']],
  ]);
});

test('Atom with a default namespace, nested xml:base, typed text and several links', () => {
  const feed = feedOf('atom-wire.xml', 'https://wire.example.net/feeds/top.atom');
  assert.equal(feed.dialect, 'atom');
  assert.equal(feed.homeUrl, 'https://wire.example.net/');
  const [first, analysis, flash] = feed.items;
  assert.equal(first?.url, 'https://wire.example.net/world/2025/08/16/putin-moscow-next-talks', 'entry xml:base, alternate link');
  assert.equal(first?.title, 'Putin proposes Moscow for next talks after Alaska summit', 'type=html title reduced to text');
  assert.equal(first?.summary, 'The Russian president said the "next time" should be in Moscow.');
  assert.equal(first?.published, '2025-08-16T09:02:03.000Z', 'published, not updated');
  assert.equal(first?.author, 'Northwind Wire staff', "the feed's author when the entry has none");
  assert.deepEqual(first?.categories, ['World', 'russia'], 'label when present, else term');
  assert.equal(analysis?.kind, 'analysis');
  assert.equal(analysis?.author, 'Maya Lind, Jon Park');
  assert.equal(analysis?.summary, 'Geography, history and a neutral-ish venue.', 'xhtml content as text');
  assert.equal(analysis?.published, '2025-08-15T12:00:00.000Z', 'updated when there is no published');
  assert.equal(flash?.published, null);
});

test('Atom under a prefix is recognised by namespace; elements of other namespaces are not entries', () => {
  const feed = feedOf('atom-prefixed.xml');
  assert.equal(feed.title, 'Harbour Times');
  assert.deepEqual(feed.items.map((i) => [i.title, i.published]), [['Harbour council votes on ferry fares', '2025-08-14T09:30:00.000Z']]);
});

test('JSON Feed 1.1: authors, HTML cleaned, tags as categories', () => {
  const feed = feedOf('json-feed-1.1.json');
  const [report, opinion] = feed.items;
  assert.equal(report?.summary, 'Three hours, no agreement.', 'summary before content');
  assert.equal(report?.published, '2025-08-15T23:56:54.000Z');
  assert.equal(report?.author, 'Lena Ortiz, Sam Oduya');
  assert.equal(opinion?.kind, 'opinion');
  assert.equal(opinion?.author, 'Polar Post newsroom', "the feed's authors when the item has none");
});

test('JSON Feed 1.0 quirks: numeric ids, external_url, tags as a string, relative URL, bad date, junk items', () => {
  const feed = feedOf('json-feed-1.0-quirks.json', 'https://brief.example.io/feed.json');
  assert.deepEqual(feed.items.map((i) => [i.id, i.url, i.kind, i.published]), [
    ['1042', 'https://brief.example.io/analysis/alaska-what-next', 'analysis', '2025-08-16T10:00:00.000Z'],
    ['1043', 'https://brief.example.io/brief/1043', 'report', null],
  ]);
  assert.equal(feed.items[0]?.title, 'What comes after Anchorage — three scenarios.', 'an empty title falls back to the text');
});

test('malformed and foreign documents are errors, not empty feeds', () => {
  const bad = parseFeed(decodeFeedBytes(fixture('bad-mismatched.xml'), null));
  assert.deepEqual(bad, { ok: false, error: 'malformed XML: line 5: </title> does not close <b>' });
  assert.match((parseFeed('{"items": [') as { error: string }).error, /^malformed JSON/);
  assert.match((parseFeed('{"items": []}') as { error: string }).error, /JSON Feed version/);
  assert.match((parseFeed('<html><body></body></html>') as { error: string }).error, /root is <html>/);
  assert.match((parseFeed('<rss><channel>') as { error: string }).error, /never closed/);
  assert.match((parseFeed('<rss/><rss/>') as { error: string }).error, /more than one root/);
  assert.match((parseFeed('<rss><!-- open') as { error: string }).error, /unclosed comment/);
  assert.match((parseFeed('Not found') as { error: string }).error, /neither XML nor JSON/);
});

test('input and item counts are bounded', () => {
  assert.match((parseFeed('<rss/>'.padEnd(2000), { maxChars: 1000 }) as { error: string }).error, /too large/);
  const items = Array.from({ length: 20 }, (_, i) => `<item><title>T${i}</title></item>`).join('');
  const result = parseFeed(`<rss version="2.0"><channel>${items}</channel></rss>`, { maxItems: 5 });
  assert.equal(result.ok && result.feed.items.length, 5);
});

test('the charset of the Content-Type header wins over the XML declaration', () => {
  const bytes = new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Café</title></channel></rss>');
  const result = parseFeed(decodeFeedBytes(bytes, 'application/rss+xml; charset=utf-8'));
  assert.equal(result.ok && result.feed.title, 'Café');
});

test("an aggregator's RSS: the outlet from <source>, the headline without it, a description of links only is no lead", () => {
  const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Top stories - Hub News</title><link>https://hub.example/</link>
<item><title>Ferry fares rise by five percent - The Daily Meridian</title><link>https://hub.example/articles/a1?oc=5</link>
<guid isPermaLink="false">a1</guid><pubDate>Tue, 02 Sep 2025 07:00:00 GMT</pubDate>
<description>&lt;ol&gt;&lt;li&gt;&lt;a href="https://hub.example/articles/a1"&gt;Ferry fares rise by five percent&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font color="#6f6f6f"&gt;The Daily Meridian&lt;/font&gt;&lt;/li&gt;&lt;li&gt;&lt;a href="https://hub.example/articles/a2"&gt;Island commuters object to fare rise&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font color="#6f6f6f"&gt;Harbour Post&lt;/font&gt;&lt;/li&gt;&lt;/ol&gt;</description>
<source url="https://www.dailymeridian.example">The Daily Meridian</source></item>
<item><title>Council - budget - The Courier | Evening</title><link>https://hub.example/articles/b1</link>
<description>The council voted &lt;a href="https://courier.example/b"&gt;on Tuesday&lt;/a&gt; to extend library hours.</description>
<source url="/outlets/courier">The Courier | Evening</source></item>
<item><title>Heatwave warning for the coast</title><link>https://hub.example/articles/c1</link><source>Harbour Post</source></item>
<item><title>- The Daily Meridian</title><link>https://hub.example/articles/d1</link><source url="javascript:alert(1)">The Daily Meridian</source></item>
</channel></rss>`;
  const result = parseFeed(xml, { url: 'https://hub.example/rss' });
  assert.ok(result.ok);
  const [fares, council, heat, bare] = result.feed.items;
  assert.equal(fares?.title, 'Ferry fares rise by five percent');
  assert.deepEqual(fares?.source, { name: 'The Daily Meridian', url: 'https://www.dailymeridian.example/' });
  assert.equal(fares?.summary, '', "the aggregator's list of headlines is not this report's lead");
  assert.equal(council?.title, 'Council - budget', 'only the outlet name at the end goes, with its separator');
  assert.deepEqual(council?.source, { name: 'The Courier | Evening', url: 'https://hub.example/outlets/courier' }, 'a relative source address is resolved');
  assert.equal(council?.summary, 'The council voted on Tuesday to extend library hours.', 'a lead with a link in it is a lead');
  assert.deepEqual(heat?.source, { name: 'Harbour Post', url: null });
  assert.equal(heat?.title, 'Heatwave warning for the coast');
  assert.equal(bare?.title, '- The Daily Meridian', 'a headline that is only the outlet stays whole');
  assert.deepEqual(bare?.source, { name: 'The Daily Meridian', url: null }, 'only http(s) addresses');
});

test("an aggregated Atom entry's <source>: its title and alternate link; an entry without one has none", () => {
  const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Planet News</title><link href="https://planet.example/"/>
<entry><title>Ferry fares rise by five percent</title><link href="https://dailymeridian.example/ferry"/><id>urn:1</id>
<source><id>urn:meridian</id><title type="html">The Daily &lt;b&gt;Meridian&lt;/b&gt;</title><link rel="self" href="https://dailymeridian.example/feed.atom"/><link rel="alternate" href="https://dailymeridian.example/"/></source></entry>
<entry><title>Heatwave warning for the coast</title><link href="https://planet.example/heat"/><id>urn:2</id></entry></feed>`;
  const result = parseFeed(xml);
  assert.ok(result.ok);
  const [fares, heat] = result.feed.items;
  assert.deepEqual(fares?.source, { name: 'The Daily Meridian', url: 'https://dailymeridian.example/' });
  assert.equal(heat && 'source' in heat, false);
});

test("a feed proxy's tracking link gives way to the article's own address (FeedBurner's origLink), in RSS and Atom", () => {
  const rss = `<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel><title>The Courier</title><link>https://courier.example/</link>
<item><title>Ferry fares rise</title><link>http://feedproxy.example/~r/courier/~3/abc/</link><feedburner:origLink>https://courier.example/ferry-fares?utm_source=feedburner</feedburner:origLink></item>
<item><title>Heatwave warning</title><link>https://courier.example/heat</link></item></channel></rss>`;
  const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:fb="http://rssnamespace.org/feedburner/ext/1.0"><title>Harbour Post</title>
<entry><title>Ferry fares rise</title><link rel="alternate" href="http://feedproxy.example/~r/harbour/~3/xyz/"/><id>urn:1</id><fb:origLink>https://harbour.example/ferry</fb:origLink></entry></feed>`;
  const fromRss = parseFeed(rss);
  const fromAtom = parseFeed(atom);
  assert.ok(fromRss.ok && fromAtom.ok);
  assert.deepEqual(fromRss.feed.items.map((i) => i.url), ['https://courier.example/ferry-fares', 'https://courier.example/heat']);
  assert.equal(fromAtom.feed.items[0]?.url, 'https://harbour.example/ferry');
});

test('items a feed gives one id are told apart by their address; an item listed twice is kept once', () => {
  const item = (guid: string, link: string | null, title: string): string => `<item><title>${title}</title>${link ? `<link>${link}</link>` : ''}<guid isPermaLink="false">${guid}</guid></item>`;
  const xml = `<rss version="2.0"><channel><title>The Courier</title><link>https://courier.example/</link>${[
    item('https://courier.example/', 'https://courier.example/ferry', 'Ferry fares rise'),
    item('https://courier.example/', 'https://courier.example/heat', 'Heatwave warning'),
    item('https://courier.example/', 'https://courier.example/ferry', 'Ferry fares rise'),
    item('https://courier.example/', null, 'Library hours extended'),
    item('own-id', 'https://courier.example/budget', 'Council budget'),
  ].join('')}</channel></rss>`;
  const result = parseFeed(xml);
  assert.ok(result.ok);
  assert.deepEqual(result.feed.items.map((i) => [i.id, i.title]), [
    ['https://courier.example/ferry', 'Ferry fares rise'],
    ['https://courier.example/heat', 'Heatwave warning'],
    ['https://courier.example/#3', 'Library hours extended'],
    ['own-id', 'Council budget'],
  ]);
});

test('a UTF-8 feed its server calls ISO-8859-1 reads as UTF-8; a Latin-1 one stays Latin-1; a byte order mark wins', () => {
  const utf8 = new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?><rss><channel><title>Café – Zürich</title></channel></rss>');
  const title = (bytes: Uint8Array, type: string | null): string | null => {
    const result = parseFeed(decodeFeedBytes(bytes, type));
    return result.ok ? result.feed.title : null;
  };
  assert.equal(title(utf8, 'text/xml; charset=ISO-8859-1'), 'Café – Zürich', 'the default a server names, over UTF-8 bytes');
  assert.equal(title(utf8, 'text/xml; charset=windows-1252'), 'Café – Zürich');
  const latin1 = Uint8Array.from([...'<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x20, 0xa3, 0x35], [...'</title></channel></rss>'].map((c) => c.charCodeAt(0))));
  assert.equal(title(latin1, null), 'Café £5', 'bytes that are not UTF-8 are read as declared');
  assert.equal(title(latin1, 'text/xml; charset=iso-8859-1'), 'Café £5');
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
  assert.equal(title(bom, 'text/xml; charset=koi8-r'), 'Café – Zürich', 'a byte order mark wins over any name');
});
