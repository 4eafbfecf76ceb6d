// The sidebar's coverage marks the reports the reader already read ("You read this"), and only those.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { cleanup, mount, text } from './ui/dom';
import { STORY } from './ui/fixtures';
import { CoverageSection } from '../../src/sidebar/components/CoverageSection';

afterEach(cleanup);

test('a report in the reading history carries a "You read this" mark; the others do not', async () => {
  const [first, second, ...rest] = STORY.reports;
  assert.ok(first && second);
  const reports = [{ ...first, read: true }, second, ...rest];
  const root = await mount(h(CoverageSection, { reports }));
  const marked = [...root.querySelectorAll('[data-report]')].filter((el) => el.querySelector('[data-read]'));
  assert.deepEqual(marked.map((el) => el.getAttribute('data-report')), [first.id]);
  assert.equal(text(marked[0]?.querySelector('[data-read]')), 'You read this');
});
