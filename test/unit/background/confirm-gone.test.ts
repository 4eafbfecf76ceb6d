// "This page is about this story" on a story the page was offered that a refresh merged into
// another meanwhile (page-match.ts confirmMatch, matchNow): the answer is refused, nothing is
// written, and the tab is offered afresh. Its own file: page-confirm.test.ts's pages, read before,
// join the offered story and would make this page launch on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { db } from '../../../src/background/db';
import type { ExtractedArticle } from '../../../src/contracts/page-report';
import type { Result } from '../../../src/contracts/call-result';
import type { SidebarView } from '../../../src/contracts/views';
import { confirmationKey } from '../../../src/formats/storage-schema';
import { matchNow } from '../../../src/background/page-match';
import { urlKey } from '../../../src/formats/url';
import { contentSender, pageSender, startFakeBackground } from './background-env';
import { FOLLOW_UP } from '../../../scripts/demo/follow-up';
import { storyIndex } from '../../../src/background/matcher';

const STARTER_STORY = 'storyline-starter/2025-08-alaska-summit-trump-putin';

/** The demo's follow-up of the summit (another event of the same war): offered the summit's story, not launched on. */
const page = (url: string): ExtractedArticle => ({ url, canonicalUrl: null, title: FOLLOW_UP.headline, byline: null, siteName: FOLLOW_UP.outlet, published: FOLLOW_UP.published ?? null, lang: 'en', excerpt: null, text: FOLLOW_UP.body.join('\n\n') });
const report = (bg: ReturnType<typeof startFakeBackground>, tabId: number, article: ExtractedArticle): Promise<unknown> =>
  bg.send({ type: 'article/found', payload: { article } }, contentSender(tabId, article.url));
const sidebar = (bg: ReturnType<typeof startFakeBackground>, storyId: string, tabId: number) =>
  bg.send({ type: 'match/confirm', payload: { storyId, tabId } }, pageSender('sidebar.html')) as Promise<Result<SidebarView>>;

test('an offered story that went meanwhile (merged into another) is not taken, and the tab is offered afresh', async () => {
  const bg = startFakeBackground();
  const article = page('https://wire.example/world/white-house-meeting-gone');
  bg.openTab(9, article.url);
  await report(bg, 9, article);
  const offered = (await bg.states.get(9)).match!;
  assert.deepEqual(offered.maybe?.map((m) => m.storyId), [STARTER_STORY]);
  // A refresh merges the offered story into another: its record and its place in the index go.
  const database = await db();
  await database.delete('stories', STARTER_STORY);
  (await storyIndex()).removeStory(STARTER_STORY);
  // Heard by the pass over open tabs after stories change: the offer is gone, so the tab changes.
  const now = await matchNow(database, offered);
  assert.ok(now && !now.maybe?.some((m) => m.storyId === STARTER_STORY), JSON.stringify(now?.maybe));
  // A sidebar that still shows the offer: the answer is refused, nothing is written, and the tab's
  // state (which the sidebar hears) holds the page's match as it is now.
  const answer = await sidebar(bg, STARTER_STORY, 9);
  assert.ok(!answer.ok && answer.error.code === 'not-found', JSON.stringify(answer));
  assert.equal(await database.get('userState', confirmationKey(urlKey(article.url)!)), undefined);
  assert.deepEqual((await database.getAll('joinedReports')).filter((r) => r.storyId === STARTER_STORY), []);
  const after = (await bg.states.get(9)).match;
  assert.equal(after?.storyId, null);
  assert.ok(!after?.maybe?.some((m) => m.storyId === STARTER_STORY));
});
