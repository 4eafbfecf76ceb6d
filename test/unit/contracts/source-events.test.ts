// The welcome page believes a progress message only when it has the shape the background sends:
// every source's state, and what is stored so far when a slow source is still out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFeedBatchProgress, MAX_BATCH_FEEDS } from '../../../src/contracts/source-events';

const source = { url: 'https://www.bbc.com/news/rss.xml', state: 'done', items: 24, error: null, detail: null };

test('a batch progress message is taken with or without what is stored so far', () => {
  assert.equal(isFeedBatchProgress({ type: 'feeds/progress', sources: [source] }), true);
  assert.equal(isFeedBatchProgress({ type: 'feeds/progress', sources: [source], landed: { sources: 1, failed: 0, stories: 12 } }), true);
});

test('a malformed batch progress message is refused', () => {
  const bad: unknown[] = [
    { type: 'feeds/progress', sources: [source], landed: { sources: 1, failed: 0 } },
    { type: 'feeds/progress', sources: [source], landed: { sources: -1, failed: 0, stories: 3 } },
    { type: 'feeds/progress', sources: [source], landed: null },
    { type: 'feeds/progress', sources: [{ ...source, state: 'stored' }] },
    { type: 'feeds/progress', sources: [{ ...source, error: 'teapot' }] },
    { type: 'feeds/progress', sources: Array.from({ length: MAX_BATCH_FEEDS + 1 }, () => source) },
    { type: 'feeds/progress' },
  ];
  for (const message of bad) assert.equal(isFeedBatchProgress(message), false, JSON.stringify(message).slice(0, 120));
});
