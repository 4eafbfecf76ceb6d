// Feed discovery: the generic XML and RDF types sites still declare feeds with, JSON only when the
// link says it is a feed (WordPress declares its REST API as application/json), and no link that
// is only text inside an inline script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { discoverFeeds } from '../../src/formats/feeds';
import { assertLinear, repeat } from './fuzz/growth';

const page = 'https://www.meridian.example/page';
const urls = (head: string): [string, string][] => discoverFeeds(`<html><head>${head}</head><body></body></html>`, page).map((f) => [f.url, f.dialect]);

test('text/xml, application/xml and application/rdf+xml are feeds; application/json when it says "feed"', () => {
  assert.deepEqual(
    urls(
      '<link rel="alternate" type="text/xml" title="RSS" href="/rss.xml">' +
        '<link rel="alternate" type="application/xml" href="/rss2.xml">' +
        '<link rel="alternate" type="application/rdf+xml" href="/index.rdf">' +
        '<link rel="alternate" type="application/json" title="JSON Feed" href="/feed.json">' +
        '<link rel="alternate" type="application/json" href="/feeds/main.json">' +
        '<link rel="alternate" type="application/json" href="https://www.meridian.example/wp-json/wp/v2/posts/42">' +
        '<link rel="alternate" type="text/xml+oembed" href="/oembed?format=xml">',
    ),
    [
      ['https://www.meridian.example/rss.xml', 'rss'],
      ['https://www.meridian.example/rss2.xml', 'rss'],
      ['https://www.meridian.example/index.rdf', 'rss'],
      ['https://www.meridian.example/feed.json', 'json'],
      ['https://www.meridian.example/feeds/main.json', 'json'],
    ],
  );
});

test('a link inside an inline script is no link; one after the script is', () => {
  assert.deepEqual(
    urls(
      `<script>var s='<link rel="alternate" type="application/rss+xml" href="/inscript.xml">';</script>` +
        `<SCRIPT type="text/template"><link rel="alternate" type="application/atom+xml" href="/template.xml"></SCRIPT >` +
        '<link rel="alternate" type="application/rss+xml" href="/real.xml">' +
        '<script src="/app.js"></script><link rel="alternate" type="application/atom+xml" href="/after.xml">',
    ),
    [
      ['https://www.meridian.example/real.xml', 'rss'],
      ['https://www.meridian.example/after.xml', 'atom'],
    ],
  );
  // A script left open hides the rest of the page, as it does in HTML.
  assert.deepEqual(urls('<script>var x = 1; <link rel="alternate" type="application/rss+xml" href="/x.xml">'), []);
});

test('scripts and comments are skipped in linear time', () => {
  const link = '<link rel="alternate" type="application/rss+xml" href="/a.xml">';
  assertLinear('discoverFeeds', (html: string) => discoverFeeds(html, page), {
    'scripts left open': repeat('<script>'),
    'script closers': repeat('</script><script>'),
    'comments in scripts': repeat(`<script><!--${link}</script>`),
  }, 20_000);
});
