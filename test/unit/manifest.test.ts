import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { manifestFor } from '../../scripts/lib/manifest';
import { PAGE_ORIGINS } from '../../src/shared/platform';

const source = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));
const permissionsDoc = readFileSync(new URL('../../docs/permissions.md', import.meta.url), 'utf8');

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

test('Firefox is told that nothing is collected, with an Android minimum that knows the key', () => {
  const settings = manifestFor(source, 'firefox', '1.2.3')['browser_specific_settings'] as {
    gecko: { data_collection_permissions: unknown };
    gecko_android: { strict_min_version: string };
  };
  assert.deepEqual(settings.gecko.data_collection_permissions, { required: ['none'] });
  // data_collection_permissions arrived in Firefox for Android 142; web-ext lint warns below that.
  assert.ok(Number.parseFloat(settings.gecko_android.strict_min_version) >= 142);
});

test('the side panel is Chrome\'s side_panel and Firefox\'s sidebar_action, showing the same page', () => {
  const chrome = manifestFor(source, 'chrome', '1.2.3');
  const firefox = manifestFor(source, 'firefox', '1.2.3');
  assert.deepEqual(chrome['side_panel'], { default_path: 'sidebar.html' });
  assert.ok((chrome['permissions'] as string[]).includes('sidePanel'));
  assert.equal(firefox['side_panel'], undefined);
  assert.ok(!(firefox['permissions'] as string[]).includes('sidePanel'));
  const sidebar = firefox['sidebar_action'] as { default_panel: string; open_at_install: boolean };
  assert.equal(sidebar.default_panel, 'sidebar.html');
  assert.equal(sidebar.open_at_install, false);
});

test('the source manifest is not changed by a transform', () => {
  const before = JSON.stringify(source);
  manifestFor(source, 'firefox', '9.9.9');
  assert.equal(JSON.stringify(source), before);
});

test('every permission and host permission is justified in docs/permissions.md', () => {
  const asked: string[] = [
    ...(source.permissions ?? []),
    ...(source.optional_permissions ?? []),
    ...(source.host_permissions ?? []),
    ...(source.optional_host_permissions ?? []),
  ];
  assert.ok(asked.length > 0);
  const headings = permissionsDoc.split('\n').filter((line: string) => line.startsWith('### '));
  for (const permission of asked) {
    assert.ok(headings.some((heading: string) => heading.includes(`\`${permission}\``)), `${permission} has no section`);
  }
});

test('the pages the popup asks access for are exactly the host permissions and content-script matches', () => {
  assert.deepEqual([...source.host_permissions].sort(), [...PAGE_ORIGINS].sort());
  for (const script of source.content_scripts) assert.deepEqual([...script.matches].sort(), [...PAGE_ORIGINS].sort());
});

test('only the gate is registered on pages; the extraction bundle is injected on demand, never web-accessible', () => {
  assert.deepEqual(
    source.content_scripts.map((script: { js: string[] }) => script.js),
    [['gate.js']],
  );
  assert.ok(source.permissions.includes('scripting'));
  const exposed = (source.web_accessible_resources ?? []).flatMap((entry: { resources: string[] }) => entry.resources);
  // The sidebar's page alone: its script and styles are loaded by the page itself, from its own origin.
  assert.deepEqual(exposed, ['sidebar.html']);
});

test('the name and description fit the stores’ limits (Chrome Web Store: 45 and 132 characters)', () => {
  const messages = JSON.parse(readFileSync(new URL('../../assets/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<string, { message: string }>;
  const text = (field: string): string => {
    const key = /^__MSG_(\w+)__$/.exec(String(source[field]))?.[1];
    return key ? messages[key]!.message : String(source[field]);
  };
  assert.ok(text('name').length <= 45, text('name'));
  assert.ok(text('description').length <= 132, `${text('description').length} characters: ${text('description')}`);
});
