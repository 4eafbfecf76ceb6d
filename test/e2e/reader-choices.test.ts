// What the reader decides: "Not this story" is remembered for the page, "This page is about this
// story" gives an unmatched page one of the stories offered for it (each answer shown, searched and
// forgotten in the options page's reading history, even once the page has left it), and "Off on
// this site" removes Storyline from the site at once and keeps it away until switched on again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOST, LAUNCHER, testId, inEachBrowser, outcome, until } from './harness';
import { axeViolations } from './axe';

inEachBrowser((rig) => {
  test('"Not this story" drops the match, and the page stays unmatched when opened again', async () => {
    const path = rig().reports[4]!;
    const page = await rig().driver.open(path);
    await page.click(LAUNCHER);
    const { sidebar } = page;
    await sidebar.waitFor(testId('why'), { timeout: 15_000 });
    await sidebar.click(`${testId('why')} summary`);
    await sidebar.click(testId('not-this-story'));
    // The starter pack has no runner-up: the sidebar says so, and the launcher and badge go.
    await sidebar.waitForText(testId('answer-notice'), /will not be matched/);
    assert.equal(await sidebar.count('[data-section="coverage"]'), 0);
    // No dead end, in the page's own sidebar too: what Storyline knows, and the way to choose sources
    // (a tab of its own, opened from the frame inside the page).
    await sidebar.waitForText(testId('library'), /has no news sources yet/, 15_000);
    const welcome = rig().driver.extensionTabOpened('welcome.html');
    await sidebar.click(testId('choose-sources'));
    await (await welcome).close();
    await page.bringToFront();
    await page.waitFor(LAUNCHER, { state: 'detached' });
    assert.equal(await rig().driver.badgeText(page.url()), '');
    await page.close();

    const again = await rig().driver.open(path);
    assert.equal(await outcome(again), 'no-match');
    assert.equal(await again.count(LAUNCHER), 0);
    await again.close();
    // Other pages of the story still match.
    const other = await rig().driver.open(rig().reports[0]!);
    await other.waitFor(LAUNCHER, { timeout: 15_000 });
    await other.close();
  });

  test('"This page is about this story", said from the popup\'s "maybe related", gives the page that story and keeps it', async () => {
    const page = await rig().driver.open(rig().followUp);
    assert.equal(await outcome(page), 'no-match');
    assert.equal(await page.count(LAUNCHER), 0);
    await page.bringToFront();
    const popup = await rig().driver.openPopup();
    await popup.waitFor(`${testId('maybe')} button`, { timeout: 15_000 });
    assert.match(await popup.text(testId('maybe')), /Alaska|Putin|summit/i);
    await popup.screenshot('popup-maybe');
    await popup.click(`${testId('maybe')} button`);
    const { sidebar } = page;
    await sidebar.waitFor(testId('confirm-story'), { timeout: 15_000 });
    await page.screenshot('sidebar-offered');
    await sidebar.click(testId('confirm-story'));
    await sidebar.waitForText(testId('answer-notice'), /now shows this story/);
    assert.match(await sidebar.text(testId('confirmed-note')), /You said this page is about this story/);
    await page.waitFor(LAUNCHER, { timeout: 15_000 });
    // Made while the sidebar is open, the launcher lies under it, not over it.
    const order = await page.evaluate<string[]>(`[...document.querySelector('[data-storyline]').shadowRoot.children].map((e) => e.localName).filter((n) => n === 'button' || n === 'iframe')`);
    assert.deepEqual(order, ['button', 'iframe']);
    assert.match(await rig().driver.badgeText(page.url()), /^[1-9]/);
    await page.screenshot('sidebar-confirmed');
    await page.close();

    // Read again: the story, at once.
    const again = await rig().driver.open(rig().followUp);
    assert.equal(await outcome(again), 'matched');
    await again.waitFor(LAUNCHER, { timeout: 15_000 });
    // …and still says whose word that was, with the way to take it back.
    await again.click(LAUNCHER);
    assert.match(await again.sidebar.text(testId('confirmed-note')), /You said this page is about this story/);
    await again.close();

    // The options page tells how many answers about pages are kept (this one and the rejection before).
    const options = await rig().driver.openExtensionTab('options.html');
    await options.waitFor(testId('page-answers'), { timeout: 15_000 });
    assert.match(await options.text(testId('page-answers')), /You gave 2 answers about pages/);
    // …and, beside each page read, what the reader said about it.
    const said = await options.evaluate<string[]>(`[...document.querySelectorAll('[data-history]')].map((e) => e.textContent)`);
    assert.equal(said.filter((line) => /White House.*you said it is about “Trump–Putin summit/s.test(line)).length, 1, said.join('\n'));
    assert.equal(said.filter((line) => /you said it is not about “Trump–Putin summit/.test(line)).length, 1, said.join('\n'));
    await options.click('.options-nav a[href="#history-title"]');
    await options.screenshot('options-page-answers');
    // The entries' answers, "Forget answer" and "Remove" buttons pass axe as the rest of the page does.
    assert.deepEqual(await axeViolations(options), [], 'the reading history with the answers about pages');
    // A search of the history finds the page by its headline's words, whatever their case.
    await options.evaluate(`(() => { const el = document.querySelector('[data-testid="history-find"]'); el.value = 'white HOUSE'; el.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`);
    await options.waitForText(testId('history-found'), /^1 article matches “white HOUSE”/);
    const found = await options.evaluate<string[]>(`[...document.querySelectorAll('[data-history]')].map((e) => e.textContent)`);
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(found[0]!, /White House/);
    await options.screenshot('options-history-found');
    await options.evaluate(`(() => { const el = document.querySelector('[data-testid="history-find"]'); el.value = ''; el.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`);
    // The whole history again; the search's status line stays in place, empty (a live region).
    await until(options, `document.querySelector('[data-testid="history-found"]').textContent === '' && document.querySelectorAll('[data-history]').length > 1`);
    // "Forget answer" on the report the reader had refused the story for: it has its launcher again.
    const refused = rig().reports[4]!;
    const entry = await options.evaluate<string>(
      `[...document.querySelectorAll('[data-history]')].find((e) => /is not about/.test(e.textContent)).dataset.history`,
    );
    await options.click(`[data-history="${entry}"] button[aria-label^="Forget answer"]`);
    await options.waitForText(testId('page-answers'), /You gave 1 answer about a page/);
    // "Remove" on the page the reader gave the story: gone from history, with its answer.
    const given = await options.evaluate<string>(`[...document.querySelectorAll('[data-history]')].find((e) => /is about/.test(e.textContent)).dataset.history`);
    await options.click(`[data-history="${given}"] button[aria-label^="Remove"]`);
    await options.waitFor(`[data-history="${given}"]`, { state: 'detached', timeout: 15_000 });
    await options.waitFor(testId('page-answers'), { state: 'detached', timeout: 15_000 });
    await options.close();
    const back = await rig().driver.open(refused);
    await back.waitFor(LAUNCHER, { timeout: 15_000 });
    await back.close();
    // Without the reader's word, the follow-up is the engine's again: offered the story, not launched on.
    const followUp = await rig().driver.open(rig().followUp);
    assert.equal(await outcome(followUp), 'no-match');
    assert.equal(await followUp.count(LAUNCHER), 0);
    await followUp.close();
  });

  test('an answer outlives its page’s history entry: once history is cleared it is listed by address, and forgotten there', async () => {
    const path = rig().reports[3]!;
    const page = await rig().driver.open(path);
    await page.click(LAUNCHER);
    await page.sidebar.waitFor(testId('why'), { timeout: 15_000 });
    await page.sidebar.click(`${testId('why')} summary`);
    await page.sidebar.click(testId('not-this-story'));
    await page.sidebar.waitForText(testId('answer-notice'), /will not be matched/);
    await page.close();

    const options = await rig().driver.openExtensionTab('options.html');
    await options.waitFor(testId('page-answers'), { timeout: 15_000 });
    assert.equal(await options.count(testId('answers-away')), 0, 'the page is in history: its answer is beside its entry');
    // "Clear history", confirmed as the reader would (the test's browser dismisses dialogs).
    await options.evaluate(`(window.confirm = () => true, true)`);
    await options.click(testId('history-clear'));
    await options.waitFor(testId('answers-away'), { timeout: 15_000 });
    const away = await options.text(testId('answers-away'));
    assert.match(away, /You said it is not about “Trump–Putin summit/);
    // By address: the page key (host and path) is all that is left of the page.
    assert.ok(away.includes(`127.0.0.1`) && away.includes(path), away);
    await options.click(`${testId('answers-away')} button`);
    await options.waitFor(testId('answers-away'), { state: 'detached', timeout: 15_000 });
    await options.close();
    // Without the answer the page has its story again.
    const again = await rig().driver.open(path);
    await again.waitFor(LAUNCHER, { timeout: 15_000 });
    await again.close();
  });

  test('"Off on this site" removes the launcher at once and keeps the site off until switched on', async () => {
    const page = await rig().driver.open(rig().reports[1]!);
    await page.waitFor(LAUNCHER, { timeout: 15_000 });
    await page.bringToFront();
    const popup = await rig().driver.openPopup();
    await popup.waitFor(testId('site-switch'), { timeout: 15_000 });
    assert.equal(await popup.isChecked(testId('site-switch')), true);
    await popup.click(testId('site-switch'));
    await page.waitFor(LAUNCHER, { state: 'detached', timeout: 15_000 });
    await popup.close();

    const next = await rig().driver.open(rig().reports[2]!);
    assert.equal(await outcome(next), 'off');
    assert.equal(await next.count(HOST), 0);
    await next.bringToFront();
    const again = await rig().driver.openPopup();
    await again.waitFor(testId('site-off'), { timeout: 15_000 });
    await again.click(testId('site-switch'));
    await next.waitFor(LAUNCHER, { timeout: 15_000 });
    await again.close();
    await next.close();
    await page.close();
  });
});
