// An item's page when its feed names it in a less common way: a relative guid that says it is a
// permalink, an Atom entry whose only address is its id, a link relation in its IANA form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '../../src/formats/feeds';

const rssItems = (items: string): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Post</title><link>https://harbour.example/</link>${items}</channel></rss>`;
const atomEntries = (entries: string): string =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Post</title><link href="https://harbour.example/"/><id>tag:harbour.example,2024:feed</id>${entries}</feed>`;
const urls = (xml: string): (string | null)[] => {
  const parsed = parseFeed(xml, { url: 'https://harbour.example/feed.xml' });
  assert.ok(parsed.ok);
  return parsed.feed.items.map((i) => i.url);
};

test('an RSS guid that says it is a permalink is the item’s page, resolved as links are; an opaque guid is not', () => {
  assert.deepEqual(
    urls(
      rssItems(
        '<item><title>Storm batters coast</title><guid isPermaLink="true">/2024/storm</guid></item>' +
          '<item><title>Ferry fares rise</title><guid>12345</guid></item>' +
          '<item><title>Bridge reopens</title><guid>https://harbour.example/2024/bridge</guid></item>' +
          '<item><title>Council meets</title><guid isPermaLink="false">https://harbour.example/2024/council</guid></item>',
      ),
    ),
    ['https://harbour.example/2024/storm', null, 'https://harbour.example/2024/bridge', null],
  );
});

test('an Atom entry with no alternate link is at its id when that is a web address; an IANA-form relation is an alternate link', () => {
  assert.deepEqual(
    urls(
      atomEntries(
        '<entry><title>Storm batters coast</title><id>https://harbour.example/2024/storm</id><updated>2024-01-15T10:00:00Z</updated></entry>' +
          '<entry><title>Ferry fares rise</title><id>tag:harbour.example,2024:ferry</id><updated>2024-01-15T10:00:00Z</updated></entry>' +
          '<entry><title>Bridge reopens</title><id>tag:harbour.example,2024:bridge</id><link rel="http://www.iana.org/assignments/relation/alternate" href="https://harbour.example/2024/bridge"/><updated>2024-01-15T10:00:00Z</updated></entry>',
      ),
    ),
    ['https://harbour.example/2024/storm', null, 'https://harbour.example/2024/bridge'],
  );
});

test('an Atom title said to be plain text keeps what looks like a tag; one left unsaid is read as HTML', () => {
  const xml = atomEntries(
    '<entry><title type="text">Apple &lt;AAPL.O&gt; shares rise</title><id>https://harbour.example/a</id><updated>2024-01-15T10:00:00Z</updated></entry>' +
      '<entry><title>Storm &lt;b&gt;batters&lt;/b&gt; coast</title><id>https://harbour.example/b</id><updated>2024-01-15T10:00:00Z</updated></entry>',
  );
  const parsed = parseFeed(xml, { url: 'https://harbour.example/feed.xml' });
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.feed.items.map((i) => i.title), ['Apple <AAPL.O> shares rise', 'Storm batters coast']);
});
