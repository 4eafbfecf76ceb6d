// Web-accessible resources and fingerprinting (issue 16): in Chrome the sidebar's files load only
// from the per-session URL runtime.getURL gives (use_dynamic_url), never from chrome-extension://<id>/;
// Firefox's manifest schema has no such key (its moz-extension UUID is random per install already).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { manifestFor } from '../../scripts/lib/manifest';

const source = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));
type Resources = { resources: string[]; use_dynamic_url?: boolean }[];

test('Chrome: every web-accessible resource needs the per-session URL', () => {
  const resources = manifestFor(source, 'chrome', '1.0.0')['web_accessible_resources'] as Resources;
  assert.ok(resources.length > 0);
  for (const entry of resources) assert.equal(entry.use_dynamic_url, true, entry.resources.join(', '));
});

test('Firefox: the same resources, without the Chrome-only key', () => {
  const chrome = manifestFor(source, 'chrome', '1.0.0')['web_accessible_resources'] as Resources;
  const firefox = manifestFor(source, 'firefox', '1.0.0')['web_accessible_resources'] as Resources;
  assert.deepEqual(firefox.map((e) => e.resources), chrome.map((e) => e.resources));
  for (const entry of firefox) assert.equal('use_dynamic_url' in entry, false);
});
