import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { cleanup, document, mount } from './dom';
import { currentSection } from '../../../src/options/current-section';
import { OptionsNav } from '../../../src/options/components/OptionsNav';

afterEach(cleanup);

test('the section being read is the last whose heading reached a quarter of the view', () => {
  assert.equal(currentSection({ tops: [120, 900, 1800], viewHeight: 800, atBottom: false, target: -1 }), 0);
  assert.equal(currentSection({ tops: [-700, 150, 1000], viewHeight: 800, atBottom: false, target: -1 }), 1);
  assert.equal(currentSection({ tops: [-2000, -900, 199], viewHeight: 800, atBottom: false, target: -1 }), 2);
  // None reached yet (a heading below the line at the top of the page): the first.
  assert.equal(currentSection({ tops: [300, 900], viewHeight: 800, atBottom: false, target: -1 }), 0);
  assert.equal(currentSection({ tops: [], viewHeight: 800, atBottom: false, target: -1 }), -1);
});

test('scrolled to the bottom, a short last section the line can never reach is the one in view', () => {
  const tops = [-1500, -300, 500, 700];
  assert.equal(currentSection({ tops, viewHeight: 800, atBottom: false, target: -1 }), 1);
  assert.equal(currentSection({ tops, viewHeight: 800, atBottom: true, target: -1 }), 3);
  // Below the view even at the bottom (a layout that cannot happen, but not a section in view).
  assert.equal(currentSection({ tops: [-1500, -300, 900], viewHeight: 800, atBottom: true, target: -1 }), 1);
});

test('at the bottom, the section the reader jumped to is the one marked while its heading is in view', () => {
  // Both short last sections end their jump at the same place: the fragment tells them apart.
  const tops = [-1500, -300, 100, 500];
  assert.equal(currentSection({ tops, viewHeight: 800, atBottom: true, target: 2 }), 2);
  assert.equal(currentSection({ tops, viewHeight: 800, atBottom: true, target: 3 }), 3);
  // A section jumped to long ago and scrolled past (above the view, or above the one being read) is not.
  assert.equal(currentSection({ tops, viewHeight: 800, atBottom: true, target: 0 }), 3);
  assert.equal(currentSection({ tops, viewHeight: 800, atBottom: true, target: 1 }), 3);
  // Not at the bottom, the reading line decides alone.
  assert.equal(currentSection({ tops, viewHeight: 800, atBottom: false, target: 3 }), 2);
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
    // Marked at once, with no frame to wait for (a tab behind others gets none in Firefox).
    const view = await mount(h(OptionsNav, {}));
    const marked = (): string[] => [...view.querySelectorAll('a[aria-current="location"]')].map((a) => a.getAttribute('href')!);
    assert.deepEqual(marked(), ['#appearance-title']);
    for (const [id, top] of tops) tops.set(id, top - 650);
    await act(() => {
      window.dispatchEvent(new window.Event('scroll'));
    });
    assert.deepEqual(marked(), ['#place-title']);
    // At the bottom of the page, the short last section in view, under the reading line.
    tops.set('feeds-title', 600);
    Object.defineProperty(root, 'scrollHeight', { value: window.innerHeight, configurable: true });
    await act(() => {
      window.dispatchEvent(new window.Event('resize'));
    });
    assert.deepEqual(marked(), ['#feeds-title']);
    // A contents link followed there names its section; the page cannot scroll further, so only the
    // fragment changes (hashchange).
    tops.set('place-title', 100);
    await act(() => {
      window.location.hash = 'place-title';
      window.dispatchEvent(new window.HashChangeEvent('hashchange'));
    });
    assert.deepEqual(marked(), ['#place-title']);
  } finally {
    window.location.hash = '';
    for (const el of headings) el.remove();
    delete (root as unknown as Record<string, unknown>)['scrollHeight'];
  }
});
