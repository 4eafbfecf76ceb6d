import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeSettings, DEFAULT_SETTINGS, isSiteOff, launcherAllowed, normaliseHost, repairSettings } from '../../src/formats/settings';

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
  const { parseSettingsChange } = await import('../../src/formats/settings');
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
  const { opensAutomatically } = await import('../../src/formats/settings');
  const settings = changeSettings(DEFAULT_SETTINGS, { autoOpen: ['example.com', 'news.org'], sitesOff: ['news.org'] });
  assert.equal(opensAutomatically(DEFAULT_SETTINGS, 'example.com'), false, 'off by default');
  assert.equal(opensAutomatically(settings, 'www.example.com'), true);
  assert.equal(opensAutomatically(settings, 'live.example.com'), true);
  assert.equal(opensAutomatically(settings, 'example.com.evil.net'), false);
  assert.equal(opensAutomatically(settings, 'news.org'), false);
});

test('the reader\'s place and name are kept when valid and repaired to unset when not', () => {
  const place = (raw: unknown) => repairSettings({ place: raw }).place;
  assert.equal(DEFAULT_SETTINGS.place, null);
  assert.equal(DEFAULT_SETTINGS.readerName, '');
  assert.deepEqual(place({ country: 'US', state: 'WA', district: 7 }), { country: 'US', state: 'WA', district: 7 });
  assert.deepEqual(place({ country: 'US', state: 'AK', district: 0 }), { country: 'US', state: 'AK', district: 0 });
  // A bad state code, or a district the state does not have, is dropped: never guessed.
  assert.deepEqual(place({ country: 'US', state: 'XX', district: 7 }), { country: 'US' });
  assert.deepEqual(place({ country: 'US', state: 'toString', district: 1 }), { country: 'US' });
  assert.deepEqual(place({ country: 'US', state: 'WA', district: 11 }), { country: 'US', state: 'WA' });
  assert.deepEqual(place({ country: 'US', state: 'WA', district: 0 }), { country: 'US', state: 'WA' });
  assert.deepEqual(place({ country: 'US', state: 'AK', district: 1 }), { country: 'US', state: 'AK' });
  assert.deepEqual(place({ country: 'US', state: 'WA', district: '7' }), { country: 'US', state: 'WA' });
  // Another country keeps its code only; a code that is not one means no place.
  assert.deepEqual(place({ country: 'ZZ', state: 'WA', district: 7 }), { country: 'ZZ' });
  assert.equal(place({ country: 'usa' }), null);
  assert.equal(place('WA-7'), null);
  assert.equal(repairSettings({ readerName: '  Ana\n Example\t' }).readerName, 'Ana Example');
  assert.equal(repairSettings({ readerName: 'x'.repeat(101) }).readerName, '');
  assert.equal(repairSettings({ readerName: 42 }).readerName, '');
});

test('a place change is taken only exactly as given', async () => {
  const { parseSettingsChange } = await import('../../src/formats/settings');
  assert.deepEqual(parseSettingsChange({ place: { country: 'US', state: 'WA', district: 7 }, readerName: 'Ana' }), {
    place: { country: 'US', state: 'WA', district: 7 },
    readerName: 'Ana',
  });
  assert.deepEqual(parseSettingsChange({ place: { district: 7, state: 'WA', country: 'US' } }), { place: { country: 'US', state: 'WA', district: 7 } });
  assert.deepEqual(parseSettingsChange({ place: null }), { place: null });
  assert.equal(parseSettingsChange({ place: { country: 'US', state: 'WA', district: 60 } }), undefined);
  assert.equal(parseSettingsChange({ place: { country: 'US', state: 'WA', extra: 1 } }), undefined);
  assert.equal(parseSettingsChange({ readerName: ' Ana ' }), undefined);
});

test('the launcher may show only where Storyline is on and the reader did not choose the side panel', () => {
  const on = repairSettings({ ...DEFAULT_SETTINGS, sitesOff: ['quiet.example'] });
  assert.equal(launcherAllowed(on, 'news.example'), true);
  assert.equal(launcherAllowed(on, 'quiet.example'), false);
  assert.equal(launcherAllowed(on, 'www.quiet.example'), false);
  assert.equal(launcherAllowed({ ...on, surface: 'panel' }, 'news.example'), false);
});
