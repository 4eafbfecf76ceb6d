// How fast one tab may add to reading history (background/reading-pace.ts): a page that sends
// itself through addresses (history.pushState) is still matched, but past four new readings a
// minute in a tab, not written to history; other tabs, and pages come back, are not held.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { db } from '../../../src/background/db';
import { ReadingPace, READINGS_PER_MINUTE } from '../../../src/background/reading-pace';
import type { Result } from '../../../src/contracts/call-result';
import { contentSender, startFakeBackground } from './background-env';

test('a tab records at most four new readings in any minute; its count frees up as the minute passes', () => {
  const pace = new ReadingPace();
  const at = (s: number): number => 1_000_000 + s * 1000;
  assert.deepEqual([0, 1, 2, 3, 4, 5].map((s) => pace.allow(1, at(s))), [true, true, true, true, false, false]);
  assert.equal(pace.allow(2, at(5)), true, 'another tab has its own');
  assert.equal(pace.allow(1, at(59)), false);
  assert.equal(pace.allow(1, at(60)), true, 'the first reading is a minute old');
  assert.equal(READINGS_PER_MINUTE, 4);
});

const article = (path: string) => ({
  url: `https://spa.example${path}`,
  canonicalUrl: null,
  title: `Page ${path}`,
  byline: null,
  siteName: 'Spa',
  published: null,
  lang: 'en',
  excerpt: null,
  text: `The text of ${path}.`,
});

test('a page that sends itself through nine addresses in one tab leaves four readings; each was still answered', async () => {
  const bg = startFakeBackground();
  for (let i = 1; i <= 9; i++) {
    const page = article(`/spa/read-${i}`);
    bg.openTab(1, page.url);
    const answer = (await bg.send({ type: 'article/found', payload: { article: page } }, contentSender(1, page.url))) as Result<unknown>;
    assert.ok(answer.ok, JSON.stringify(answer));
  }
  const keys = (await (await db()).getAll('history')).map((h) => h.pageKey).sort();
  assert.deepEqual(keys, [1, 2, 3, 4].map((i) => `spa.example/spa/read-${i}`));
});

test('a page saying it was reloaded is counted all the same when history does not know it', async () => {
  const bg = startFakeBackground();
  for (let i = 1; i <= 6; i++) {
    const page = article(`/spa/again-${i}`);
    bg.openTab(2, page.url);
    const answer = (await bg.send({ type: 'article/found', payload: { article: page, revisit: true } }, contentSender(2, page.url))) as Result<unknown>;
    assert.ok(answer.ok, JSON.stringify(answer));
  }
  const keys = (await (await db()).getAll('history')).map((h) => h.pageKey).filter((k) => k.includes('again'));
  assert.equal(keys.length, 4);
});
