// A pack may name a letter's placeholder after a member of Object.prototype (`{constructor}`,
// `{toString}`, `{valueOf}`): the pack validator accepts it, so the letter must treat it as any other
// blank, not find a function where a value was looked up (which blanked the whole story).
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { cleanup, mount, text, typeInto } from './dom';
import { fakeBackground } from './fake-background';
import { App } from '../../../src/sidebar/App';
import { validatePack } from '../../../src/formats/pack-validate';
import { DEFAULT_SETTINGS } from '../../../src/formats/settings';
import { fillTemplate, letterFill, placeholders } from '../../../src/sidebar/letter';
import type { StoryView } from '../../../src/contracts/views';
import { samplePack } from '../../fixtures/packs';

afterEach(cleanup);

const TEMPLATE = { subject: 'About {story} {toString}', body: 'Dear {representative},\n\nMy {constructor} view, {valueOf} and {hasOwnProperty}.\n\n{name}' };

test('Object.prototype\'s names are blanks like any other', () => {
  const pack = samplePack();
  pack.stories[0]!.actions[0]!.template = TEMPLATE;
  assert.equal(validatePack(pack).ok, true);
  assert.deepEqual(placeholders(TEMPLATE.subject, TEMPLATE.body), ['story', 'tostring', 'representative', 'constructor', 'valueof', 'hasownproperty', 'name']);
  const { values } = letterFill({ story: 'A story', today: '2026-06-16' });
  assert.equal(fillTemplate(TEMPLATE.subject, values), 'About A story {toString}');
  assert.equal(fillTemplate(TEMPLATE.body, values), TEMPLATE.body);
});

test('a story whose letter has {constructor} shows, with a field for it that fills the letter', async () => {
  const story: StoryView = {
    id: 'p/s', title: 'A story', summary: 'S.', span: null, following: false, categories: [], reports: [], opinions: [],
    actions: [{ id: 'w', kind: 'write', title: 'Write a letter', details: 'To the editor.', template: TEMPLATE, done: false }],
    why: null,
  };
  const bg = fakeBackground({ 'sidebar/view': () => ({ kind: 'story', story }), 'settings/get': () => DEFAULT_SETTINGS });
  const root = await mount(h(App, { call: bg.call, officials: () => Promise.reject(new Error('none')) }));
  const letter = root.querySelector('[data-action="w"] [data-testid="letter"]');
  assert.ok(letter, 'the letter step is shown');
  const labels = [...letter.querySelectorAll('.template-field span')].map((s) => text(s));
  assert.deepEqual(labels, ['Story', 'Tostring', 'Representative', 'Constructor', 'Valueof', 'Hasownproperty', 'Name']);
  const inputs = [...letter.querySelectorAll<HTMLInputElement>('.template-field input')];
  assert.deepEqual(inputs.map((i) => i.value), ['A story', '', '', '', '', '', '']);
  assert.equal(text(letter.querySelector('.template-status')), '6 fields still empty');
  await typeInto(inputs[3], 'considered');
  assert.match(text(letter.querySelector('[data-testid="letter-body"]')), /My considered view, \{valueOf\} and \{hasOwnProperty\}\./);
  assert.equal(text(letter.querySelector('.template-status')), '5 fields still empty');
});
