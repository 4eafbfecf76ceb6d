// In-page navigations (content/navigation.ts): another page in the same document is looked at
// again once it settles; the same page at another fragment (a footnote, "jump to comments", a
// scroll-spy) is not, which closed an open sidebar and read the page anew.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { watchNavigation } from '../../src/content/navigation';

const scope = globalThis as { navigation?: EventTarget; location?: { href: string } };
const saved = { navigation: scope.navigation, location: scope.location };
after(() => Object.assign(scope, saved));

test('a change of page is told once it settles; a change of fragment alone is not', async () => {
  const navigation = new EventTarget();
  Object.assign(scope, { navigation, location: { href: 'https://news.example/story/1' } });
  let told = 0;
  const stop = new AbortController();
  watchNavigation(() => told++, stop.signal);
  const go = async (href: string): Promise<void> => {
    scope.location!.href = href;
    navigation.dispatchEvent(new Event('navigatesuccess'));
    // Past the settle time (800 ms).
    await new Promise((resolve) => setTimeout(resolve, 900));
  };
  await go('https://news.example/story/1#footnote-3');
  await go('https://news.example/story/1#comments');
  assert.equal(told, 0, 'the same page');
  await go('https://news.example/story/2');
  assert.equal(told, 1, 'another page');
  await go('https://news.example/story/2#top');
  assert.equal(told, 1);
  stop.abort();
});
