// fetchSource against a real local server: conditional requests, redirect chains and caps, huge and
// slow bodies, HTTP errors, and the network log entry written for every request.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fetchSource } from '../../../src/background/sources/source-fetch';
import { sourcePermission, type NetworkLogEntry } from '../../../src/formats/source-request';
import { decodeFeedBytes, parseFeed } from '../../../src/formats/feeds';
import { answer, startServer, type LocalServer } from './local-server';

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title><item><title>One</title><link>/one</link></item></channel></rss>';
const LAST_MODIFIED = 'Sat, 16 Aug 2025 07:00:00 GMT';
let server: LocalServer;

before(async () => {
  server = await startServer({
    '/feed.xml': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] === LAST_MODIFIED) res.writeHead(304).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': LAST_MODIFIED }).end(RSS);
    },
    '/moved': answer(301, { location: '/moved-again' }),
    '/moved-again': answer(302, { location: '/feed.xml' }),
    '/loop': answer(302, { location: '/loop' }),
    '/to-ftp': answer(302, { location: 'ftp://127.0.0.1/feed.xml' }),
    '/bad.xml': answer(200, { 'content-type': 'application/xml' }, '<rss><channel><title>Broken</channel></rss>'),
    '/gone': answer(410, {}, 'gone'),
    '/huge': (_req, res) => {
      // No Content-Length: the cap has to act while streaming. 64 KiB every 5 ms, forever.
      res.writeHead(200, { 'content-type': 'application/xml' });
      const chunk = Buffer.alloc(65_536, 'a');
      const timer = setInterval(() => res.write(chunk), 5);
      res.on('close', () => clearInterval(timer));
    },
    '/huge-declared': answer(200, { 'content-length': '900000000' }, ''),
    '/slow': (_req, res) => {
      const timer = setTimeout(() => res.writeHead(200).end(RSS), 5_000);
      res.on('close', () => clearTimeout(timer));
    },
  });
});
after(() => server.close());

test('200 returns the body, validators and final URL; a request with validators gets 304', async () => {
  const log: NetworkLogEntry[] = [];
  const fresh = await fetchSource({ url: server.url('/feed.xml'), purpose: 'feed' }, { log: (e) => log.push(e) });
  assert.equal(fresh.status, 'fresh');
  if (fresh.status !== 'fresh') return;
  assert.equal(fresh.etag, '"v1"');
  assert.equal(fresh.lastModified, LAST_MODIFIED);
  assert.equal(fresh.finalUrl, server.url('/feed.xml'));
  assert.equal(new TextDecoder().decode(fresh.body), RSS);
  assert.deepEqual(log.map((e) => [e.url, e.status, e.outcome, e.bytes, e.purpose]), [[server.url('/feed.xml'), 200, 'fresh', RSS.length, 'feed']]);

  const byEtag = await fetchSource({ url: server.url('/feed.xml'), purpose: 'feed', etag: fresh.etag }, { log: (e) => log.push(e) });
  const byDate = await fetchSource({ url: server.url('/feed.xml'), purpose: 'feed', lastModified: LAST_MODIFIED });
  assert.equal(byEtag.status, 'not-modified');
  assert.equal(byDate.status, 'not-modified');
  assert.equal(log.at(-1)?.outcome, 'not-modified');
  const sent = server.requests.filter((r) => r.path === '/feed.xml').map((r) => [r.headers['if-none-match'], r.headers['if-modified-since'], r.headers['cookie']]);
  assert.deepEqual(sent.slice(-3), [[undefined, undefined, undefined], ['"v1"', undefined, undefined], [undefined, LAST_MODIFIED, undefined]]);
});

test('a 301 → 302 chain is followed and each hop is logged; loops and non-http targets stop', async () => {
  const log: NetworkLogEntry[] = [];
  const moved = await fetchSource({ url: server.url('/moved'), purpose: 'feed' }, { log: (e) => log.push(e) });
  assert.equal(moved.status === 'fresh' && moved.finalUrl, server.url('/feed.xml'));
  assert.deepEqual(log.map((e) => [e.status, e.outcome]), [[301, 'redirect'], [302, 'redirect'], [200, 'fresh']]);

  const loop = await fetchSource({ url: server.url('/loop'), purpose: 'feed' }, { maxRedirects: 3 });
  assert.deepEqual(loop, { status: 'error', reason: 'too-many-redirects', message: 'more than 3 redirects' });
  const ftp = await fetchSource({ url: server.url('/to-ftp'), purpose: 'feed' });
  assert.equal(ftp.status === 'error' && ftp.reason, 'bad-url');
});

test('a huge body is aborted while streaming, and a declared huge length before reading', async () => {
  const started = Date.now();
  const log: NetworkLogEntry[] = [];
  const huge = await fetchSource({ url: server.url('/huge'), purpose: 'feed' }, { maxBytes: 300_000, log: (e) => log.push(e) });
  assert.equal(huge.status === 'error' && huge.reason, 'too-large');
  assert.ok(Date.now() - started < 3_000, 'stopped early, not at the timeout');
  assert.equal(log[0]?.outcome, 'error');
  const declared = await fetchSource({ url: server.url('/huge-declared'), purpose: 'pack' }, { maxBytes: 1_000 });
  assert.equal(declared.status === 'error' && declared.reason, 'too-large');
});

test('a slow answer times out', async () => {
  const log: NetworkLogEntry[] = [];
  const slow = await fetchSource({ url: server.url('/slow'), purpose: 'feed' }, { timeoutMs: 200, log: (e) => log.push(e) });
  assert.deepEqual(slow, { status: 'error', reason: 'timeout', message: 'no complete answer within 200 ms' });
  assert.deepEqual(log.map((e) => [e.status, e.outcome]), [[null, 'error']]);
});

test('a request can carry its own time limit, and its caller can abandon it', async () => {
  const own = await fetchSource({ url: server.url('/slow'), purpose: 'feed', timeoutMs: 150 }, { timeoutMs: 60_000 });
  assert.deepEqual(own, { status: 'error', reason: 'timeout', message: 'no complete answer within 150 ms' });
  const controller = new AbortController();
  const started = Date.now();
  const pending = fetchSource({ url: server.url('/slow'), purpose: 'feed', signal: controller.signal }, { timeoutMs: 60_000 });
  // Abandoned while under way (the server holds the answer for five seconds).
  setImmediate(() => controller.abort());
  assert.equal((await pending).status, 'error');
  assert.ok(Date.now() - started < 3_000, 'abandoned at once, not when the slow answer came');
});

test('HTTP errors, refused connections and bad URLs are typed errors', async () => {
  const gone = await fetchSource({ url: server.url('/gone'), purpose: 'feed' });
  assert.deepEqual(gone, { status: 'error', reason: 'http', message: 'HTTP 410 Gone', httpStatus: 410 });
  const refused = await fetchSource({ url: 'http://127.0.0.1:9/feed.xml', purpose: 'feed' });
  assert.equal(refused.status === 'error' && refused.reason, 'network');
  const bad = await fetchSource({ url: 'file:///etc/passwd', purpose: 'feed' });
  assert.equal(bad.status === 'error' && bad.reason, 'bad-url');
});

test('bad XML arrives fresh and is refused by the parser with its reason', async () => {
  const result = await fetchSource({ url: server.url('/bad.xml'), purpose: 'feed' });
  assert.equal(result.status, 'fresh');
  if (result.status !== 'fresh') return;
  const parsed = parseFeed(decodeFeedBytes(result.body, result.contentType), { url: result.finalUrl });
  assert.deepEqual(parsed, { ok: false, error: 'malformed XML: line 1: </channel> does not close <title>' });
});

test('the browser path: an opaque redirect is followed by the browser in a second request', async () => {
  const calls: RequestRedirect[] = [];
  const fakeFetch = (async (_url: string, init?: RequestInit) => {
    calls.push(init?.redirect ?? 'follow');
    if (init?.redirect === 'manual') return Object.defineProperty(new Response(null), 'type', { value: 'opaqueredirect' });
    return new Response(RSS, { status: 200 });
  }) as typeof fetch;
  const result = await fetchSource({ url: 'https://feeds.example/x', purpose: 'feed' }, { fetch: fakeFetch });
  assert.equal(result.status, 'fresh');
  assert.deepEqual(calls, ['manual', 'follow']);
});

test('the browser path: where a followed redirect ended is what the log names', async () => {
  const fakeFetch = (async (_url: string, init?: RequestInit) => {
    if (init?.redirect === 'manual') return Object.defineProperty(new Response(null), 'type', { value: 'opaqueredirect' });
    // The browser followed it to another host; the response says where it came from.
    return Object.defineProperty(new Response(RSS, { status: 200 }), 'url', { value: 'https://cdn.elsewhere.example/x.xml' });
  }) as typeof fetch;
  const logged: { url: string; outcome: string }[] = [];
  const result = await fetchSource({ url: 'https://feeds.example/x', purpose: 'feed' }, { fetch: fakeFetch, log: (entry) => logged.push({ url: entry.url, outcome: entry.outcome }) });
  assert.equal(result.status === 'fresh' && result.finalUrl, 'https://cdn.elsewhere.example/x.xml');
  assert.deepEqual(logged, [
    { url: 'https://feeds.example/x', outcome: 'redirect' },
    { url: 'https://cdn.elsewhere.example/x.xml', outcome: 'fresh' },
  ]);
});

test('the host permission a source needs (match patterns ignore the port)', () => {
  assert.equal(sourcePermission('https://www.dailymeridian.example:8443/world/rss?x=1'), 'https://www.dailymeridian.example/*');
  assert.equal(sourcePermission('http://127.0.0.1:8080/feed.xml'), 'http://127.0.0.1/*');
  assert.equal(sourcePermission('ftp://example.com/feed'), null);
});

test('a request with a slot goes out once it holds one, its time limit starting then, and gives it back once answered', async () => {
  let held = false;
  let given = 0;
  const heldAtRequest: boolean[] = [];
  const res = await fetchSource(
    {
      url: server.url('/feed.xml'),
      purpose: 'feed',
      timeoutMs: 200,
      // The place comes after twice the request's own limit: a limit started before it would have
      // failed the request by then.
      slot: async () => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        held = true;
        return () => {
          held = false;
          given++;
        };
      },
    },
    { fetch: (input, init) => (heldAtRequest.push(held), fetch(input, init)) },
  );
  assert.deepEqual(heldAtRequest, [true], 'one request, sent while the place is held');
  assert.equal(res.status, 'fresh', 'not failed for the wait');
  assert.equal(given, 1, 'the place is given back once');
  assert.equal(held, false);
});
