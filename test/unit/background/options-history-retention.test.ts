// The reader shortens how long reading history is kept (the options page's history days): what is
// older than the new limit goes at once, not at the next daily pass, before the page reads its
// history again; and open pages hear that sources changed, so another options tab shows the new
// value. A longer keep removes nothing. With alarms granted, as the daily pass needs (without
// them, every change of prefs prunes anyway: alarms.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Alarms } from 'webextension-polyfill';
import type { BackgroundAlarms } from '../../../src/background/browser-api';
import { db } from '../../../src/background/db';
import { startBackground } from '../../../src/background/start';
import type { Result } from '../../../src/contracts/call-result';
import type { SourcesState } from '../../../src/contracts/views';
import { pageSender, readCommitted } from './background-env';
import { FakeEvent, fakeBrowser } from './fake-browser';

const options = pageSender('options.html');
const DAY = 86_400_000;

/** An entry read `days` ago (the background prunes by its own clock, the real one here). */
const read = (key: string, days: number) => ({
  pageKey: `news.example/${key}`,
  url: `https://news.example/${key}`,
  title: `Read ${days} days ago`,
  siteName: null,
  published: null,
  readAt: new Date(Date.now() - days * DAY).toISOString(),
  text: '',
  storyId: null,
});

test('a shorter keep prunes history at once; a longer one prunes nothing; either is announced', async () => {
  const fake = fakeBrowser();
  const created = new Map<string, Alarms.Alarm>();
  const alarms: BackgroundAlarms = {
    get: async (name?: string) => (name === undefined ? undefined : created.get(name)),
    async create(...args: unknown[]) {
      const [name, info] = args as [string, Alarms.CreateAlarmInfoType];
      created.set(name, { name, scheduledTime: Date.now(), periodInMinutes: info.periodInMinutes });
    },
    onAlarm: new FakeEvent<[Alarms.Alarm]>(),
  };
  startBackground({ ...fake.browser, alarms }, readCommitted);
  const database = await db();
  for (const [key, days] of [['new', 1], ['month', 20], ['season', 60]] as const) await database.put('history', read(key, days));
  const send = async <T>(type: string, payload: unknown): Promise<Result<T>> => (await fake.browser.runtime.onMessage.fire({ type, payload }, options)[0]) as Result<T>;
  const kept = async (): Promise<string[]> => {
    // Read as the page reads it after its change: queued after whatever the change queued.
    const state = await send<SourcesState>('sources/state', {});
    assert.ok(state.ok);
    return state.value.history.map((entry) => entry.pageKey).sort();
  };
  const announced = (): number => fake.broadcasts.filter((message) => (message as { type?: string }).type === 'sources/changed').length;
  assert.deepEqual(await kept(), ['news.example/month', 'news.example/new', 'news.example/season'], 'kept for 90 days by default');

  const before = announced();
  assert.equal((await send('sources/prefs', { retentionDays: 30 })).ok, true);
  assert.deepEqual(await kept(), ['news.example/month', 'news.example/new'], 'the entry past 30 days is gone');
  assert.equal(await database.get('history', 'news.example/season'), undefined);
  assert.equal(announced(), before + 1, 'open pages hear it');

  assert.equal((await send('sources/prefs', { retentionDays: 365 })).ok, true);
  assert.deepEqual(await kept(), ['news.example/month', 'news.example/new'], 'a longer keep removes nothing');
  assert.equal(announced(), before + 2, 'a longer keep is heard too');
});
