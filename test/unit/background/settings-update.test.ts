// Settings are changed in turn: two changes asked at once (the popup's and the options page's, or
// one of them and an import's finish) both stand, each applied to what the one before wrote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeSettings, DEFAULT_SETTINGS } from '../../../src/formats/settings';
import { settingsArea } from '../../../src/shared/settings-area';
import { pageSender, startFakeBackground } from './background-env';
import { slowStorage } from './memory-storage';

test('two settings changes from two pages at once: both kept', async () => {
  const bg = startFakeBackground();
  const popup = pageSender('popup.html');
  const options = pageSender('options.html');
  const answers = await Promise.all([
    bg.send({ type: 'settings/update', payload: { change: { sitesOff: ['news.example'] } } }, popup),
    bg.send({ type: 'settings/update', payload: { change: { theme: 'dark' } } }, options),
  ]);
  const now = (await bg.send({ type: 'settings/get', payload: {} }, options)) as { ok: boolean; value: { theme: string; sitesOff: string[] } };
  assert.deepEqual([now.value.theme, now.value.sitesOff], ['dark', ['news.example']]);
  assert.deepEqual(answers[1], now, 'the later change answers the settings it wrote');
});

test('update applies each change to the one before; a change that throws holds back none of the next', async () => {
  const area = settingsArea(slowStorage());
  const results = await Promise.allSettled([
    area.write(changeSettings(DEFAULT_SETTINGS, { readerName: 'Ada' })),
    area.update((s) => changeSettings(s, { sitesOff: ['a.example'] })),
    area.update(() => {
      throw new Error('refused');
    }),
    area.update((s) => changeSettings(s, { theme: 'dark' })),
  ]);
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  const now = await area.read();
  assert.deepEqual([now.readerName, now.sitesOff, now.theme], ['Ada', ['a.example'], 'dark']);
  assert.deepEqual(results[3]?.status === 'fulfilled' && results[3].value, now, 'update answers what it wrote');
});
