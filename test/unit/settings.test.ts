import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeSettings, DEFAULT_SETTINGS, isSiteOff, normaliseHost, repairSettings } from '../../src/shared/settings';

test('missing or damaged settings are repaired from the defaults, field by field', () => {
  assert.deepEqual(repairSettings(undefined), DEFAULT_SETTINGS);
  assert.deepEqual(repairSettings('garbage'), DEFAULT_SETTINGS);
  const repaired = repairSettings({ theme: 'dark', side: 'up', history: 'yes', historyRetentionDays: -4, sitesOff: 'x', extra: 1 });
  assert.deepEqual(repaired, { ...DEFAULT_SETTINGS, theme: 'dark' });
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
  assert.equal(parseSettingsChange({ historyRetentionDays: 0 }), undefined);
  assert.equal(parseSettingsChange({ unknown: true }), undefined);
  assert.equal(parseSettingsChange(null), undefined);
});
