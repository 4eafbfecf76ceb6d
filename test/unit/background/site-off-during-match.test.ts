// "Off on this site" pressed while the site's page is being matched (a woken worker's first page
// takes seconds): the page must get no story, badge or reading, though the match began before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { db } from '../../../src/background/db';
import type { ExtractedArticle } from '../../../src/contracts/page-report';
import type { Result } from '../../../src/contracts/call-result';
import { contentSender, pageSender, startFakeBackground } from './background-env';

type Found = Result<{ count: number } | null>;

const article: ExtractedArticle = {
  url: 'https://wire.example/world/alaska-summit', canonicalUrl: null, title: 'Summit in Alaska ends without a ceasefire',
  byline: null, siteName: null, published: '2025-08-16T08:00:00Z', lang: 'en', excerpt: null,
  text: 'Donald Trump and Vladimir Putin met for three hours at Joint Base Elmendorf-Richardson near Anchorage, Alaska, on Friday. ' +
    'The two presidents spoke of productive talks on the war in Ukraine but announced no ceasefire and no deal.',
};

test('a site switched off while its page is matched gets no story, badge or reading', async () => {
  const bg = startFakeBackground();
  bg.openTab(5, article.url);
  const sender = contentSender(5, article.url);
  // The index is cold, so the match is still on its way when the reader switches the site off
  // in the popup and the content script, hearing it, says the page is left.
  const found = bg.send({ type: 'article/found', payload: { article } }, sender) as Promise<Found>;
  assert.equal(((await bg.send({ type: 'settings/update', payload: { change: { sitesOff: ['wire.example'] } } }, pageSender('popup.html'))) as Result<unknown>).ok, true);
  assert.equal(((await bg.send({ type: 'page/left', payload: {} }, sender)) as Result<unknown>).ok, true);
  const answer = await found;
  assert.ok(!answer.ok || answer.value === null, JSON.stringify(answer));
  assert.equal((await bg.states.get(5)).match, null);
  assert.ok(!bg.badges.get(5), `badge ${bg.badges.get(5)}`);
  assert.deepEqual((await (await db()).getAll('history')).map((h) => h.url), []);
});

test('the same page on a site still on is matched, badged and read', async () => {
  const bg = startFakeBackground();
  bg.openTab(6, article.url);
  const answer = (await bg.send({ type: 'article/found', payload: { article } }, contentSender(6, article.url))) as Found;
  assert.ok(answer.ok && answer.value !== null && answer.value.count > 0, JSON.stringify(answer));
  assert.ok((await bg.states.get(6)).match?.storyId);
  assert.equal(bg.badges.get(6), String(answer.ok && answer.value?.count));
});
