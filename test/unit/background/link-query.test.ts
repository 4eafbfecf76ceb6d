// "Find related coverage" on a link whose text no one can read (an image link, a link in a subframe
// in Chrome, a link in a shadow root): the headline its address carries as a slug is searched, or
// the page's story when it carries none; and no path searches more than MAX_QUERY_TEXT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installPack } from '../../../src/background/pack-store';
import { db } from '../../../src/background/db';
import { MENU_ID, slugWords } from '../../../src/background/context-menu';
import { MAX_QUERY_TEXT } from '../../../src/contracts/messages';
import { samplePack } from '../../fixtures/packs';
import { startFakeBackground } from './background-env';
import { fakeTab } from './fake-browser';

const PAGE = 'https://www.example.com/front';

test('the words of a headline slug, without extension, dates, ids, index pages or sections', () => {
  assert.equal(slugWords('https://news.example/2025/08/15/trump-putin-summit-no-deal.html'), 'trump putin summit no deal');
  assert.equal(slugWords('https://news.example/world/trump-putin-summit-ends-without-deal-2025-08-16/'), 'trump putin summit ends without deal');
  assert.equal(slugWords('https://news.example/2025/08/15/politics/alaska-summit-talks/index.html'), 'alaska summit talks');
  assert.equal(slugWords('https://news.example/article/alaska-summit-talks-3f1e2d4c5b6a7d8e'), 'alaska summit talks');
  assert.equal(slugWords('https://news.example/news/world-europe-68571234'), 'world europe');
  assert.equal(slugWords('https://news.example/story/putin_trump_meeting/123456'), 'putin trump meeting');
  assert.equal(slugWords('https://news.example/caf%C3%A9-owners-protest'), 'café owners protest');
  assert.equal(slugWords('https://news.example/video/12345'), '');
  assert.equal(slugWords('https://news.example/'), '');
  assert.equal(slugWords('not a url'), '');
});

test('a long slug is clipped, and reading a huge address stays linear', () => {
  const long = `https://news.example/${Array.from({ length: 5_000 }, () => 'word').join('-')}`;
  assert.ok(slugWords(long).length <= MAX_QUERY_TEXT);
  const huge = `https://news.example/${'a/'.repeat(200_000)}x`;
  const started = performance.now();
  assert.equal(slugWords(huge), '');
  assert.ok(performance.now() - started < 1_000, 'one pass over the path');
});

async function clicked(info: Record<string, unknown>) {
  await installPack(await db(), samplePack(), 'file');
  const bg = startFakeBackground();
  bg.openTab(5, PAGE);
  await bg.hooks.onMenuClicked({ menuItemId: MENU_ID, editable: false, modifiers: [], ...info }, fakeTab(5, PAGE));
  return (await bg.states.get(5)).search;
}

test('an image link (Firefox gives an empty link text) searches the headline in its address', async () => {
  const search = await clicked({ linkUrl: 'https://other.example/2025/08/15/alaska-summit-ends-without-deal.html', linkText: '' });
  assert.equal(search?.source, 'link');
  assert.equal(search?.query, 'alaska summit ends without deal');
});

test('a link in a subframe in Chrome (no link text at all) searches the headline in its address', async () => {
  const search = await clicked({ linkUrl: 'https://other.example/politics/alaska-summit-talks/', frameId: 3 });
  assert.equal(search?.query, 'alaska summit talks');
});

test('a link whose address carries no headline searches for the page, not for nothing', async () => {
  const search = await clicked({ linkUrl: 'https://other.example/video/12345', linkText: '  ' });
  assert.equal(search?.source, 'page');
  assert.notEqual(search?.query, '');
});

test('link text and selected text are clipped to MAX_QUERY_TEXT', async () => {
  const link = await clicked({ linkUrl: 'https://other.example/a', linkText: 'summit '.repeat(1_000) });
  assert.ok((link?.query.length ?? 0) <= MAX_QUERY_TEXT, `link query of ${link?.query.length}`);
  const selected = await clicked({ selectionText: 'summit '.repeat(1_000) });
  assert.ok((selected?.query.length ?? 0) <= MAX_QUERY_TEXT, `selection query of ${selected?.query.length}`);
});
