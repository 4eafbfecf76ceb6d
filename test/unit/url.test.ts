import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cleanUrl, displayHost, keyAndHost, MAX_URL_CHARS, urlKey } from '../../src/formats/url';

test('cleanUrl strips tracking parameters and the fragment, keeps the rest', () => {
  assert.equal(
    cleanUrl('https://www.example.com/news/a?id=7&utm_source=x&fbclid=abc&ref=home#comments'),
    'https://www.example.com/news/a?id=7',
  );
  assert.equal(cleanUrl('/b/c?gclid=1', 'https://news.example.org/a/'), 'https://news.example.org/b/c');
});

test('cleanUrl refuses what is not http(s)', () => {
  assert.equal(cleanUrl('javascript:alert(1)'), null);
  assert.equal(cleanUrl('ftp://example.com/a'), null);
  assert.equal(cleanUrl('not a url'), null);
});

test('urlKey gives one key to every address of the same article', () => {
  const key = urlKey('https://example.com/world/summit');
  assert.equal(key, 'example.com/world/summit');
  for (const variant of [
    'http://www.example.com/world/summit/',
    'https://m.example.com/world/summit?utm_campaign=a#top',
    'https://amp.example.com/world/summit',
    'https://example.com/world/summit/amp',
    'https://example.com/world/summit.amp',
    'https://example.com/world/summit/index.html',
    'https://example-com.cdn.ampproject.org/c/s/example.com/world/summit',
  ]) {
    assert.equal(urlKey(variant), key, variant);
  }
});

test('urlKey keeps parameters that identify the document, in a stable order', () => {
  assert.equal(urlKey('https://example.com/story?b=2&a=1'), urlKey('https://example.com/story?a=1&b=2'));
  assert.notEqual(urlKey('https://example.com/story?id=1'), urlKey('https://example.com/story?id=2'));
  assert.notEqual(urlKey('https://example.com/a'), urlKey('https://example.org/a'));
});

test('displayHost drops www only', () => {
  assert.equal(displayHost('https://www.7news.com.au/politics/x'), '7news.com.au');
  assert.equal(displayHost('mailto:a@b.c'), null);
});

test('urlKey unwraps the AMP cache once: a cache URL inside one is keyed as that inner cache URL', () => {
  assert.equal(urlKey('https://example-com.cdn.ampproject.org/c/s/example.com/a'), 'example.com/a');
  // Unwrapping every level re-parsed the rest of the URL each time: quadratic, then a stack overflow.
  assert.equal(urlKey('https://a.cdn.ampproject.org/s/a.cdn.ampproject.org/s/example.com/a'), 'a.cdn.ampproject.org/s/example.com/a');
  const nested = (n: number) => `https://a.cdn.ampproject.org${'/s/a.cdn.ampproject.org'.repeat(n)}/x`;
  assert.equal(urlKey(nested(170)), `a.cdn.ampproject.org${'/s/a.cdn.ampproject.org'.repeat(169)}/x`);
});

test('urlKey refuses a URL longer than MAX_URL_CHARS, before parsing it', () => {
  const at = (length: number) => `https://example.com/${'a'.repeat(length - 'https://example.com/'.length)}`;
  assert.equal(urlKey(at(MAX_URL_CHARS)), `example.com/${'a'.repeat(MAX_URL_CHARS - 'https://example.com/'.length)}`);
  assert.equal(urlKey(at(MAX_URL_CHARS + 1)), null);
  // 92 KB of nested AMP cache took the old code about a second; 368 KB overflowed its stack.
  const start = performance.now();
  for (const n of [4_000, 16_000]) assert.equal(urlKey(`https://a.cdn.ampproject.org${'/s/a.cdn.ampproject.org'.repeat(n)}/x`), null);
  assert.ok(performance.now() - start < 100, 'refused at once');
});

test('keyAndHost parses once and gives exactly urlKey and displayHost', () => {
  const hosts = fc.constantFrom('www.example.com', 'm.example.com', 'amp.news.example', 'WWW2.Example.org', 'a.cdn.ampproject.org', 'example.com:8080');
  const paths = fc.array(fc.constantFrom('story', 'amp', 'index.html', 'a.amp.html', 's', 'c', '', '%41', 'x y'), { maxLength: 5 });
  const queries = fc.array(fc.tuple(fc.constantFrom('utm_source', 'id', 'amp', 'b', 'a', 'ref'), fc.string({ maxLength: 4 })), { maxLength: 4 });
  const address = fc.tuple(fc.constantFrom('https://', 'http://', 'ftp://', ''), hosts, paths, queries, fc.constantFrom('', '#top')).map(
    ([scheme, host, path, query, hash]) => `${scheme}${host}/${path.join('/')}${query.length ? `?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : ''}${hash}`,
  );
  fc.assert(
    fc.property(fc.oneof(address, fc.string({ maxLength: 40 })), (raw) => {
      const both = keyAndHost(raw);
      const host = displayHost(raw);
      if (host === null) return both === null;
      return both !== null && both.key === urlKey(raw) && both.host === host;
    }),
    { numRuns: 2000 },
  );
  const long = `https://example.com/${'a'.repeat(MAX_URL_CHARS)}`;
  assert.deepEqual(keyAndHost(long), { key: null, host: 'example.com' });
});
