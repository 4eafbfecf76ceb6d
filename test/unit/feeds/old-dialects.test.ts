// Feed dialects older than RSS 2.0 and Atom 1.0 that blogs and old CMSes still serve: Atom 0.3 (its
// draft, in its own namespace, with other names for its dates and `mode` for its content), RSS
// 0.90 (RDF, items beside the channel as in RSS 1.0), and RSS 0.91/0.92 (RSS 2.0's elements, fewer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed, type Feed } from '../../../src/formats/feeds';

function feedOf(text: string, url: string | null = null): Feed {
  const result = parseFeed(text, { url });
  if (!result.ok) throw new Error(result.error);
  return result.feed;
}

const ATOM_03 = `<?xml version="1.0" encoding="utf-8"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#" xml:lang="en">
  <title>Harbour Post</title>
  <tagline>News from the harbour, since 1998</tagline>
  <link rel="alternate" type="text/html" href="https://harbour.example/"/>
  <modified>2005-07-16T10:00:00Z</modified>
  <author><name>Harbour desk</name></author>
  <entry>
    <title>Storm batters coast</title>
    <link rel="service.edit" type="application/x.atom+xml" href="https://harbour.example/edit/1"/>
    <link rel="alternate" type="text/html" href="https://harbour.example/2005/07/storm"/>
    <id>tag:harbour.example,2005:storm</id>
    <issued>2005-07-15T09:30:00-04:00</issued>
    <modified>2005-07-15T16:00:00Z</modified>
    <created>2005-07-15T13:10:00Z</created>
    <content type="text/html" mode="escaped">&lt;p&gt;Waves &lt;b&gt;topped&lt;/b&gt; the sea wall overnight.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title mode="escaped" type="text/html">Ferry fares &lt;em&gt;rise&lt;/em&gt;</title>
    <link rel="alternate" type="text/html" href="https://harbour.example/2005/07/ferry"/>
    <id>tag:harbour.example,2005:ferry</id>
    <modified>2005-07-14T08:00:00Z</modified>
    <created>2005-07-14T07:00:00Z</created>
    <summary>Five percent from August.</summary>
    <content type="image/png" mode="base64">iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==</content>
  </entry>
  <entry>
    <title type="text/plain">The &lt;p&gt; element, explained</title>
    <link rel="alternate" type="text/html" href="https://harbour.example/2005/07/bridge"/>
    <id>tag:harbour.example,2005:bridge</id>
    <modified>2005-07-13T08:00:00Z</modified>
    <content type="text/html" mode="base64">PHA+QnJpZGdlIHJlb3BlbnM8L3A+</content>
  </entry>
  <entry>
    <title>Council meets</title>
    <link rel="alternate" type="text/html" href="https://harbour.example/2005/07/council"/>
    <id>tag:harbour.example,2005:council</id>
    <created>2005-07-12T08:00:00Z</created>
    <content type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First item.</p><p>Second item.</p></div></content>
  </entry>
</feed>`;

test('Atom 0.3: its namespace, alternate links, issued before created before modified, escaped content, base64 content as none', () => {
  const feed = feedOf(ATOM_03, 'https://harbour.example/atom.xml');
  assert.equal(feed.dialect, 'atom');
  assert.equal(feed.title, 'Harbour Post', 'the title, not the tagline');
  assert.equal(feed.homeUrl, 'https://harbour.example/');
  assert.deepEqual(
    feed.items.map((i) => [i.id, i.url, i.title, i.summary, i.published, i.author]),
    [
      ['tag:harbour.example,2005:storm', 'https://harbour.example/2005/07/storm', 'Storm batters coast', 'Waves topped the sea wall overnight.', '2005-07-15T13:30:00.000Z', 'Harbour desk'],
      ['tag:harbour.example,2005:ferry', 'https://harbour.example/2005/07/ferry', 'Ferry fares rise', 'Five percent from August.', '2005-07-14T07:00:00.000Z', 'Harbour desk'],
      // Base64 is no text to show: the entry has no summary rather than a line of base64.
      ['tag:harbour.example,2005:bridge', 'https://harbour.example/2005/07/bridge', 'The <p> element, explained', '', '2005-07-13T08:00:00.000Z', 'Harbour desk'],
      ['tag:harbour.example,2005:council', 'https://harbour.example/2005/07/council', 'Council meets', 'First item. Second item.', '2005-07-12T08:00:00.000Z', 'Harbour desk'],
    ],
  );
});

test('Atom 0.3 written without its namespace (version="0.3" alone) is read too; a bare <feed> is still no feed', () => {
  const bare = ATOM_03.replace(' xmlns="http://purl.org/atom/ns#"', '');
  assert.deepEqual(feedOf(bare).items.map((i) => i.url), feedOf(ATOM_03).items.map((i) => i.url));
  const unversioned = parseFeed(bare.replace(' version="0.3"', ''));
  assert.equal(unversioned.ok, false);
});

test('RSS 0.90: the Netscape namespace, items beside the channel', () => {
  const xml = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
  <channel>
    <title>Harbour Post</title>
    <link>https://harbour.example/</link>
    <description>News from the harbour</description>
  </channel>
  <image><title>Harbour Post</title><url>https://harbour.example/logo.gif</url><link>https://harbour.example/</link></image>
  <item><title>Storm batters coast</title><link>https://harbour.example/storm</link></item>
  <item><title>Ferry fares rise</title><link>/ferry</link></item>
  <textinput><title>Search</title><description>Search the archive</description><name>q</name><link>https://harbour.example/search</link></textinput>
</rdf:RDF>`;
  const feed = feedOf(xml);
  assert.equal(feed.dialect, 'rss');
  assert.equal(feed.title, 'Harbour Post');
  assert.equal(feed.homeUrl, 'https://harbour.example/');
  assert.deepEqual(feed.items.map((i) => [i.title, i.url]), [
    ['Storm batters coast', 'https://harbour.example/storm'],
    ['Ferry fares rise', 'https://harbour.example/ferry'],
  ]);
});

test("RSS 0.91 (Netscape's DOCTYPE, no guid, no dates) and 0.92 (items with only a description) are read as RSS 2.0 is", () => {
  const v091 = `<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Harbour Post</title><link>https://harbour.example/</link><description>News</description><language>en-us</language>
<item><title>Storm batters coast</title><link>https://harbour.example/storm</link><description>Waves topped the sea wall.</description></item>
</channel></rss>`;
  const v092 = `<?xml version="1.0"?><rss version="0.92"><channel><title>Harbour Post</title><link>https://harbour.example/</link><description>News</description>
<item><description>Ferry fares rise by five percent from August.</description><category domain="https://harbour.example/sections">World</category><enclosure url="https://harbour.example/a.mp3" length="1200" type="audio/mpeg"/></item>
<item><title>Bridge reopens</title><link>https://harbour.example/bridge</link><source url="https://courier.example/rss">The Courier</source></item>
</channel></rss>`;
  assert.deepEqual(feedOf(v091).items.map((i) => [i.id, i.url, i.title, i.summary, i.published]), [
    ['https://harbour.example/storm', 'https://harbour.example/storm', 'Storm batters coast', 'Waves topped the sea wall.', null],
  ]);
  const [fares, bridge] = feedOf(v092).items;
  assert.equal(fares?.title, 'Ferry fares rise by five percent from August.', 'the description stands for the missing title');
  assert.deepEqual(fares?.categories, ['World']);
  assert.deepEqual(bridge?.source, { name: 'The Courier', url: 'https://courier.example/rss' });
});
