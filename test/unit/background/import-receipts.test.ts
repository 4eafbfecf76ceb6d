// A reader-data import commits with a receipt under the page's id. A worker that stops after the
// commit and before the answer leaves the page a receipt to ask for ("what did my import add?")
// and leaves the work after the commit (settings, history joins) for whoever comes next: the page
// asking, the next import, or the browser's start. That work is done once however often it is asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { db } from '../../../src/background/db';
import { getReceipt, receiptKey, receiptRecord, readReceipt, RECEIPT_KEPT_MS } from '../../../src/background/import-receipts';
import { installPack, scopedId } from '../../../src/background/pack-store';
import { importReaderData } from '../../../src/background/reader-data';
import type { Result } from '../../../src/contracts/call-result';
import { parseReaderData, READER_DATA_FORMAT, READER_DATA_VERSION, type ReaderDataMerge } from '../../../src/formats/reader-data';
import type { Settings } from '../../../src/formats/settings';
import { samplePack } from '../../fixtures/packs';
import { pageSender, startFakeBackground } from './background-env';

const options = pageSender('options.html');
const pack = samplePack();
const story = pack.stories[0]!;

/** A file from another machine: a dark theme, a site switched off, and one page read that is the sample story. */
function fileText(pageKey = 'elsewhere.example/summit'): string {
  return JSON.stringify({
    format: READER_DATA_FORMAT,
    version: READER_DATA_VERSION,
    exported: '2026-11-01T00:00:00Z',
    settings: { theme: 'dark', sitesOff: ['file.example'] },
    history: [{ pageKey, url: `https://${pageKey}`, title: story.articles[0]!.title, siteName: 'Elsewhere', published: null, readAt: '2026-11-01T08:00:00Z', text: story.summary }],
  });
}

async function setup() {
  await installPack(await db(), pack, 'file');
  return startFakeBackground();
}
type Bg = Awaited<ReturnType<typeof setup>>;

const send = async <T>(bg: Bg, type: string, payload: unknown): Promise<Result<T>> => (await bg.send({ type, payload }, options)) as Result<T>;
const settingsNow = async (bg: Bg): Promise<Settings> => {
  const answer = await send<Settings>(bg, 'settings/get', {});
  assert.ok(answer.ok);
  return answer.value;
};
/** Commits an import as the handler would and stops there, as a worker stopped after the commit does. */
async function committedOnly(id: string, text = fileText()): Promise<void> {
  const parsed = parseReaderData(text);
  assert.ok(parsed.ok);
  await importReaderData(await db(), parsed.data, { receipt: id });
}

test('an import answers what it added and leaves a finished receipt the page can ask for', async () => {
  const bg = await setup();
  const answer = await send<ReaderDataMerge>(bg, 'data/import', { text: fileText('one.example/a'), receipt: 'receipt-one' });
  assert.ok(answer.ok);
  assert.equal(answer.value.history, 1);
  assert.equal((await settingsNow(bg)).theme, 'dark');
  assert.equal((await (await db()).get('history', 'one.example/a'))?.storyId, scopedId('sample', story.id), 'joined to the story it is');
  assert.deepEqual(await send(bg, 'data/import-receipt', { receipt: 'receipt-one' }), { ok: true, value: answer.value });
  assert.deepEqual(await send(bg, 'data/import-receipt', { receipt: 'never-sent' }), { ok: true, value: null }, 'an import that never landed');
  // Sent again under the same id (a retry after a stop that came after the commit): the same answer, not "nothing new".
  assert.deepEqual(await send(bg, 'data/import', { text: fileText('one.example/a'), receipt: 'receipt-one' }), { ok: true, value: answer.value });
  const stored = await getReceipt(await db(), 'receipt-one');
  assert.deepEqual(stored && [stored.finished, stored.history, stored.settings], [true, [], {}], 'a finished receipt keeps only its counts');
});

test('an import cut short after its commit is finished when the page asks, and only once', async () => {
  const bg = await setup();
  await send(bg, 'settings/update', { change: { theme: 'light' } });
  await committedOnly('receipt-two', fileText('two.example/a'));
  assert.equal((await settingsNow(bg)).theme, 'light', 'not finished yet: the file\'s settings wait in the receipt');
  assert.equal((await (await db()).get('history', 'two.example/a'))?.storyId, null);

  // The page asks twice at once (two tabs of options), then again later.
  const [first, second] = await Promise.all([send<ReaderDataMerge | null>(bg, 'data/import-receipt', { receipt: 'receipt-two' }), send<ReaderDataMerge | null>(bg, 'data/import-receipt', { receipt: 'receipt-two' })]);
  assert.ok(first.ok && second.ok);
  assert.equal(first.value?.history, 1);
  assert.deepEqual(second.value, first.value);
  assert.equal((await settingsNow(bg)).theme, 'dark');
  assert.ok((await settingsNow(bg)).sitesOff.includes('file.example'));
  assert.equal((await (await db()).get('history', 'two.example/a'))?.storyId, scopedId('sample', story.id));

  // The reader changes the theme back; asking again does not merge the file's settings a second time.
  await send(bg, 'settings/update', { change: { theme: 'light' } });
  assert.deepEqual(await send(bg, 'data/import-receipt', { receipt: 'receipt-two' }), { ok: true, value: first.value });
  assert.equal((await settingsNow(bg)).theme, 'light');
});

test('the browser\'s start, or the next import, finishes an import a stopped worker left', async () => {
  const bg = await setup();
  await send(bg, 'settings/update', { change: { theme: 'light' } });
  await committedOnly('receipt-three', fileText('three.example/a'));
  bg.browser.runtime.onStartup.fire();
  const deadline = Date.now() + 10_000;
  while (!(await getReceipt(await db(), 'receipt-three'))?.finished) {
    assert.ok(Date.now() < deadline, 'the start did not finish the import');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.equal((await settingsNow(bg)).theme, 'dark');

  await send(bg, 'settings/update', { change: { theme: 'light' } });
  await committedOnly('receipt-four', fileText('four.example/a'));
  // A later file sets the theme to light: the earlier file (dark) is finished first, so the later one's choice stands.
  const later = JSON.stringify({ format: READER_DATA_FORMAT, version: READER_DATA_VERSION, settings: { theme: 'light' } });
  assert.ok((await send(bg, 'data/import', { text: later, receipt: 'receipt-five' })).ok);
  assert.equal((await getReceipt(await db(), 'receipt-four'))?.finished, true);
  assert.equal((await (await db()).get('history', 'four.example/a'))?.storyId, scopedId('sample', story.id));
  assert.equal((await settingsNow(bg)).theme, 'light');
});

test('old finished receipts and damaged ones are dropped at the next import; a damaged one reads as none', async () => {
  const bg = await setup();
  const database = await db();
  const added = { subscriptions: 0, feeds: 0, history: 0, actions: 0, rejections: 0, following: 0, categories: 0, confirmations: 0, historyTooOld: 0 };
  const old = new Date(Date.now() - RECEIPT_KEPT_MS - 60_000).toISOString();
  await database.put('meta', receiptRecord({ id: 'receipt-old', at: old, added, finished: true, settings: {}, history: [] }));
  await database.put('meta', receiptRecord({ id: 'receipt-recent', at: new Date().toISOString(), added, finished: true, settings: {}, history: [] }));
  await database.put('meta', { key: receiptKey('receipt-bad'), value: { id: 'receipt-bad', added: 'lots' } });
  assert.equal(readReceipt((await database.get('meta', receiptKey('receipt-bad')))?.value), null);
  assert.deepEqual(await send(bg, 'data/import-receipt', { receipt: 'receipt-bad' }), { ok: true, value: null });

  assert.ok((await send(bg, 'data/import', { text: fileText('six.example/a'), receipt: 'receipt-six' })).ok);
  assert.equal(await database.get('meta', receiptKey('receipt-old')), undefined);
  assert.equal(await database.get('meta', receiptKey('receipt-bad')), undefined);
  assert.ok(await database.get('meta', receiptKey('receipt-recent')), 'kept for a page that asks late');
  assert.ok(await database.get('meta', receiptKey('receipt-six')));
});

test('a receipt id that is not one refuses the message', async () => {
  const bg = await setup();
  for (const receipt of ['short', 'has space in it', 'x'.repeat(65), 42]) {
    const answer = await send(bg, 'data/import-receipt', { receipt });
    assert.equal(answer.ok, false, JSON.stringify(receipt));
    assert.equal((await send(bg, 'data/import', { text: fileText(), receipt })).ok, false);
  }
});

test('an import stored whose finishing fails (settings storage full) says what it added, and is finished later', async () => {
  const bg = await setup();
  const set = bg.browser.storage.local.set.bind(bg.browser.storage.local);
  bg.browser.storage.local.set = async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
  const answer = await send<ReaderDataMerge>(bg, 'data/import', { text: fileText('full.example/a'), receipt: 'receipt-full' });
  // Before: { ok: false, code 'failed' }, which the page reads as "not imported, and nothing changed".
  assert.ok(answer.ok, JSON.stringify(answer));
  assert.equal(answer.value.history, 1);
  assert.ok(await (await db()).get('history', 'full.example/a'));
  assert.equal((await getReceipt(await db(), 'receipt-full'))?.finished, false, 'left for the next import or start');
  bg.browser.storage.local.set = set;
  assert.ok((await send(bg, 'data/import-receipt', { receipt: 'receipt-full' })).ok);
  assert.equal((await getReceipt(await db(), 'receipt-full'))?.finished, true);
  assert.equal((await settingsNow(bg)).theme, 'dark');
});
