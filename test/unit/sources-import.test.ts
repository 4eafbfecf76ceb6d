// Importing pack files: checked whole first (an error names the place and changes nothing), written
// with progress, newer versions replace older ones, reserved and built-in ids are refused, and
// removing a pack never touches the reader's own data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importPackText } from '../../src/background/sources/pack-import';
import { appendNetworkLog, networkLog, networkLogWriter, NETWORK_LOG_LIMIT } from '../../src/background/sources/network-log';
import { installPack, removePack, scopedId } from '../../src/background/pack-store';
import { actionStateKey } from '../../src/formats/storage-schema';
import { samplePack } from '../fixtures/packs';
import { testEnv } from './sources-env';
import { packReports, packStoryCount } from '../fixtures/stored-packs';

test('a valid file is installed with progress up to every write; an invalid one names the place and changes nothing', async () => {
  const env = await testEnv();
  const progress: number[] = [];
  const result = await importPackText(env, JSON.stringify(samplePack()), (done, total) => progress.push(done / total));
  assert.deepEqual(result, { packId: 'sample', publisher: 'Sample Publisher', stories: 2 });
  assert.equal(progress.at(-1), 1);
  assert.ok(progress.every((p, i) => i === 0 || p >= (progress[i - 1] ?? 0)));
  assert.equal(env.packChanges(), 1);

  const broken = { ...samplePack('2'), updated: '2025-09-01T00:00:00Z', stories: [{ ...samplePack().stories[0], title: 42 }] };
  await assert.rejects(importPackText(env, JSON.stringify(broken)), /stories\[0\]\.title/);
  await assert.rejects(importPackText(env, '{"format": 1,\n "id": '), /not valid JSON/);
  assert.equal((await env.database.get('packs', 'sample'))?.version, '1');
  assert.equal(await packStoryCount(env.database, 'sample'), 2);
});

test('a file that begins with a byte-order mark imports as one without', async () => {
  const env = await testEnv();
  const result = await importPackText(env, `\uFEFF${JSON.stringify(samplePack())}`);
  assert.deepEqual(result, { packId: 'sample', publisher: 'Sample Publisher', stories: 2 });
});

test('a newer version replaces the old; an older one, a reserved id or the built-in id is refused', async () => {
  const env = await testEnv();
  await importPackText(env, JSON.stringify({ ...samplePack('2'), updated: '2025-09-01T00:00:00Z' }));
  await assert.rejects(importPackText(env, JSON.stringify(samplePack('1'))), /older version/);
  await importPackText(env, JSON.stringify({ ...samplePack('3', ['summit']), updated: '2025-10-01T00:00:00Z' }));
  assert.equal((await env.database.get('packs', 'sample'))?.version, '3');
  assert.equal(await packStoryCount(env.database, 'sample'), 1);

  await assert.rejects(importPackText(env, JSON.stringify({ ...samplePack(), id: 'history' })), /reserved/);
  await installPack(env.database, { ...samplePack(), id: 'starter' }, 'builtin');
  await assert.rejects(importPackText(env, JSON.stringify({ ...samplePack('9'), id: 'starter' })), /built-in/);
});

test('removing an imported pack keeps the reader’s ticked steps and reading history', async () => {
  const env = await testEnv();
  await importPackText(env, JSON.stringify(samplePack()));
  const key = actionStateKey(scopedId('sample', 'summit'), 'sign');
  await env.database.put('userState', { key, kind: 'action-done', storyId: scopedId('sample', 'summit'), actionId: 'sign', done: true, at: 'x' });
  await env.database.put('history', { pageKey: 'a.example/x', url: 'https://a.example/x', title: 'X', siteName: null, published: null, readAt: '2025-08-16T00:00:00Z', text: '', storyId: null });
  await removePack(env.database, 'sample');
  assert.equal(await env.database.count('stories'), 0);
  assert.ok(await env.database.get('userState', key));
  assert.equal(await env.database.count('history'), 1);
});

test('the network log keeps only the latest entries, newest first', async () => {
  const env = await testEnv();
  const entry = (i: number) => ({ at: new Date(i * 1000).toISOString(), method: 'GET' as const, url: `https://e.example/${i}`, purpose: 'feed' as const, status: 200, outcome: 'fresh' as const, bytes: i, durationMs: 1 });
  await appendNetworkLog(env.database, Array.from({ length: NETWORK_LOG_LIMIT - 10 }, (_, i) => entry(i)));
  await appendNetworkLog(env.database, Array.from({ length: 20 }, (_, i) => entry(NETWORK_LOG_LIMIT - 10 + i)));
  const log = await networkLog(env.database);
  assert.equal(log.length, NETWORK_LOG_LIMIT);
  assert.equal(log[0]?.url, `https://e.example/${NETWORK_LOG_LIMIT + 9}`);
  assert.equal(log.at(-1)?.url, 'https://e.example/10');
});

test('requests logged at once share a few writes, keep their order, and each waits for its own', async () => {
  const env = await testEnv();
  const entry = (i: number) => ({ at: new Date(i * 1000).toISOString(), method: 'GET' as const, url: `https://e.example/${i}`, purpose: 'feed' as const, status: 200, outcome: 'fresh' as const, bytes: i, durationMs: 1 });
  let writes = 0;
  const transaction = env.database.transaction.bind(env.database);
  env.database.transaction = ((...args: Parameters<typeof transaction>) => {
    writes++;
    return transaction(...args);
  }) as typeof transaction;
  const log = networkLogWriter(env.database);
  // Twenty requests answered in one moment (a batch's six slots, a hundred sources): each logs
  // its entry and waits for it; after each wait its own entry is stored.
  await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      await log([entry(i)]);
      assert.ok((await networkLog(env.database)).some((e) => e.url === `https://e.example/${i}`), `entry ${i} stored when its wait ends`);
    }),
  );
  env.database.transaction = transaction;
  const stored = await networkLog(env.database);
  assert.deepEqual(stored.map((e) => e.bytes), Array.from({ length: 20 }, (_, i) => 19 - i), 'newest first, in the order logged');
  assert.ok(writes <= 2 + 20, 'the checks above read in transactions of their own');
  const appendWrites = writes - 20;
  assert.ok(appendWrites <= 2, `${appendWrites} log writes for 20 requests`);
});

test('removing or replacing a pack leaves a pack whose id extends its id untouched', async () => {
  const env = await testEnv();
  await installPack(env.database, { ...samplePack(), id: 'a' }, 'file');
  await installPack(env.database, { ...samplePack(), id: 'a/b' }, 'file');
  await installPack(env.database, { ...samplePack('2', ['summit']), id: 'a' }, 'file');
  assert.equal(await packStoryCount(env.database, 'a'), 1);
  assert.equal(await packStoryCount(env.database, 'a/b'), 2);
  await removePack(env.database, 'a');
  assert.equal((await packReports(env.database, 'a')).length, 0);
  assert.equal((await packReports(env.database, 'a/b')).length, 4);
  await removePack(env.database, 'a/b');
  assert.equal(await env.database.count('stories'), 0);
});

test('a pack whose record would take the stored key of another pack’s record is refused, and nothing changes', async () => {
  const env = await testEnv();
  // Pack 'a' story 'b/summit' and pack 'a/b' story 'summit' are both stored as 'a/b/summit'.
  const nested = samplePack();
  await installPack(env.database, { ...nested, id: 'a', stories: nested.stories.map((s) => ({ ...s, id: `b/${s.id}` })) }, 'file');
  await assert.rejects(importPackText(env, JSON.stringify({ ...samplePack(), id: 'a/b' })), /story "summit" would take the place of one of the installed pack "a"/);
  assert.equal(await env.database.get('packs', 'a/b'), undefined);
  assert.equal(await packStoryCount(env.database, 'a'), 2);
  assert.equal((await packReports(env.database, 'a')).length, 4);
  // The other way round: 'a' installed after 'a/b'.
  await removePack(env.database, 'a');
  await importPackText(env, JSON.stringify({ ...samplePack(), id: 'a/b' }));
  await assert.rejects(installPack(env.database, { ...nested, id: 'a', stories: nested.stories.map((s) => ({ ...s, id: `b/${s.id}` })) }, 'file'), /would take the place of one of the installed pack "a\/b"/);
  assert.equal(await packStoryCount(env.database, 'a/b'), 2);
  assert.equal(await env.database.get('packs', 'a'), undefined);
});
