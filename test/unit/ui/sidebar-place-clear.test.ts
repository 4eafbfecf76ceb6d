// "Change your place" → country "Not set" → Save clears the place: the step says so (not "Letters
// are addressed to your officials", which is then false), and the focus, which was on the form's
// Save button, stays in the step rather than falling to the page's body.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { h } from 'preact';
import { cleanup, click, document, mount, settle, text } from './dom';
import { fakeBackground } from './fake-background';
import { App } from '../../../src/sidebar/App';
import { TodayContext } from '../../../src/sidebar/officials-context';
import { parseDirectory } from '../../../src/formats/officials-format';
import { DEFAULT_SETTINGS, repairSettings, type Settings } from '../../../src/formats/settings';
import type { StoryView } from '../../../src/contracts/views';

afterEach(cleanup);

const DIRECTORY = parseDirectory(JSON.parse(readFileSync(new URL('../../fixtures/officials/expected.json', import.meta.url), 'utf8')));
const contact = (id: string) => ({ id, kind: 'contact-official' as const, title: `Write ${id}`, details: 'D.', template: { subject: 'S', body: 'Dear {representative}, {name}' }, done: false });
const STORY: StoryView = {
  id: 'p/s', title: 'A story', summary: 'S.', span: null, following: false, categories: [], reports: [], opinions: [],
  actions: [contact('first'), contact('second')],
  why: null,
};

async function clearFrom(stepId: string): Promise<{ root: HTMLElement; step: Element; settings: () => Settings }> {
  let settings: Settings = { ...DEFAULT_SETTINGS, place: { country: 'US', state: 'WA', district: 3 }, readerName: 'Ana' };
  const bg = fakeBackground({
    'sidebar/view': () => ({ kind: 'story', story: STORY }),
    'settings/get': () => settings,
    'settings/update': ({ change }) => (settings = repairSettings({ ...settings, ...change })),
  });
  const root = await mount(h(TodayContext.Provider, { value: () => '2026-06-16' }, h(App, { call: bg.call, officials: () => Promise.resolve(DIRECTORY) })));
  await settle(20);
  const step = root.querySelector(`[data-action="${stepId}"]`)!;
  await click(step.querySelector('.officials-meta .link-button'));
  const country = step.querySelector<HTMLSelectElement>('[data-testid="place-form"] select[name="country"]')!;
  country.value = '';
  country.dispatchEvent(new document.defaultView!.Event('change', { bubbles: true }));
  await settle();
  const save = step.querySelector<HTMLButtonElement>('[data-testid="place-form"] button[type="submit"]')!;
  save.focus();
  await click(save);
  await settle(10);
  return { root, step, settings: () => settings };
}

test('clearing the place in the first contact step says so, shows the form again and keeps the focus there', async () => {
  const { step, settings } = await clearFrom('first');
  assert.equal(settings().place, null);
  assert.equal(settings().readerName, 'Ana', 'the name was not touched');
  assert.equal(text(step.querySelector('[data-testid="officials-saved"]')), 'Place cleared. Letters keep their blanks for you to fill in.');
  assert.equal(step.querySelector('[data-testid="officials"]')?.getAttribute('data-lookup'), 'unset');
  assert.ok(step.querySelector('[data-testid="place-form"]'), 'the first step asks for the place again');
  assert.equal(document.activeElement, step.querySelector('.officials-title'));
});

test('clearing it from a later step says so too, with the focus on that step\'s heading', async () => {
  const { step } = await clearFrom('second');
  assert.equal(text(step.querySelector('[data-testid="officials-saved"]')), 'Place cleared. Letters keep their blanks for you to fill in.');
  assert.equal(step.querySelector('[data-testid="place-form"]'), null);
  assert.equal(document.activeElement, step.querySelector('.officials-title'));
  assert.notEqual(document.activeElement, document.body);
});
