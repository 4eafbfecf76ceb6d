// The scheduled refresh asks again soon, once, when no feed got any answer (the reader woken
// offline), rather than a whole period later; a refresh that reached any server asks nothing more.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { REFRESH_ALARM, RETRY_ALARM, sourceAlarms } from '../../src/background/sources/alarms';
import { addFeeds } from '../../src/background/sources/feed-batch';
import type { BackgroundAlarms } from '../../src/background/browser-api';
import type { Serially } from '../../src/background/sources/runtime-env';
import type { SourceEnv } from '../../src/background/sources/source-env';
import { startServer, type LocalServer } from './sources/local-server';
import { testEnv } from './sources-env';
import { rss, rssItem } from './sources-feed-fixtures';

let online = true;
let server: LocalServer;
before(async () => {
  const item = rssItem('https://north.example/quake', 'Magnitude 7.2 earthquake strikes Haiti', 'A powerful earthquake hit Haiti on Saturday morning.', 'Sat, 14 Aug 2021 12:00:00 GMT');
  server = await startServer({
    '/north.xml': (_req, res) => (online ? res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('North', 'https://north.example/', [item])) : res.destroy()),
  });
});
after(() => server.close());

/** The alarms created, and an onAlarm whose queued task can be awaited. */
async function scheduled(): Promise<{ created: string[]; fire: (name: string) => Promise<void> }> {
  online = true;
  const env = await testEnv();
  env.setNow('2021-08-16T12:00:00Z');
  await addFeeds(env, [server.url('/north.xml')]);
  env.setNow('2021-09-25T12:00:00Z');
  const created: string[] = [];
  const alarms = { create: async (name: string) => void created.push(name) } as unknown as BackgroundAlarms;
  let queued: Promise<unknown> = Promise.resolve();
  const serially = (<T>(task: (e: SourceEnv) => Promise<T>): Promise<T> => {
    const run = task(env);
    queued = run;
    return run;
  }) as Serially;
  const source = sourceAlarms(alarms, serially);
  return {
    created,
    fire: async (name) => {
      source.onAlarm({ name });
      await queued;
    },
  };
}

test('a scheduled refresh with no answer from any feed asks again in a few minutes, once', async () => {
  const { created, fire } = await scheduled();
  online = false;
  await fire(REFRESH_ALARM);
  assert.deepEqual(created, [RETRY_ALARM]);
  // The retry, still offline, leaves the next try to the period.
  await fire(RETRY_ALARM);
  assert.deepEqual(created, [RETRY_ALARM]);
});

test('a scheduled refresh that reached a feed asks nothing more', async () => {
  const { created, fire } = await scheduled();
  await fire(REFRESH_ALARM);
  assert.deepEqual(created, []);
});
