import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { manifestFor } from '../../scripts/lib/manifest';

const source = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));

test('Chrome gets a service worker and no Firefox-only keys', () => {
  const chrome = manifestFor(source, 'chrome', '1.2.3');
  assert.deepEqual(chrome['background'], { service_worker: 'background.js' });
  assert.equal(chrome['browser_specific_settings'], undefined);
  assert.equal(chrome['version'], '1.2.3');
});

test('Firefox gets an event page and its gecko id', () => {
  const firefox = manifestFor(source, 'firefox', '1.2.3');
  assert.deepEqual(firefox['background'], { scripts: ['background.js'] });
  const gecko = (firefox['browser_specific_settings'] as { gecko: { id: string } }).gecko;
  assert.match(gecko.id, /@/);
});

test('the source manifest is not changed by a transform', () => {
  const before = JSON.stringify(source);
  manifestFor(source, 'firefox', '9.9.9');
  assert.equal(JSON.stringify(source), before);
});
