import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeSettings, DEFAULT_SETTINGS, isSiteOff, normaliseHost, repairSettings } from '../../src/shared/settings';

test('missing or damaged settings are repaired from the defaults, field by field', () => {
  assert.deepEqual(repairSettings(undefined), DEFAULT_SETTINGS);
  assert.deepEqual(repairSettings('garbage'), DEFAULT_SETTINGS);
  const repaired = repairSettings({ theme: 'dark', side: 'up', width: 900, surface: 'window', history: 'yes', sitesOff: 'x', autoOpen: [1], extra: 1 });
  assert.deepEqual(repaired, { ...DEFAULT_SETTINGS, theme: 'dark' });
  // Settings written by version 0.1 carried a retention field that now lives with the sources.
  assert.deepEqual(repairSettings({ historyRetentionDays: 30, side: 'left' }), { ...DEFAULT_SETTINGS, side: 'left' });
});

test('sites are normalised, deduplicated and sorted; junk is dropped', () => {
  const repaired = repairSettings({ sitesOff: ['https://www.Example.com/page', 'example.com', 'news.site.org', 42, 'not a host', ''] });
  assert.deepEqual(repaired.sitesOff, ['example.com', 'news.site.org']);
});

test('normaliseHost accepts hosts and URLs, refuses the rest', () => {
  assert.equal(normaliseHost('WWW.7news.com.au'), '7news.com.au');
  assert.equal(normaliseHost('http://127.0.0.1:8720/a'), '127.0.0.1');
  assert.equal(normaliseHost('javascript:alert(1)'), null);
  assert.equal(normaliseHost('a b'), null);
});

test('a site switched off covers its subdomains, not look-alikes', () => {
  const settings = changeSettings(DEFAULT_SETTINGS, { sitesOff: ['example.com'] });
  assert.equal(isSiteOff(settings, 'example.com'), true);
  assert.equal(isSiteOff(settings, 'news.example.com'), true);
  assert.equal(isSiteOff(settings, 'www.example.com'), true);
  assert.equal(isSiteOff(settings, 'badexample.com'), false);
  assert.equal(isSiteOff(settings, 'example.org'), false);
});

test('a settings change is taken only when every field in it is valid', async () => {
  const { parseSettingsChange } = await import('../../src/shared/settings');
  assert.deepEqual(parseSettingsChange({ theme: 'dark' }), { theme: 'dark' });
  assert.deepEqual(parseSettingsChange({ sitesOff: ['Example.com'] }), { sitesOff: ['example.com'] });
  assert.equal(parseSettingsChange({ theme: 'neon' }), undefined);
  assert.equal(parseSettingsChange({ sitesOff: ['ok.com', 'not a host'] }), undefined);
  assert.deepEqual(parseSettingsChange({ width: 'wide', surface: 'panel' }), { width: 'wide', surface: 'panel' });
  assert.deepEqual(parseSettingsChange({ autoOpen: ['News.example.com'] }), { autoOpen: ['news.example.com'] });
  assert.equal(parseSettingsChange({ width: 1000 }), undefined);
  assert.equal(parseSettingsChange({ historyRetentionDays: 30 }), undefined);
  assert.equal(parseSettingsChange({ unknown: true }), undefined);
  assert.equal(parseSettingsChange(null), undefined);
});

test('the sidebar opens by itself only on listed sites, and never where Storyline is off', async () => {
  const { opensAutomatically } = await import('../../src/shared/settings');
  const settings = changeSettings(DEFAULT_SETTINGS, { autoOpen: ['example.com', 'news.org'], sitesOff: ['news.org'] });
  assert.equal(opensAutomatically(DEFAULT_SETTINGS, 'example.com'), false, 'off by default');
  assert.equal(opensAutomatically(settings, 'www.example.com'), true);
  assert.equal(opensAutomatically(settings, 'live.example.com'), true);
  assert.equal(opensAutomatically(settings, 'example.com.evil.net'), false);
  assert.equal(opensAutomatically(settings, 'news.org'), false);
});
