// An import's finish merges the file's settings once: a run that stopped after the merge (here in
// the follow badge, as a worker stopped during the joins would) and is done again at the next
// start does not merge them over what the reader chose in between.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Badge } from '../../../src/background/badge';
import { db } from '../../../src/background/db';
import { importFinisher } from '../../../src/background/import-finish';
import { getReceipt } from '../../../src/background/import-receipts';
import { importReaderData } from '../../../src/background/reader-data';
import type { SourceAlarms } from '../../../src/background/sources/alarms';
import type { Serially } from '../../../src/background/sources/runtime-env';
import { parseReaderData, READER_DATA_FORMAT } from '../../../src/formats/reader-data';
import { settingsArea } from '../../../src/shared/settings-area';
import { slowStorage } from './memory-storage';

test('an import whose finish stopped after the settings merge does not merge them again at the next start', async () => {
  const settings = settingsArea(slowStorage());
  await settings.update((s) => ({ ...s, theme: 'light' }));
  let stopped = true;
  const badge = { showFollow: async () => { if (stopped) throw new Error('worker stopped'); } } as unknown as Badge;
  const finisher = importFinisher({ settings, badge, serially: (async () => undefined) as unknown as Serially, alarms: { schedule: async () => undefined } as unknown as SourceAlarms });
  const parsed = parseReaderData(JSON.stringify({ format: READER_DATA_FORMAT, version: 1, settings: { theme: 'dark', sitesOff: ['file.example'] }, following: [{ storyId: 'feeds/x', at: '2026-11-01T00:00:00Z', seen: [] }] }));
  assert.ok(parsed.ok);
  const receipt = await importReaderData(await db(), parsed.data, { receipt: 'receipt-stopped' });

  await assert.rejects(finisher.finish(receipt), /worker stopped/);
  assert.deepEqual([(await settings.read()).theme, (await settings.read()).sitesOff], ['dark', ['file.example']], 'the file\'s settings were merged');
  const left = await getReceipt(await db(), 'receipt-stopped');
  assert.deepEqual(left && [left.finished, left.settings], [false, {}], 'the receipt says the settings are done');

  // The reader chooses light again and switches file.example back on; then the browser starts again.
  await settings.update((s) => ({ ...s, theme: 'light', sitesOff: [] }));
  stopped = false;
  await finisher.finishPending();
  assert.equal((await getReceipt(await db(), 'receipt-stopped'))?.finished, true);
  const now = await settings.read();
  assert.deepEqual([now.theme, now.sitesOff], ['light', []]);
});
