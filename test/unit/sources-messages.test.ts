// The source calls' parsers: what the options page may send, and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceCalls } from '../../src/contracts/messages-sources';
import { isImportProgress } from '../../src/contracts/source-events';

const KEY = Buffer.alloc(32, 7).toString('base64');

test('subscription/add takes an http(s) URL and an optional well-formed key', () => {
  const add = sourceCalls['subscription/add'].parse;
  assert.deepEqual(add({ url: 'https://example.org/pack.json', publicKey: null }), { url: 'https://example.org/pack.json', publicKey: null });
  assert.deepEqual(add({ url: 'https://example.org/p', publicKey: ` ${KEY} ` }), { url: 'https://example.org/p', publicKey: KEY });
  assert.deepEqual(add({ url: 'https://example.org/p', publicKey: '  ' }), { url: 'https://example.org/p', publicKey: null });
  assert.equal(add({ url: 'file:///etc/passwd', publicKey: null }), undefined);
  assert.equal(add({ url: 'https://example.org/p', publicKey: 'short' }), undefined);
  assert.equal(add({ url: 42 }), undefined);
});

test('feed/add refuses non-http URLs; prefs take whole numbers in range and nothing else', () => {
  assert.deepEqual(sourceCalls['feed/add'].parse({ url: 'http://127.0.0.1:8080/feed.xml' }), { url: 'http://127.0.0.1:8080/feed.xml' });
  assert.equal(sourceCalls['feed/add'].parse({ url: 'javascript:alert(1)' }), undefined);
  const prefs = sourceCalls['sources/prefs'].parse;
  assert.deepEqual(prefs({ retentionDays: 30 }), { retentionDays: 30 });
  assert.deepEqual(prefs({ refreshHours: 12, retentionDays: 90 }), { refreshHours: 12, retentionDays: 90 });
  assert.equal(prefs({ retentionDays: 0 }), undefined);
  assert.equal(prefs({ retentionDays: 1.5 }), undefined);
  assert.equal(prefs({ retentionDays: 30, extra: 1 }), undefined);
});

test('pack/import takes text; progress messages are recognised by shape', () => {
  assert.deepEqual(sourceCalls['pack/import'].parse({ text: '{}' }), { text: '{}' });
  assert.equal(sourceCalls['pack/import'].parse({ text: 1 }), undefined);
  assert.equal(isImportProgress({ type: 'import/progress', done: 1, total: 2 }), true);
  assert.equal(isImportProgress({ type: 'import/progress', done: -1, total: 2 }), false);
  assert.deepEqual(sourceCalls['history/clear'].parse(undefined), {});
  assert.equal(sourceCalls['history/clear'].parse({ all: true }), undefined);
});

test('history/remove and answers/forget take one page key, and only from the options page', () => {
  for (const type of ['history/remove', 'answers/forget'] as const) {
    assert.deepEqual(sourceCalls[type].parse({ pageKey: 'news.example/a' }), { pageKey: 'news.example/a' });
    assert.equal(sourceCalls[type].parse({ pageKey: 7 }), undefined);
    assert.equal(sourceCalls[type].parse({ pageKey: 'x'.repeat(100_000) }), undefined);
    assert.equal(sourceCalls[type].parse({}), undefined);
    assert.deepEqual(sourceCalls[type].senders, ['options']);
  }
});

// Who may send it (the options page only) is checked in the browser: test/e2e/sources.test.ts.
test('network/clear carries nothing', () => {
  assert.deepEqual(sourceCalls['network/clear'].parse({}), {});
  assert.equal(sourceCalls['network/clear'].parse({ before: '2025-01-01' }), undefined);
  assert.equal(sourceCalls['network/clear'].parse('all'), undefined);
});
