// Real saved pages (../shared/data/pages, 107 news sites, blogs and edge cases) with the extension:
// none is about a stored story, so none gets a launcher, and none shows an error of ours. Also the
// background's refusal of messages from senders that may not make them. Both run in each browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { HOST, SAVED_PAGES, inEachBrowser, outcome } from './harness';

/** Pages open at once: enough to keep both cores busy while a page waits on its load or the match. */
const AT_ONCE = 4;

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
    const seen: Record<string, number> = {};
    const check = async (dir: string): Promise<void> => {
      const page = await rig().driver.open(`/pages/${dir}/source.html`);
      try {
        // The extension is done with the page (gate, and on an article the content script and the
        // background's match): only then is the absence of its host and errors a finding.
        const ended = await outcome(page).catch((error: unknown) => `none (${String(error).slice(0, 80)})`);
        seen[ended] = (seen[ended] ?? 0) + 1;
        if (ended !== 'not-article' && ended !== 'no-match') problems.push(`${dir}: outcome ${ended}`);
        if (await page.count(HOST)) problems.push(`${dir}: Storyline's host present`);
        if (ended === 'no-match' && (await rig().driver.badgeText(page.url())) !== '') problems.push(`${dir}: a badge`);
        // The pages' own scripts may fail offline; only errors from our extension count.
        const ours = page.errors.filter((e) => /(chrome|moz)-extension:|storyline/i.test(e));
        if (ours.length) problems.push(`${dir}: ${ours.join(' | ')}`);
      } finally {
        await page.close();
      }
    };
    // A few pages at a time, each taking the next page as it finishes (a batch would wait on its slowest).
    const queue = [...dirs];
    await Promise.all(Array.from({ length: AT_ONCE }, async () => {
      for (let dir = queue.shift(); dir !== undefined; dir = queue.shift()) await check(dir);
    }));
    // Failures of ours inside the pages go to the extension's own problem log, not their consoles.
    const logged = await rig().driver.background<{ where: string; what: string; detail: string }[]>('storyline.problems()');
    problems.push(...logged.map((p) => `problem log: ${p.where}: ${p.what}: ${p.detail}`));
    assert.deepEqual(problems, []);
    // Both kinds of page were looked at to the end (the saved set holds articles and other pages).
    assert.ok((seen['not-article'] ?? 0) > 0 && (seen['no-match'] ?? 0) > 0, JSON.stringify(seen));
  });

  test('the background refuses calls from senders that may not make them, and foreign messages', async () => {
    const popup = await rig().driver.openExtensionTab('popup.html');
    const answers = await popup.evaluate<Record<string, unknown>>(SENDER_TRUST);
    assert.deepEqual(answers['articleFromPopup'], { ok: false, error: { code: 'refused' } });
    assert.deepEqual(answers['unknownType'], { ok: false, error: { code: 'refused' } });
    assert.deepEqual(answers['notAnEnvelope'], { ok: false, error: { code: 'refused' } });
    assert.deepEqual(answers['badPayload'], { ok: false, error: { code: 'refused' } });
    assert.equal((answers['allowed'] as { ok: boolean }).ok, true);
    await popup.close();
  });
});
