// The problem log keeps every note, also when two tabs report at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StorageArea } from '../../../src/background/browser-api';
import { problemLog } from '../../../src/background/problems';
import { slowArea } from './memory-storage';

test('two content scripts reporting at once: both problems kept, in order, the newest 50', async () => {
  const log = problemLog(slowArea() as unknown as StorageArea);
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    await Promise.all([log.note('tab 1', 'host removed', ''), log.note('tab 2', 'frame removed', '')]);
    assert.deepEqual((await log.read()).map((p) => p.where), ['tab 1', 'tab 2']);
    await Promise.all(Array.from({ length: 60 }, (_, i) => log.note(`tab ${i + 3}`, 'failed', '')));
    const kept = await log.read();
    assert.equal(kept.length, 50);
    assert.equal(kept.at(-1)?.where, 'tab 62');
  } finally {
    console.warn = warn;
  }
});
