// Letters to the reader's own officials, end to end: the reader sets a state and district in the
// options; a story no curator filed (a small pack installed through the background as the options
// page would, its story without categories) is filed by the topic classifier under the built-in
// civic pack's "Guns", whose standing contact step is addressed to the reader's senators and
// representative from the shipped directory, with the story's title in the letter; "Copy" in the
// in-page sidebar puts the letter on the system clipboard, read back here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations } from './axe';
import { startChromium } from './driver/chromium';
import { startFirefox } from './driver/firefox';
import type { BrowserDriver, ExtensionPage, Surface, TabPage } from './driver/types';
import { BROWSERS, LAUNCHER, RESULTS, ROOT, testId } from './harness';
import { E2E_BUILD } from '../../scripts/build';
import { parseDirectory } from '../../src/formats/officials-format';
import type { Pack } from '../../src/formats/model';
import { answer, startServer, type LocalServer } from '../unit/sources/local-server';

const START = { chromium: startChromium, firefox: startFirefox };
const EXTENSIONS = { chromium: join(ROOT, E2E_BUILD, 'chrome'), firefox: join(ROOT, E2E_BUILD, 'firefox') };
const RUNTIME = '(globalThis.browser ?? globalThis.chrome)';

/** Who the shipped directory says represents Washington's 7th district: the test follows the data. */
const DIRECTORY = parseDirectory(JSON.parse(readFileSync(join(ROOT, 'assets/officials/us-congress.json'), 'utf8')));
const SENATORS = DIRECTORY.members.filter((m) => m.chamber === 'senate' && m.state === 'WA').map((m) => m.name).sort();
const REPRESENTATIVE = DIRECTORY.members.find((m) => m.chamber === 'house' && m.state === 'WA' && m.district === 7)!.name;
/**
 * Whether the letter names them today: a member whose term is over (the snapshot's House terms end
 * on 3 January 2027) is left for the reader to fill in, until the directory is rebuilt.
 */
const TODAY = new Date().toLocaleDateString('en-CA');
const serving = (name: string): boolean => (DIRECTORY.members.find((m) => m.name === name)?.termEnd ?? TODAY) >= TODAY;

const TITLE = 'Senate panel opens hearings on a background-check bill';
const LEAD = 'The Senate Judiciary Committee opened two days of hearings on Tuesday on a bill that would extend background checks to private gun sales, with testimony from police chiefs and gun owners. ';
const REPORTS: { id: string; path: string; outlet: string; title: string; headers: Record<string, string> }[] = [
  { id: 'ledger', path: '/ledger/background-check-hearings', outlet: 'ledger', title: TITLE, headers: {} },
  // A site whose permissions policy denies the clipboard to itself and every frame it holds.
  { id: 'courier', path: '/courier/gun-sales-hearing', outlet: 'courier', title: 'Background checks for private gun sales go before senators', headers: { 'permissions-policy': 'clipboard-write=(), clipboard-read=()' } },
];

function articlePage(title: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="2026-06-16T09:00:00Z"></head>
<body><article><h1>${title}</h1>${Array.from({ length: 8 }, () => `<p>${LEAD.repeat(2)}</p>`).join('\n')}</article></body></html>`;
}

/** A publisher's story that comes without categories: the classifier files it, the civic pack brings the steps. */
function hearingsPack(origin: string): Pack {
  return {
    format: 1,
    id: 'hearings-desk',
    publisher: 'Storyline tests',
    version: '1',
    updated: '2026-06-16T00:00:00Z',
    categories: [],
    outlets: REPORTS.map((r) => ({ id: r.outlet, name: `The ${r.outlet}` })),
    stories: [
      {
        id: 'hearings',
        title: TITLE,
        summary: 'Senators hear testimony on extending background checks.',
        categories: [],
        articles: REPORTS.map((r) => ({ id: r.id, url: `${origin}${r.path}`, title: r.title, outlet: r.outlet, kind: 'report' as const, published: '2026-06-16T09:00:00Z', excerpt: LEAD })),
        opinions: [],
        actions: [],
      },
    ],
  };
}

/** The civic pack's letter as Storyline fills it: officials, story and name; what only the reader knows stays a blank. */
function filledLetter(signature: string): string {
  const senators = SENATORS.every(serving) ? SENATORS.map((name) => `Senator ${name}`).join(' and ') : '{senators}';
  return `Dear ${serving(REPRESENTATIVE) ? `Representative ${REPRESENTATIVE}` : '{representative}'},\n\nI am one of your constituents, and I am writing about “${TITLE}”.\n\n{your_view}\n\nPlease tell me where you stand on this and how you plan to vote on it.\n\nI am sending a copy of this letter to my senators, ${senators}.\n\nSincerely,\n${signature}\n{address}`;
}

/** Chooses an option of a <select> as the reader would: the value, then the change event. */
const choose = (page: ExtensionPage, selector: string, value: string): Promise<boolean> =>
  page.evaluate(`(() => { const el = document.querySelector(${JSON.stringify(selector)}); el.value = ${JSON.stringify(value)}; el.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`);
const fill = (page: ExtensionPage, selector: string, value: string): Promise<boolean> =>
  page.evaluate(`(() => { const el = document.querySelector(${JSON.stringify(selector)}); el.value = ${JSON.stringify(value)}; el.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`);

const CONTACT = '[data-section="actions"] .action:has([data-testid="officials"])';

for (const browser of BROWSERS) {
  describe(`${browser}: letters to the reader's officials`, () => {
    let server: LocalServer;
    let driver: BrowserDriver;

    before(async () => {
      const html = { 'content-type': 'text/html; charset=utf-8' };
      server = await startServer(Object.fromEntries(REPORTS.map((r) => [r.path, answer(200, { ...html, ...r.headers }, articlePage(r.title))])));
      const origin = new URL(server.url('/')).origin;
      driver = await START[browser](EXTENSIONS[browser], origin, RESULTS);
      const options = await driver.openExtensionTab('options.html');
      await options.waitFor(testId('place'), { timeout: 15_000 });
      const installed = await options.evaluate<{ ok: boolean }>(`${RUNTIME}.runtime.sendMessage({ type: 'pack/import', payload: { text: ${JSON.stringify(JSON.stringify(hearingsPack(origin)))} } })`);
      assert.equal(installed.ok, true, JSON.stringify(installed));
      await options.close();
    });
    after(async () => {
      await driver?.stop();
      await server?.close();
    });

    async function openContactStep(path = REPORTS[0]!.path): Promise<TabPage> {
      const page = await driver.open(path);
      await page.waitFor(LAUNCHER, { timeout: 15_000 });
      await page.click(LAUNCHER);
      await page.sidebar.waitFor(`${CONTACT} [data-testid="officials"]`, { timeout: 15_000 });
      return page;
    }

    test('with no place set, the first contact step asks for it inline; a state alone names the senators', async () => {
      const page = await openContactStep();
      const { sidebar } = page;
      const form = `${CONTACT} [data-testid="place-form"]`;
      await sidebar.waitFor(form);
      assert.match(await sidebar.text(`${CONTACT} [data-testid="officials"]`), /Set your state and district once.*Kept in this browser only/s);
      assert.match(await sidebar.text(`${CONTACT} [data-testid="letter-body"]`), /^Dear \{representative\},/);
      await page.sidebar.evaluate(`document.querySelector('${CONTACT}').scrollIntoView({ block: 'start' })`);
      await page.screenshot('officials-sidebar-unset');
      for (const [name, value] of [['country', 'US'], ['state', 'WA']]) {
        await sidebar.waitFor(`${form} select[name="${name}"]`);
        await sidebar.evaluate(`(() => { const el = document.querySelector('${form} select[name="${name}"]'); el.value = '${value}'; el.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`);
      }
      await sidebar.click(`${form} button[type="submit"]`);
      await sidebar.waitFor(`${CONTACT} [data-testid="officials"][data-lookup="found"]`, { timeout: 15_000 });
      const names = await sidebar.evaluate<string[]>(`[...document.querySelectorAll('${CONTACT} [data-testid="officials"] .official-name')].map((e) => e.textContent)`);
      assert.deepEqual(names, SENATORS);
      assert.match(await sidebar.text(`${CONTACT} [data-testid="officials"]`), /Add your district to name your representative too/);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test('the reader sets a state and district in the options; the contact step is addressed to their officials', async () => {
      const options = await driver.openExtensionTab('options.html');
      await options.waitFor(testId('place'), { timeout: 15_000 });
      assert.match(await options.text(testId('place')), /Kept in this browser only/);
      const form = `${testId('place')} form`;
      await choose(options, `${form} select[name="country"]`, 'US');
      await options.waitFor(`${form} select[name="state"]`);
      await choose(options, `${form} select[name="state"]`, 'WA');
      await options.waitFor(`${form} select[name="district"]`);
      await choose(options, `${form} select[name="district"]`, '7');
      await fill(options, `${form} input[name="name"]`, 'Ana Example');
      await options.click(`${form} button[type="submit"]`);
      await options.waitForText(`${form} [role="status"]`, /Saved\. Letters are addressed to your officials/, 15_000);
      await options.evaluate(`document.querySelector('[data-testid="place"]').scrollIntoView({ block: 'start' })`);
      await options.screenshot('officials-options-place');
      await options.close();

      const page = await openContactStep();
      const { sidebar } = page;
      const officials = `${CONTACT} [data-testid="officials"]`;
      assert.equal(await sidebar.evaluate<string>(`document.querySelector('${officials}').dataset.lookup`), 'found');
      const names = await sidebar.evaluate<string[]>(`[...document.querySelectorAll('${officials} .official-name')].map((e) => e.textContent)`);
      assert.deepEqual(names, [...SENATORS, REPRESENTATIVE]);
      assert.match(await sidebar.text(`${officials} .officials-place`), /^Washington, district 7$/);
      assert.match(await sidebar.text(officials), /Congress as of June 15, 2026/);
      assert.ok((await sidebar.count(`${officials} a[href^="tel:+1202"]`)) >= 3, 'office phones are tel: links');

      await sidebar.click(`${CONTACT} [data-testid="letter"] > summary`);
      // The story is filed under the civic pack's "Guns" by the classifier, which says why.
      assert.match(await sidebar.text('[data-category="civic/guns"]'), /Guns.*Why:/s);
      const letter = await sidebar.text(`${CONTACT} [data-testid="letter-body"]`);
      assert.equal(letter, filledLetter('Ana Example'));
      // Who decides on guns: the judiciary committees' chairs and ranking members.
      await sidebar.click(`${CONTACT} [data-testid="deciders"] > summary`);
      assert.deepEqual(await sidebar.evaluate<string[]>(`[...document.querySelectorAll('${CONTACT} [data-committee]')].map((e) => e.dataset.committee)`), ['SSJU', 'HSJU']);
      assert.deepEqual(await axeViolations(sidebar), []);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    /** Signs the open letter differently in each test, so none can pass on what an earlier one copied. */
    async function copyLetter(surface: Surface, signature: string): Promise<void> {
      await surface.click(`${CONTACT} [data-testid="letter"] > summary`);
      await surface.evaluate(`(() => { const el = [...document.querySelectorAll('${CONTACT} .template-field')].find((f) => f.textContent.startsWith('Name')).querySelector('input'); el.value = ${JSON.stringify(signature)}; el.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`);
      await surface.waitForText(`${CONTACT} [data-testid="letter-body"]`, new RegExp(`${signature.replace(/[()]/g, '\\$&')}\\n\\{address\\}$`));
      await surface.click(`${CONTACT} .template-actions button`, { gesture: true });
      await surface.waitForText(`${CONTACT} .template-status`, /Letter copied/, 15_000);
      assert.equal(
        await driver.clipboardText(),
        `A constituent's letter about “${TITLE}”\n\n${filledLetter(signature)}`,
      );
    }

    for (const report of REPORTS) {
      const where = Object.keys(report.headers).length > 0 ? 'on a page whose permissions policy denies the clipboard' : 'on a page';
      test(`“Copy” in the in-page sidebar puts the filled letter on the clipboard, ${where}`, async () => {
        const page = await openContactStep(report.path);
        await copyLetter(page.sidebar, `Ana Example (${report.id})`);
        await page.close();
      });
    }

    test('“Copy” in the side panel puts the filled letter on the clipboard', async () => {
      const page = await driver.open(REPORTS[0]!.path);
      await page.waitFor(LAUNCHER, { timeout: 15_000 });
      await page.bringToFront();
      const panel = await driver.openWindow('sidebar.html', { width: 400, height: 800 });
      await panel.waitFor(`${CONTACT} [data-testid="officials"]`, { timeout: 15_000 });
      await copyLetter(panel, 'Ana Example (panel)');
      await panel.close();
      await page.close();
    });

    for (const theme of ['light', 'dark'] as const) {
      test(`screenshot of the contact step, ${theme}`, async () => {
        const options = await driver.openExtensionTab('options.html');
        await options.waitFor(testId('place'), { timeout: 15_000 });
        assert.deepEqual(await options.evaluate(`${RUNTIME}.runtime.sendMessage({ type: 'settings/update', payload: { change: { theme: '${theme}' } } }).then((r) => r.ok)`), true);
        await options.close();
        const page = await openContactStep();
        await page.sidebar.click(`${CONTACT} [data-testid="letter"] > summary`);
        await page.sidebar.evaluate(`document.querySelector('${CONTACT} [data-testid="officials"]').scrollIntoView({ block: 'start' })`);
        await page.screenshot(`officials-sidebar-${theme}`);
        await page.sidebar.click(`${CONTACT} [data-testid="deciders"] > summary`);
        await page.sidebar.evaluate(`document.querySelector('${CONTACT} [data-testid="deciders"]').scrollIntoView({ block: 'start' })`);
        await page.screenshot(`officials-deciders-${theme}`);
        await page.close();
      });
    }
  });
}
