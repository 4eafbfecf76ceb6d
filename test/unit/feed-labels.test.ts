// A feed story borrows the categories of the nearest labelled pack story, with their ancestors.
// A pack stored before the validator refused parent cycles may still hold one: labelling must copy
// each category once and stop, not walk round the cycle until the stack gives out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
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
  stories: [{ id: 'summit', title: 'Alaska summit', summary: 'Trump and Putin in Anchorage.', categories: ['europe'], articles: [{ id: 'r1', title: TITLE, outlet: 'm', kind: 'report', excerpt: LEAD }], opinions: [], actions: [] }],
});

const member: Entry = { article: { id: 'f1', title: TITLE, outlet: 'harbour', kind: 'report', excerpt: LEAD }, own: true, summary: LEAD, ms: null, author: null, sourceName: null };

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
