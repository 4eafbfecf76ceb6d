// A page Chrome prerenders is not yet the tab's: the gate and the extraction bundle wait for its
// activation before they look at it or send anything (content/navigation.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { whenShown } from '../../src/content/navigation';

class FakeDocument extends EventTarget {
  constructor(public prerendering: boolean) {
    super();
  }
}

test('a page being shown is looked at at once; a prerendered one only once it is activated', async () => {
  const settled = (promise: Promise<void>): Promise<boolean> => Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setImmediate(() => resolve(false)))]);
  assert.equal(await settled(whenShown(new FakeDocument(false) as unknown as Document)), true);
  // Browsers without prerendering have no such property: shown.
  assert.equal(await settled(whenShown(new EventTarget() as unknown as Document)), true);

  const prerendered = new FakeDocument(true);
  const shown = whenShown(prerendered as unknown as Document);
  assert.equal(await settled(shown), false);
  prerendered.prerendering = false;
  prerendered.dispatchEvent(new Event('prerenderingchange'));
  assert.equal(await settled(shown), true);
});
