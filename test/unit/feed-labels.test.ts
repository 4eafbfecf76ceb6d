// A feed story borrows the categories of the labelled pack story about the same event, with their
// ancestors: matched with both sides' dates, so a later event of the same topic borrows nothing.
// A pack stored before the validator refused parent cycles may still hold one: labelling must copy
// each category once and stop, not walk round the cycle until the stack gives out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FeedLabels } from '../../src/background/feeds/feed-labels';
import type { Entry } from '../../src/background/feeds/feed-entry';
import type { Pack } from '../../src/formats/model';

const TITLE = 'Alaska summit ends without a ceasefire deal as Trump and Putin leave Anchorage';
const LEAD = 'Trump and Putin met for three hours at the Anchorage air base without a Ukraine ceasefire agreement.';

const pack = (categories: Pack['categories']): Pack => ({
  format: 1,
  id: 'p',
  publisher: 'p',
  version: '1',
  updated: '2025-08-16T00:00:00Z',
  categories,
  outlets: [{ id: 'm', name: 'The Daily Meridian' }],
  stories: [{ id: 'summit', title: 'Alaska summit', summary: 'Trump and Putin in Anchorage.', categories: ['europe'], articles: [{ id: 'r1', title: TITLE, outlet: 'm', kind: 'report', excerpt: LEAD, published: '2025-08-15T23:30:00Z' }], opinions: [], actions: [] }],
});

const at = (iso: string): number => Date.parse(iso);
const entry = (id: string, title: string, summary: string, ms: number | null): Entry => ({ article: { id, title, outlet: 'harbour', kind: 'report', excerpt: summary }, own: true, summary, ms, author: null, sourceName: null });
const member = entry('f1', TITLE, LEAD, at('2025-08-16T02:00:00Z'));

test('a feed story takes the nearest pack story’s categories with their ancestors', () => {
  const labels = new FeedLabels([pack([{ id: 'world', name: 'World', actions: [] }, { id: 'europe', name: 'Europe', parent: 'world', actions: [] }])]);
  const { categories, records } = labels.label([member]);
  assert.deepEqual(categories, ['p:europe']);
  assert.deepEqual(records.map((c) => [c.id, c.parent ?? null]).sort(), [['p:europe', 'p:world'], ['p:world', null]]);
});

test('a stored pack whose parents form a cycle: each category copied once, no endless walk', () => {
  const labels = new FeedLabels([pack([{ id: 'world', name: 'World', parent: 'europe', actions: [] }, { id: 'europe', name: 'Europe', parent: 'world', actions: [] }])]);
  const { records } = labels.label([member]);
  assert.deepEqual(records.map((c) => c.id).sort(), ['p:europe', 'p:world']);
});

const starter = JSON.parse(readFileSync(new URL('../../assets/packs/starter.json', import.meta.url), 'utf8')) as Pack;
const CALL = ['Trump and Putin speak by phone about Ukraine ceasefire', 'President Trump and Russian President Vladimir Putin spoke for two hours by phone on Tuesday about a possible ceasefire in Ukraine, the White House said.'] as const;
const BUDAPEST = ['Trump says he will meet Putin in Budapest', 'Trump said he would meet Putin in Hungary within two weeks to discuss ending the war in Ukraine, after a long call with the Russian leader.'] as const;

test('a later event between the same leaders is another story: it borrows none of the summit’s categories', () => {
  const labels = new FeedLabels([starter]);
  // Two months after the Alaska summit: the same names, another event (and no voter-registration steps).
  assert.deepEqual(labels.label([entry('call', ...CALL, at('2025-10-14T18:00:00Z'))]).categories, []);
  assert.deepEqual(labels.label([entry('budapest', ...BUDAPEST, at('2025-10-16T20:00:00Z'))]).categories, []);
  // The summit's own report, that night, is the same event.
  const summit = entry('report', 'Trump and Putin end Alaska summit in Anchorage with no Ukraine ceasefire deal', 'Trump and Putin met for three hours in Anchorage, Alaska, and announced no ceasefire and no agreement on Ukraine.', at('2025-08-16T01:00:00Z'));
  assert.deepEqual(labels.label([summit]).categories, starter.stories[0]!.categories.map((c) => `storyline-starter:${c}`));
});

test('an undated report, or a pack story with no dated report, lends no category: the classifier files it', () => {
  assert.deepEqual(new FeedLabels([starter]).label([entry('undated', ...CALL, null)]).categories, []);
  assert.deepEqual(new FeedLabels([pack([{ id: 'europe', name: 'Europe', actions: [] }])]).label([{ ...member, ms: null }]).categories, []);
  const undatedPack = pack([{ id: 'europe', name: 'Europe', actions: [] }]);
  undatedPack.stories[0]!.articles = undatedPack.stories[0]!.articles.map(({ published: _, ...a }) => a);
  assert.deepEqual(new FeedLabels([undatedPack]).label([member]).categories, []);
});
