// Feeds written by hand or by old CMSes in markup strict XML refuses or reads empty: attribute
// values without quotes and attributes without values (as HTML writes them), element names in
// upper or mixed case, and a ticker escaped into an RSS title ("Apple &lt;AAPL.O&gt;").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseFeed, type Feed } from '../../../src/formats/feeds';
import { parseXml } from '../../../src/formats/feeds/xml';
import { RUNS } from '../fuzz/arbitraries';

function feedOf(text: string, url: string | null = 'https://harbour.example/feed.xml'): Feed {
  const result = parseFeed(text, { url });
  if (!result.ok) throw new Error(result.error);
  return result.feed;
}

const rssItems = (items: string, channelTitle = 'Harbour Post'): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${channelTitle}</title><link>https://harbour.example/</link>${items}</channel></rss>`;

test('attribute values without quotes are read to the next space or the tag\'s end; "/>" still closes the element', () => {
  const atom = `<feed xmlns=http://www.w3.org/2005/Atom><title>Harbour Post</title><link href=https://harbour.example/ rel=alternate/>
<entry><title type=text>Storm batters coast</title><link href=https://x.example/a rel=alternate/><id>urn:1</id><updated>2024-01-15T10:00:00Z</updated></entry>
<entry><title>Ferry fares rise</title><link rel=alternate type=text/html href=/ferry?id=7&amp;page=2 /><id>urn:2</id></entry></feed>`;
  const feed = feedOf(atom);
  assert.equal(feed.homeUrl, 'https://harbour.example/');
  assert.deepEqual(feed.items.map((i) => [i.title, i.url, i.published]), [
    ['Storm batters coast', 'https://x.example/a', '2024-01-15T10:00:00.000Z'],
    ['Ferry fares rise', 'https://harbour.example/ferry?id=7&page=2', null],
  ]);
  const rss = rssItems(
    '<item><title>Storm batters coast</title><guid isPermaLink=false>https://harbour.example/storm</guid><category domain=section>Coast</category></item>' +
      "<item><title>Bridge reopens</title><guid isPermaLink='true'>/bridge</guid><enclosure url=https://harbour.example/a.mp3 length=12 type=audio/mpeg/></item>",
  );
  assert.deepEqual(feedOf(rss).items.map((i) => [i.id, i.url, i.section]), [
    ['https://harbour.example/storm', null, 'Coast'],
    ['/bridge', 'https://harbour.example/bridge', null],
  ]);
});

test('a bare value reads as the same value quoted: any characters but white space, quotes, "<", ">" and a final "/"', () => {
  const bare = fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).filter((v) => !/[\s"'<>]/.test(v) && !v.endsWith('/'));
  fc.assert(
    fc.property(bare, fc.boolean(), (value, selfClosing) => {
      const end = selfClosing ? '/>' : '></a>';
      const read = parseXml(`<a v=${value} w=${value}${end}`);
      assert.deepEqual(read.attrs, parseXml(`<a v="${value}" w='${value}'${end}`).attrs);
      assert.equal(read.nodes.length, 0);
    }),
    { numRuns: RUNS },
  );
});

test('attributes without a value are read as HTML reads them, as empty; an empty value before the tag\'s end too', () => {
  const rss = rssItems(
    '<item hidden><title>Storm batters coast</title><link>https://harbour.example/storm</link><guid isPermaLink>https://harbour.example/storm-guid</guid></item>' +
      '<item><title>Ferry fares rise</title><guid isPermaLink=>ferry-7</guid><enclosure url= /></item>',
  );
  assert.deepEqual(feedOf(rss).items.map((i) => [i.id, i.url]), [
    ['https://harbour.example/storm-guid', 'https://harbour.example/storm'],
    ['ferry-7', null],
  ]);
});

test('RSS element and attribute names in upper or mixed case are read; end tags may differ in case from their start tags', () => {
  const xml = `<?xml version="1.0"?><RSS VERSION="0.91"><CHANNEL><TITLE>Harbour Post</TITLE><LINK>https://harbour.example/</LINK>
<ITEM><Title>Storm batters coast</Title><Link>https://harbour.example/storm</Link><Description>Waves &lt;B&gt;topped&lt;/B&gt; the wall.</Description>
<PubDate>Mon, 15 Jan 2024 10:00:00 GMT</PubDate><GUID ISPERMALINK="false">storm-1</GUID><Category Domain="section">Coast</Category><Author>desk@harbour.example (Harbour desk)</Author></ITEM>
<item><title>Ferry fares rise</TITLE><pubdate>Tue, 16 Jan 2024 10:00:00 GMT</PUBDATE><Guid>https://harbour.example/ferry</Guid></Item>
</CHANNEL></rss>`;
  const feed = feedOf(xml);
  assert.equal(feed.title, 'Harbour Post');
  assert.equal(feed.homeUrl, 'https://harbour.example/');
  assert.deepEqual(feed.items.map((i) => [i.id, i.url, i.title, i.summary, i.published, i.section, i.author]), [
    ['storm-1', 'https://harbour.example/storm', 'Storm batters coast', 'Waves topped the wall.', '2024-01-15T10:00:00.000Z', 'Coast', 'Harbour desk'],
    ['https://harbour.example/ferry', 'https://harbour.example/ferry', 'Ferry fares rise', '', '2024-01-16T10:00:00.000Z', null, null],
  ]);
});

test('names in a namespace keep their case: the vocabulary spells them (rdf:RDF, dc:creator); end tags must still match', () => {
  const dc = rssItems('<item xmlns:dc="http://purl.org/dc/elements/1.1/"><title>Storm</title><dc:Creator>Not read</dc:Creator><dc:creator>Harbour desk</dc:creator></item>');
  assert.equal(feedOf(dc).items[0]?.author, 'Harbour desk');
  const rdf = '<rdf:rdf xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><title>x</title></item></rdf:rdf>';
  assert.match(String((parseFeed(rdf) as { error?: string }).error), /^not a feed/);
  assert.match(String((parseFeed(rssItems('<item><title>Storm</link></item>')) as { error?: string }).error), /^malformed XML: .*<\/link> does not close <title>/);
});

test('an RSS title keeps escaped "tags" that are no HTML element (a ticker, a type parameter); HTML in it is still read as HTML', () => {
  const feed = feedOf(
    rssItems(
      '<item><title>Apple &lt;AAPL.O&gt; beats forecasts</title><link>https://harbour.example/1</link></item>' +
        '<item><title>&lt;b&gt;Bold&lt;/b&gt; news</title><link>https://harbour.example/2</link></item>' +
        '<item><title>Sprint &lt;S.N&gt; and Berkshire &lt;BRK.A&gt; slip</title><link>https://harbour.example/3</link></item>' +
        '<item><title>Why Vector&lt;int&gt; is slow</title><link>https://harbour.example/4</link></item>' +
        '<item><title>Storm &lt;FONT color="red"&gt;batters&lt;/FONT&gt;&lt;br/&gt;coast</title><link>https://harbour.example/5</link></item>' +
        '<item><title><![CDATA[Markets <i>rally</i> as <NYSE> opens]]></title><link>https://harbour.example/6</link>' +
        '<description>&lt;custom-box&gt;Lead.&lt;/custom-box&gt;</description></item>',
      'Wire &lt;Reuters&gt; &amp;amp; &lt;b&gt;Co&lt;/b&gt;',
    ),
  );
  assert.equal(feed.title, 'Wire <Reuters> & Co');
  assert.deepEqual(feed.items.map((i) => i.title), [
    'Apple <AAPL.O> beats forecasts',
    'Bold news',
    'Sprint <S.N> and Berkshire <BRK.A> slip',
    'Why Vector<int> is slow',
    'Storm batters coast',
    'Markets rally as <NYSE> opens',
  ]);
  assert.equal(feed.items[5]?.summary, 'Lead.', 'a summary is HTML whatever its tags: every tag is left out');
});
