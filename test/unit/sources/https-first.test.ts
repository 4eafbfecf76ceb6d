// A feed at an http: address is asked for over https first, and as the reader gave it only when
// that brings no feed (src/background/sources/https-first.ts): what the fetcher was asked, in order.
import 'fake-indexeddb/auto';
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { fetchFeeds } from '../../../src/background/sources/feed-batch';
import { fetchFeed } from '../../../src/background/sources/feed-fetch';
import { fetchSource } from '../../../src/background/sources/source-fetch';
import { forgetPlainHosts, httpsFirst, HTTPS_TRY_MS } from '../../../src/background/sources/https-first';
import { NEVER_CHECKED } from '../../../src/background/sources/source-env';
import type { SourceFetchResult, SourceRequest } from '../../../src/formats/source-request';
import type { FeedRecord } from '../../../src/formats/storage-schema';
import { testEnv, type TestEnv } from '../sources-env';

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>https://news.example/</link>
<item><title>Harbour ferry fares rise by five percent</title><link>https://news.example/ferry</link><guid>ferry</guid>
<pubDate>Sat, 16 Aug 2025 09:00:00 GMT</pubDate><description>The harbour board raised ferry fares.</description></item></channel></rss>`;
const PAGE = '<!doctype html><html><head><title>News home</title></head><body><p>Welcome</p></body></html>';

const fresh = (body: string, type: string, url: string): SourceFetchResult =>
  ({ status: 'fresh', body: new TextEncoder().encode(body) as Uint8Array<ArrayBuffer>, contentType: type, etag: null, lastModified: null, finalUrl: url });
const refused: SourceFetchResult = { status: 'error', reason: 'network', message: 'connection refused' };

/** An environment whose fetcher answers by address and keeps every request it was given. */
async function rigged(answers: (url: string) => SourceFetchResult): Promise<TestEnv & { asked: SourceRequest[] }> {
  const env = Object.assign(await testEnv(), { asked: [] as SourceRequest[] });
  env.fetch = async (req) => {
    env.asked.push(req);
    return answers(req.url);
  };
  return env;
}

const record = (url: string): FeedRecord => ({ url, title: null, addedAt: '2025-08-16T12:00:00Z', itemCount: 0, ...NEVER_CHECKED });

beforeEach(() => forgetPlainHosts());

test('an http: feed is asked for over https first, and kept under the address the reader gave', async () => {
  const env = await rigged((url) => fresh(RSS, 'application/rss+xml', url));
  const got = await fetchFeed(env, record('http://news.example/feed.xml'));
  assert.deepEqual(env.asked.map((r) => r.url), ['https://news.example/feed.xml']);
  assert.equal(got.error, null);
  assert.equal(got.write.url, 'http://news.example/feed.xml');
  assert.deepEqual(got.write.items?.feed.items.map((i) => i.title), ['Harbour ferry fares rise by five percent']);
});

test('a host that does not answer over https is asked as given, and only so for the rest of the worker', async () => {
  const env = await rigged((url) => (url.startsWith('https:') ? refused : fresh(RSS, 'application/rss+xml', url)));
  const first = await fetchFeed(env, record('http://news.example/feed.xml'));
  assert.deepEqual(env.asked.map((r) => r.url), ['https://news.example/feed.xml', 'http://news.example/feed.xml']);
  assert.equal(first.error, null);
  assert.equal(first.write.items?.feed.items.length, 1);
  env.asked.length = 0;
  await fetchFeed(env, record('http://news.example/other.xml'));
  assert.deepEqual(env.asked.map((r) => r.url), ['http://news.example/other.xml']);
});

test('an https answer that is not the feed (a home page) sends the request to the address given', async () => {
  const env = await rigged((url) => (url.startsWith('https:') ? fresh(PAGE, 'text/html', 'https://news.example/') : fresh(RSS, 'application/rss+xml', url)));
  const got = await fetchFeed(env, record('http://news.example/feed.xml'));
  assert.deepEqual(env.asked.map((r) => r.url), ['https://news.example/feed.xml', 'http://news.example/feed.xml']);
  assert.equal(got.error, null);
  assert.equal(got.page, undefined);
});

test('when neither answers, the failure told is the address the reader gave', async () => {
  const env = await rigged((url) => (url.startsWith('https:') ? refused : { status: 'error', reason: 'http', message: 'HTTP 404 Not Found', httpStatus: 404 }));
  const got = await fetchFeed(env, record('http://news.example/feed.xml'));
  assert.equal(got.error, 'not-found');
});

test('with neither address answering (the reader offline), the host is tried over https again next time', async () => {
  const env = await rigged(() => refused);
  await fetchFeed(env, record('http://news.example/feed.xml'));
  env.asked.length = 0;
  await fetchFeed(env, record('http://news.example/feed.xml'));
  assert.deepEqual(env.asked.map((r) => r.url), ['https://news.example/feed.xml', 'http://news.example/feed.xml']);
});

test('behind a captive portal (https refused, a login page for every http request), the host is tried over https again', async () => {
  const env = await rigged((url) => (url.startsWith('https:') ? refused : fresh(PAGE, 'text/html', 'http://portal.example/login')));
  await fetchFeed(env, record('http://news.example/feed.xml'));
  env.asked.length = 0;
  await fetchFeed(env, record('http://news.example/feed.xml'));
  assert.equal(env.asked[0]?.url, 'https://news.example/feed.xml');
});

test('"not modified" over https is an answer', async () => {
  const env = await rigged((url) => ({ status: 'not-modified', finalUrl: url }));
  const got = await fetchFeed(env, record('http://news.example/feed.xml'));
  assert.deepEqual(env.asked.map((r) => r.url), ['https://news.example/feed.xml']);
  assert.equal(got.error, null);
});

test('the https try has a few seconds of the source\'s time limit, the address given the rest', async () => {
  const env = await rigged((url) => (url.startsWith('https:') ? refused : fresh(RSS, 'application/rss+xml', url)));
  await fetchFeed(env, record('http://news.example/feed.xml'), { timeoutMs: 10_000, windowDays: 30 });
  assert.equal(env.asked[0]!.timeoutMs, HTTPS_TRY_MS);
  assert.ok(env.asked[1]!.timeoutMs! <= 10_000 - 0 && env.asked[1]!.timeoutMs! > 10_000 - HTTPS_TRY_MS - 1_000, String(env.asked[1]!.timeoutMs));
  forgetPlainHosts();
  env.asked.length = 0;
  await fetchFeed(env, record('http://news.example/feed.xml'), { timeoutMs: 2_000, windowDays: 30 });
  assert.equal(env.asked[0]!.timeoutMs, 2_000);
});

test('a batch that gave up on the source gets no second try', async () => {
  const controller = new AbortController();
  const env = await rigged(() => {
    controller.abort();
    return { status: 'error', reason: 'timeout', message: 'timed out' };
  });
  await fetchFeed(env, record('http://news.example/feed.xml'), { signal: controller.signal, windowDays: 30 });
  assert.deepEqual(env.asked.map((r) => r.url), ['https://news.example/feed.xml']);
});

test('which addresses are tried over https first', () => {
  assert.equal(httpsFirst('http://rss.cnn.com/rss/edition_us.rss'), 'https://rss.cnn.com/rss/edition_us.rss');
  assert.equal(httpsFirst('http://feeds.example:80/a?b=1'), 'https://feeds.example/a?b=1');
  // Already secure, a port of its own (no TLS there), address literals and local names (no certificate).
  for (const url of ['https://news.example/feed.xml', 'http://news.example:8080/feed.xml', 'http://127.0.0.1/feed.xml', 'http://[::1]/feed.xml', 'http://localhost/feed.xml', 'http://demo.localhost/feed.xml', 'ftp://news.example/feed.xml']) {
    assert.equal(httpsFirst(url), null, url);
  }
});

test('in a batch, both tries hold one place among the requests in flight, within the source\'s one deadline', async () => {
  // One place, a source that stalls before the http: feed and two after it: given back between its
  // tries, the plain one waited behind the two while the batch's deadline for the source, set when
  // it first got a place, ran out ("no complete answer", its address as given never asked).
  const env = await testEnv();
  const stall: typeof fetch = (input, init) =>
    new Promise((resolve, reject) => {
      const url = String(input);
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      if (url.startsWith('https://plain.example')) return reject(new TypeError('connection refused'));
      if (url.startsWith('http://plain.example')) return void setTimeout(() => resolve(new Response(RSS, { headers: { 'content-type': 'application/rss+xml' } })), 100);
      // Any other host never answers.
    });
  env.fetch = (req) => fetchSource(req, { fetch: stall });
  const job = (url: string) => ({ record: record(url), fresh: false });
  const states: string[] = [];
  await fetchFeeds(env, [job('https://stalled1.example/feed.xml'), job('http://plain.example/feed.xml'), job('https://stalled2.example/feed.xml'), job('https://stalled3.example/feed.xml')], (p) => {
    if (p.url === 'http://plain.example/feed.xml') states.push(`${p.state}${p.error ? ` ${p.error}` : ''}`);
  }, { timeoutMs: 1_000, concurrency: 1 });
  assert.deepEqual(states, ['waiting', 'fetching', 'done']);
});
