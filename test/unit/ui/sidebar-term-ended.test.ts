// A member whose term is over by the reader's day is still listed under "Your officials", marked
// so ("term ended …: check who holds this seat now"), and named in no letter: the blank stays for
// the reader. Members still serving are named as before.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { h } from 'preact';
import { cleanup, mount, settle, text } from './dom';
import { fakeBackground } from './fake-background';
import { App } from '../../../src/sidebar/App';
import { TodayContext } from '../../../src/sidebar/officials-context';
import { parseDirectory } from '../../../src/formats/officials-format';
import { DEFAULT_SETTINGS } from '../../../src/formats/settings';
import type { StoryView } from '../../../src/contracts/views';

afterEach(cleanup);

const DIRECTORY = parseDirectory(JSON.parse(readFileSync(new URL('../../fixtures/officials/expected.json', import.meta.url), 'utf8')));
const STORY: StoryView = {
  id: 'p/s', title: 'A story', summary: 'S.', span: null, following: false, categories: [], reports: [], opinions: [],
  actions: [{ id: 'w', kind: 'contact-official', title: 'Write', details: 'D.', template: { subject: 'S', body: 'Dear {representative},\ncc {senators}' }, done: false }],
  why: null,
};

async function showOn(today: string): Promise<HTMLElement> {
  const settings = { ...DEFAULT_SETTINGS, place: { country: 'US', state: 'WA', district: 3 } };
  const bg = fakeBackground({ 'sidebar/view': () => ({ kind: 'story', story: STORY }), 'settings/get': () => settings });
  const root = await mount(h(TodayContext.Provider, { value: () => today }, h(App, { call: bg.call, officials: () => Promise.resolve(DIRECTORY) })));
  await settle(10);
  return root;
}

const cards = (root: HTMLElement) =>
  [...root.querySelectorAll('[data-testid="officials"] [data-official]')].map((card) => [text(card.querySelector('.official-name')), text(card.querySelector('[data-testid="term-ended"]'))]);

test('on the last day of a term the member is named as before', async () => {
  const root = await showOn('2027-01-03');
  assert.deepEqual(cards(root), [['Ada Senior', ''], ['Bo Junior', ''], ['Flo Three', '']]);
  assert.equal(text(root.querySelector('[data-testid="letter-body"]')), 'Dear Representative Flo Three,\ncc Senator Ada Senior and Senator Bo Junior');
});

test('past it, the member is marked and the letter leaves their blank to the reader', async () => {
  const root = await showOn('2027-01-04');
  assert.deepEqual(cards(root), [['Ada Senior', ''], ['Bo Junior', ''], ['Flo Three', 'Term ended Jan 3, 2027: check who holds this seat now.']]);
  assert.equal(text(root.querySelector('[data-testid="letter-body"]')), 'Dear {representative},\ncc Senator Ada Senior and Senator Bo Junior');
  assert.equal(text(root.querySelector('.template-status')), '1 field still empty');
});
