// The sources' one queue (runtime-env.ts): writes one after another, each announced to open pages
// when done; a read (the options page's state) waits for none of them, so a refresh of sources
// that do not answer no longer leaves the options page saying "Loading…" until it ends.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceQueue } from '../../../src/background/sources/runtime-env';
import type { BackgroundBrowser } from '../../../src/background/browser-api';

function queue() {
  const announced: unknown[] = [];
  const browser = {
    runtime: { sendMessage: async (message: unknown) => void announced.push(message) },
    permissions: { contains: async () => true },
  } as unknown as Pick<BackgroundBrowser, 'runtime' | 'permissions'>;
  return { serially: sourceQueue(browser), announced };
}

test('a read is answered while a write queued before it still runs; writes keep their order', async () => {
  const { serially, announced } = queue();
  const order: string[] = [];
  let release!: () => void;
  const stalled = new Promise<void>((ok) => (release = ok));
  let began!: () => void;
  const started = new Promise<void>((ok) => (began = ok));
  const refresh = serially(async () => {
    order.push('refresh starts');
    began();
    await stalled;
    order.push('refresh ends');
  });
  const remove = serially(async () => void order.push('remove'));
  await started;
  const read = serially(async (env) => {
    order.push('state read');
    return env.database.count('feeds');
  }, { reads: true });
  // Answered while the refresh still runs; queued behind it, the read would wait for ever here.
  const state = await Promise.race([read, new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 5_000))]);
  assert.equal(state, 0, 'the read waited for the stalled refresh');
  assert.deepEqual(order, ['refresh starts', 'state read']);
  release();
  await Promise.all([refresh, remove]);
  assert.deepEqual(order, ['refresh starts', 'state read', 'refresh ends', 'remove']);
  await new Promise((ok) => setTimeout(ok, 0));
  assert.equal(announced.length, 2, 'the two writes are announced, the read is not');
});
