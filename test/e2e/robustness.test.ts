// Real saved pages (../shared/data/pages, 107 news sites, blogs and edge cases) with the extension:
// none is about a stored story, so none gets a launcher, and none shows an error of ours. Also the
// background's refusal of messages from senders that may not make them. Both run in each browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { HOST, SAVED_PAGES, inEachBrowser } from './harness';

/** Messages sent from an extension page; `browser` in Firefox, `chrome` (promise-returning in MV3) in Chromium. */
const SENDER_TRUST = `(async () => {
  const runtime = (globalThis.browser ?? globalThis.chrome).runtime;
  return {
    // A content-script call from an extension page: refused by sender, whatever the payload says.
    articleFromPopup: await runtime.sendMessage({ type: 'article/found', payload: { article: { url: 'https://x.example/', canonicalUrl: null, title: 'T', byline: null, siteName: null, published: null, lang: null, excerpt: null, text: 'x' } } }),
    unknownType: await runtime.sendMessage({ type: 'delete-everything', payload: {} }),
    notAnEnvelope: await runtime.sendMessage('hello'),
    badPayload: await runtime.sendMessage({ type: 'search/stories', payload: { query: 42 } }),
    allowed: await runtime.sendMessage({ type: 'search/stories', payload: { query: 'Putin Alaska' } }),
  };
})()`;

inEachBrowser((rig) => {
  const needsPages = existsSync(SAVED_PAGES) ? {} : { skip: 'needs ../shared/data/pages (test data beside the repository)' };
  test('no saved real page gets a launcher, a badge or an extension error', needsPages, async () => {
    const dirs = readdirSync(SAVED_PAGES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    assert.ok(dirs.length >= 100);
    const problems: string[] = [];
    // Pages are opened a few at a time; each gets time for the idle callback and the round trip.
    for (let i = 0; i < dirs.length; i += 4) {
      await Promise.all(
        dirs.slice(i, i + 4).map(async (dir) => {
          const page = await rig().driver.open(`/pages/${dir}/source.html`);
          await page.wait(2_000);
          if (await page.count(HOST)) problems.push(`${dir}: Storyline's host present`);
          // The pages' own scripts may fail offline; only errors from our extension count.
          const ours = page.errors.filter((e) => /(chrome|moz)-extension:|storyline/i.test(e));
          if (ours.length) problems.push(`${dir}: ${ours.join(' | ')}`);
          await page.close();
        }),
      );
    }
    assert.deepEqual(problems, []);
  });

  test('the background refuses calls from senders that may not make them, and foreign messages', async () => {
    const popup = await rig().driver.openExtensionTab('popup.html');
    const answers = await popup.evaluate<Record<string, unknown>>(SENDER_TRUST);
    assert.deepEqual(answers['articleFromPopup'], { ok: false, error: 'refused' });
    assert.deepEqual(answers['unknownType'], { ok: false, error: 'refused' });
    assert.deepEqual(answers['notAnEnvelope'], { ok: false, error: 'refused' });
    assert.deepEqual(answers['badPayload'], { ok: false, error: 'refused' });
    assert.equal((answers['allowed'] as { ok: boolean }).ok, true);
    await popup.close();
  });
});
