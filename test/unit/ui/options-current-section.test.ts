import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { cleanup, document, mount, settle } from './dom';
import { currentSection } from '../../../src/options/current-section';
import { OptionsNav } from '../../../src/options/components/OptionsNav';

afterEach(cleanup);

test('the section being read is the last whose heading reached a quarter of the view', () => {
  assert.equal(currentSection({ tops: [120, 900, 1800], viewHeight: 800, atBottom: false }), 0);
  assert.equal(currentSection({ tops: [-700, 150, 1000], viewHeight: 800, atBottom: false }), 1);
  assert.equal(currentSection({ tops: [-2000, -900, 199], viewHeight: 800, atBottom: false }), 2);
  // None reached yet (a heading below the line at the top of the page): the first.
  assert.equal(currentSection({ tops: [300, 900], viewHeight: 800, atBottom: false }), 0);
  assert.equal(currentSection({ tops: [], viewHeight: 800, atBottom: false }), -1);
});

test('scrolled to the bottom, a short last section the line can never reach is the one in view', () => {
  const tops = [-1500, -300, 500, 700];
  assert.equal(currentSection({ tops, viewHeight: 800, atBottom: false }), 1);
  assert.equal(currentSection({ tops, viewHeight: 800, atBottom: true }), 3);
  // Below the view even at the bottom (a layout that cannot happen, but not a section in view).
  assert.equal(currentSection({ tops: [-1500, -300, 900], viewHeight: 800, atBottom: true }), 1);
});

test('the contents mark the section being read and follow the scroll', async () => {
  const tops = new Map<string, number>([
    ['appearance-title', 100],
    ['place-title', 700],
    ['feeds-title', 1500],
  ]);
  const headings = [...tops.keys()].map((id) => {
    const el = document.createElement('h2');
    el.id = id;
    el.getBoundingClientRect = () => ({ top: tops.get(id)! }) as DOMRect;
    document.body.append(el);
    return el;
  });
  // jsdom lays nothing out: the page is made long enough not to be at its bottom.
  const root = document.documentElement;
  Object.defineProperty(root, 'scrollHeight', { value: 5000, configurable: true });
  try {
    const view = await mount(h(OptionsNav, {}));
    await settle(5);
    const marked = (): string[] => [...view.querySelectorAll('a[aria-current="location"]')].map((a) => a.getAttribute('href')!);
    assert.deepEqual(marked(), ['#appearance-title']);
    for (const [id, top] of tops) tops.set(id, top - 650);
    await act(() => {
      window.dispatchEvent(new window.Event('scroll'));
    });
    await settle(5);
    assert.deepEqual(marked(), ['#place-title']);
    // At the bottom of the page, the short last section in view, under the reading line.
    tops.set('feeds-title', 600);
    Object.defineProperty(root, 'scrollHeight', { value: window.innerHeight, configurable: true });
    await act(() => {
      window.dispatchEvent(new window.Event('resize'));
    });
    await settle(5);
    assert.deepEqual(marked(), ['#feeds-title']);
  } finally {
    for (const el of headings) el.remove();
    delete (root as unknown as Record<string, unknown>)['scrollHeight'];
  }
});
