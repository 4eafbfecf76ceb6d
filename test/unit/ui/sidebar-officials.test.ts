// Contact steps in the sidebar: the reader's officials named from the shipped-format directory (the
// fixture made by scripts/build-officials.ts), the letter filled from place, name and story, the
// place asked inline in the first contact step, and "who decides this" for the story's categories.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { h } from 'preact';
import { cleanup, click, document, mount, settle, text, unmount } from './dom';
import { fakeBackground } from './fake-background';
import { App } from '../../../src/sidebar/App';
import { TodayContext } from '../../../src/sidebar/officials-context';
import { parseDirectory, type OfficialsDirectory } from '../../../src/formats/officials-format';
import { DEFAULT_SETTINGS, repairSettings, type ReaderPlace, type Settings } from '../../../src/formats/settings';
import type { StoryView } from '../../../src/contracts/views';

afterEach(cleanup);

const DIRECTORY = parseDirectory(JSON.parse(readFileSync(new URL('../../fixtures/officials/expected.json', import.meta.url), 'utf8')));

const LETTER = { subject: 'About {story}', body: 'Dear {representative},\n\nI read "{story}". {ask}\n\n{name}' };

const STORY: StoryView = {
  id: 'civic/guns-bill',
  title: 'Senate panel takes up a background-check bill',
  summary: 'A committee hearing on a bill.',
  span: null,
  following: false,
  categories: [
    { id: 'civic/guns', name: 'Guns' },
    { id: 'civic/immigration', name: 'Immigration' },
    { id: 'starter/local', name: 'Local' },
  ],
  reports: [],
  opinions: [],
  actions: [
    { id: 'learn', kind: 'learn', title: 'Read the bill', details: 'The text as introduced.', done: false },
    { id: 'write', kind: 'contact-official', title: 'Write to your officials', details: 'Say where you stand.', template: LETTER, done: false },
    {
      id: 'civic/guns#call',
      kind: 'contact-official',
      title: 'Call about gun laws',
      details: 'A call counts.',
      fromCategory: 'Guns',
      template: { subject: 'Guns', body: 'Dear {senators}, {name}' },
      done: false,
    },
  ],
  why: null,
};

interface Rig {
  root: HTMLElement;
  calls: { type: string; payload: unknown }[];
  loads: () => number;
}

async function showStory(
  options: { place?: ReaderPlace | null; readerName?: string; story?: StoryView; directory?: () => Promise<OfficialsDirectory>; saveFails?: boolean } = {},
): Promise<Rig> {
  let settings: Settings = { ...DEFAULT_SETTINGS, place: options.place ?? null, readerName: options.readerName ?? '' };
  let loads = 0;
  const bg = fakeBackground({
    'sidebar/view': () => ({ kind: 'story', story: options.story ?? STORY }),
    'settings/get': () => settings,
    'settings/update': ({ change }) => (options.saveFails ? Promise.reject(new Error('storage full')) : (settings = repairSettings({ ...settings, ...change }))),
  });
  const officials = () => {
    loads++;
    return (options.directory ?? (() => Promise.resolve(DIRECTORY)))();
  };
  // A day inside every fixture member's term, so no test here depends on the day it runs.
  const root = await mount(h(TodayContext.Provider, { value: () => '2026-06-16' }, h(App, { call: bg.call, officials })));
  return { root, calls: bg.calls, loads: () => loads };
}

const steps = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-section="actions"] .action')];
const body = (step: Element | undefined) => text(step?.querySelector('[data-testid="letter-body"]'));

function choose(select: HTMLSelectElement | null, value: string): Promise<void> {
  if (!select) throw new Error('no select');
  select.value = value;
  select.dispatchEvent(new document.defaultView!.Event('change', { bubbles: true }));
  return settle();
}

test('a contact step names the reader\'s senators and representative, with phone and contact form', async () => {
  const { root } = await showStory({ place: { country: 'US', state: 'WA', district: 3 }, readerName: 'Ana Example' });
  const step = steps(root)[1]!;
  const officials = step.querySelector('[data-testid="officials"]');
  assert.equal(officials?.getAttribute('data-lookup'), 'found');
  assert.equal(text(officials?.querySelector('.officials-place')), 'Washington, district 3');
  const cards = [...(officials?.querySelectorAll('[data-official]') ?? [])];
  assert.deepEqual(cards.map((c) => text(c.querySelector('.official-name'))), ['Ada Senior', 'Bo Junior', 'Flo Three']);
  assert.deepEqual(cards.map((c) => text(c.querySelector('.official-role'))), ['Senator · Democrat, WA', 'Senator · Independent, WA', 'Representative · Republican, WA']);
  const call = cards[0]!.querySelector('a[href^="tel:"]');
  assert.equal(call?.getAttribute('href'), 'tel:+12022240001');
  assert.equal(call?.getAttribute('aria-label'), 'Call the office of Ada Senior: 202-224-0001');
  // The form where there is one, the website otherwise (Bo Junior's form is not a URL in the data).
  assert.match(text(cards[0]!.querySelector('a[target="_blank"]')), /^Contact form/);
  assert.equal(cards[1]!.querySelector('a[target="_blank"]')?.getAttribute('href'), 'http://junior.senate.example');
  assert.match(text(cards[1]!.querySelector('a[target="_blank"]')), /^Website/);
  assert.match(text(officials), /Congress as of June 15, 2026/);

  assert.equal(body(step), 'Dear Representative Flo Three,\n\nI read "Senate panel takes up a background-check bill". {ask}\n\nAna Example');
  assert.equal(body(steps(root)[2]), 'Dear Senator Ada Senior and Senator Bo Junior, Ana Example');
  // Only contact steps show officials.
  assert.equal(steps(root)[0]!.querySelector('[data-testid="officials"]'), null);
  await unmount(root);
});

test('every filled field stays the reader\'s to edit, and the unfilled ones stay blanks', async () => {
  const { root } = await showStory({ place: { country: 'US', state: 'WA', district: 3 } });
  const step = steps(root)[1]!;
  const inputs = [...step.querySelectorAll<HTMLInputElement>('.template-field input')];
  const byLabel = new Map(inputs.map((input) => [text(input.closest('label')?.querySelector('span')), input]));
  assert.equal(byLabel.get('Representative')?.value, 'Representative Flo Three');
  assert.equal(byLabel.get('Story')?.value, STORY.title);
  assert.equal(byLabel.get('Name')?.value, '');
  const rep = byLabel.get('Representative')!;
  rep.value = 'Rep. Three';
  rep.dispatchEvent(new document.defaultView!.Event('input', { bubbles: true }));
  await settle();
  assert.match(body(step), /^Dear Rep\. Three,/);
  assert.match(body(step), /\{ask\}/);
  assert.match(body(step), /\{name\}$/);
  assert.equal(text(step.querySelector('.template-status')), '2 fields still empty');
  const name = byLabel.get('Name')!;
  name.value = 'Ann Reader';
  name.dispatchEvent(new document.defaultView!.Event('input', { bubbles: true }));
  await settle();
  assert.equal(text(step.querySelector('.template-status')), '1 field still empty');
  await unmount(root);
});

test('who decides: the leaders of the committees covering the story\'s civic categories, per step', async () => {
  const { root } = await showStory({ place: { country: 'US', state: 'WA', district: 3 } });
  const [, own, fromGuns] = steps(root);
  const committees = (step: Element | undefined) => [...(step?.querySelectorAll('[data-testid="deciders"] [data-committee]') ?? [])].map((c) => c.getAttribute('data-committee'));
  // The story's own step: guns and immigration (the starter pack's "Local" is not a civic category).
  assert.deepEqual(committees(own), ['SSJU', 'HSJU']);
  const deciders = own!.querySelector('[data-testid="deciders"]');
  assert.equal(text(deciders?.querySelector('summary')), 'Who decides this (4)');
  assert.match(text(deciders?.querySelector('[data-committee="SSJU"]')), /Covers: Guns, Immigration.*Cy North.*Chairman · Republican, AK.*Ada Senior.*Ranking Member · Democrat, WA/s);
  // A standing step of the Guns category: the committees that cover guns.
  assert.deepEqual(committees(fromGuns), ['SSJU', 'HSJU']);
  assert.match(text(fromGuns!.querySelector('[data-committee="SSJU"] .committee-covers')), /^Covers: Guns$/);
  await unmount(root);
});

test('with no place set, the first contact step asks for it inline, and saving addresses every letter', async () => {
  const { root, calls } = await showStory();
  const [, first, second] = steps(root);
  assert.equal(first!.querySelector('[data-testid="officials"]')?.getAttribute('data-lookup'), 'unset');
  assert.match(text(first!.querySelector('.officials-note')), /Set your state and district once/);
  assert.equal(second!.querySelector('[data-testid="place-form"]'), null);
  assert.match(text(second!.querySelector('.officials-note')), /Set your place in the first letter step/);
  assert.match(body(first), /^Dear \{representative\},/);

  const form = first!.querySelector('[data-testid="place-form"]')!;
  assert.match(text(form), /Kept in this browser only/);
  await choose(form.querySelector('select[name="country"]'), 'US');
  await choose(form.querySelector('select[name="state"]'), 'WA');
  const districts = [...form.querySelectorAll('select[name="district"] option')].map((o) => text(o));
  assert.equal(districts[0], 'I don\'t know');
  assert.deepEqual(districts.slice(1), ['District 1', 'District 2', 'District 3'], 'the districts of the loaded directory');
  await choose(form.querySelector('select[name="district"]'), '3');
  const name = form.querySelector<HTMLInputElement>('input[name="name"]')!;
  name.value = '  Ana   Example ';
  name.dispatchEvent(new document.defaultView!.Event('input', { bubbles: true }));
  await settle();
  form.querySelector<HTMLButtonElement>('button[type="submit"]')!.focus();
  await click(form.querySelector('button[type="submit"]'));
  assert.deepEqual(calls.find((c) => c.type === 'settings/update')?.payload, {
    change: { place: { country: 'US', state: 'WA', district: 3 }, readerName: 'Ana Example' },
  });
  assert.equal(first!.querySelector('[data-testid="place-form"]'), null);
  // The form that said "saved" is gone: the step says it, and the focus is on "Change", not lost.
  assert.match(text(first!.querySelector('[data-testid="officials-saved"]')), /saved/i);
  assert.equal(document.activeElement, first!.querySelector('.officials-meta .link-button'));
  assert.equal(first!.querySelector('[data-testid="officials"]')?.getAttribute('data-lookup'), 'found');
  assert.match(body(first), /^Dear Representative Flo Three,[\s\S]*Ana Example$/);
  assert.equal(body(second), 'Dear Senator Ada Senior and Senator Bo Junior, Ana Example');
  await unmount(root);
});

test('a place that cannot be saved is said so, and the form stays', async () => {
  const { root } = await showStory({ saveFails: true });
  const form = steps(root)[1]!.querySelector('[data-testid="place-form"]')!;
  await choose(form.querySelector('select[name="country"]'), 'US');
  await click(form.querySelector('button[type="submit"]'));
  assert.equal(text(form.querySelector('[role="alert"]')), 'Your place could not be saved.');
  assert.equal(text(form.querySelector('[role="status"]')), '');
  assert.ok(steps(root)[1]!.querySelector('[data-testid="place-form"]'));
  await unmount(root);
});

test('a place the directory has no district for says so and leaves blanks; so does another country', async () => {
  // Washington has 10 districts, the fixture directory 3: a stored WA-7 matches none in it.
  const missing = await showStory({ place: { country: 'US', state: 'WA', district: 7 } });
  const step = steps(missing.root)[1]!;
  assert.equal(step.querySelector('[data-testid="officials"]')?.getAttribute('data-lookup'), 'no-such-place');
  assert.equal(text(step.querySelector('[data-testid="no-such-place"]')), 'Washington, district 7 matches no district in the directory of June 15, 2026: fill in the blanks yourself, or change your place.');
  assert.equal(step.querySelectorAll('[data-official]').length, step.querySelectorAll('[data-testid="deciders"] [data-official]').length);
  assert.match(body(step), /^Dear \{representative\},/);
  await click(step.querySelector('.officials-meta .link-button'));
  assert.ok(step.querySelector('[data-testid="place-form"]'), '"Change your place" opens the form');
  await unmount(missing.root);

  const abroad = await showStory({ place: { country: 'ZZ' }, readerName: 'Ana' });
  const other = steps(abroad.root)[1]!;
  assert.match(text(other.querySelector('.officials-note')), /no directory of officials for your country/);
  assert.equal(body(other), 'Dear {representative},\n\nI read "Senate panel takes up a background-check bill". {ask}\n\nAna');
  await unmount(abroad.root);
});

test('a vacant seat and a state without senators are told, never filled with a wrong name', async () => {
  const vacant = await showStory({ place: { country: 'US', state: 'WA', district: 2 } });
  assert.match(text(steps(vacant.root)[1]!.querySelector('[data-testid="officials"]')), /The House seat of Washington, district 2 is vacant/);
  assert.match(body(steps(vacant.root)[1]), /^Dear \{representative\},/);
  await unmount(vacant.root);
  const dc = await showStory({ place: { country: 'US', state: 'DC', district: 0 } });
  assert.match(text(steps(dc.root)[1]!.querySelector('[data-testid="officials"]')), /District of Columbia, at large.*Hal Capital.*Delegate.*District of Columbia has no senators/s);
  // No one can fill {senators} for D.C.: the sentence naming them is left out, not sent as a blank
  // (here the whole of a letter written to senators: letter-absent.test.ts has the civic letters).
  assert.doesNotMatch(body(steps(dc.root)[2]), /\{senators\}/);
  assert.equal(steps(dc.root)[2]!.querySelector('.template-field'), null);
  await unmount(dc.root);
});

test('a directory that fails to load leaves blanks and says why; a story without contact steps loads nothing', async () => {
  const broken = await showStory({ place: { country: 'US', state: 'WA', district: 3 }, directory: () => Promise.reject(new Error('malformed officials directory: format: must be 1')) });
  // What it means for the reader, in words; the parser's detail is not theirs to read.
  const status = text(steps(broken.root)[1]!.querySelector('.officials-status'));
  assert.match(status, /could not open its list of members of Congress, so it cannot fill in who represents you/);
  assert.doesNotMatch(status, /malformed|format/);
  assert.match(body(steps(broken.root)[1]), /^Dear \{representative\},/);
  await unmount(broken.root);

  const plain = await showStory({ story: { ...STORY, actions: [STORY.actions[0]!] } });
  assert.equal(plain.loads(), 0);
  assert.equal(plain.calls.some((c) => c.type === 'settings/get'), false);
  await unmount(plain.root);
});

test('the directory is loaded once for all the contact steps of a story', async () => {
  const { root, loads } = await showStory({ place: { country: 'US', state: 'WA', district: 3 } });
  assert.equal(steps(root).filter((s) => s.querySelector('[data-testid="officials"]')).length, 2);
  assert.equal(loads(), 1);
  await unmount(root);
});
