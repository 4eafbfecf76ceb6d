// A 100k-entry reader-data import took 174 s through the options page (issue 16): joining the
// history to stories made a lookup and a write transaction per entry. Now the work done against
// IndexedDB does not grow with the history: counted here as requests (calls on the database),
// the same for 100 entries as for 400; and what is joined is what the per-entry version joined.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IDBPDatabase } from 'idb';
import { openStorylineDB } from '../../src/background/db';
import { articleDoc } from '../../src/background/matcher';
import { installPack } from '../../src/background/pack-store';
import { importReaderData } from '../../src/background/reader-data';
import { clearHistory, rejoinHistory } from '../../src/background/sources/history';
import { everyReport } from '../../src/background/story-reports';
import { StoryIndex } from '../../src/engine';
import { parseReaderData, READER_DATA_FORMAT, READER_DATA_VERSION } from '../../src/formats/reader-data';
import type { StorylineDB } from '../../src/formats/storage-schema';
import { samplePack } from '../fixtures/packs';

let counter = 0;

/** The database, with every method call on it counted (each is at least one IndexedDB request). */
function counted(database: IDBPDatabase<StorylineDB>): { database: IDBPDatabase<StorylineDB>; calls: () => number } {
  let calls = 0;
  const proxy = new Proxy(database, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { database: proxy, calls: () => calls };
}

async function importHistory(n: number) {
  const database = await openStorylineDB(`rejoin-scale-${++counter}`);
  const pack = samplePack('1');
  await installPack(database, pack, 'file');
  const index = new StoryIndex();
  for (const report of await everyReport(database)) index.addArticle(report.storyId, articleDoc(report));
  const story = pack.stories[0]!;
  const history = Array.from({ length: n }, (_, i) => ({
    pageKey: `news.example/${i}`,
    url: `https://news.example/${i}`,
    // Every fourth entry reads like the sample story, so joins happen as well as misses.
    title: i % 4 === 0 ? story.articles[0]!.title : `Unrelated local note number ${i}`,
    siteName: 'News',
    published: null,
    readAt: '2026-01-01T00:00:00Z',
    text: i % 4 === 0 ? story.summary : 'Nothing to do with any stored story.',
  }));
  const parsed = parseReaderData(JSON.stringify({ format: READER_DATA_FORMAT, version: READER_DATA_VERSION, exported: '', history }));
  assert.ok(parsed.ok);
  const receipt = await importReaderData(database, parsed.data, { now: new Date('2026-01-02T00:00:00Z') });
  return { database, index, newHistory: new Set(receipt.history) };
}

test('joining imported history costs the same number of database requests for 100 entries as for 400', async () => {
  const requests: number[] = [];
  const joinedCounts: number[] = [];
  for (const n of [100, 400]) {
    const { database, index, newHistory } = await importHistory(n);
    const probe = counted(database);
    await rejoinHistory(probe.database, index, newHistory);
    requests.push(probe.calls());
    joinedCounts.push((await database.getAll('joinedReports')).length);
  }
  assert.equal(requests[0], requests[1], `requests for 100 and 400 entries: ${requests.join(', ')}`);
  assert.ok(requests[0]! < 20, `${requests[0]} requests`);
  assert.ok(joinedCounts[0]! > 0 && joinedCounts[1]! >= joinedCounts[0]! * 3, `joined: ${joinedCounts.join(', ')}`);
});

test('history cleared while an import\'s history is being joined stays cleared', async () => {
  // The finish of an import joins outside the sources' queue, so "Clear history" (or removing a
  // page) can land while it reads and matches a long history: stood in for by clearing, to the
  // end, once the join has read the history.
  const { database, index, newHistory } = await importHistory(40);
  const slowRead = new Proxy(database, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (key !== 'getAll') return (value as (...a: unknown[]) => unknown).bind(target);
      return async (...args: unknown[]) => {
        const read = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (args[0] === 'history') await clearHistory(target);
        return read;
      };
    },
  });
  await rejoinHistory(slowRead, index, newHistory);
  assert.equal(await database.count('history'), 0);
  assert.equal(await database.count('joinedReports'), 0);
  assert.equal([...index.docs.keys()].filter((id) => id.startsWith('history/')).length, 0, 'no read page in the engine\'s index');
});
