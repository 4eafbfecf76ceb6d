// Reading history after feed stories changed in place: a read joined to a story keeps its join
// while the story lives on (its founding report gone included), and is matched again when the
// story vanishes; a read that joined nothing joins a story a new feed brings.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { StoryIndex } from '../../src/engine';
import { addFeed, removeFeed } from '../../src/background/sources/feeds';
import { recordReading } from '../../src/background/sources/history';
import { rejoinAfterDelta } from '../../src/background/sources/history-delta';
import { applyStoryDelta } from '../../src/background/story-delta';
import type { ExtractedArticle } from '../../src/contracts/page-report';
import { urlKey } from '../../src/formats/url';
import { storyView } from '../../src/background/story-views';
import { harbourAtom, meridianRss } from './sources-feed-fixtures';
import { startServer, type LocalServer } from './sources/local-server';
import { testEnv } from './sources-env';

let server: LocalServer;
before(async () => {
  server = await startServer({
    '/meridian.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(meridianRss('https://meridian.example')),
    '/harbour.atom': (_req, res) => res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(harbourAtom('https://harbourpost.example')),
  });
});
after(() => server.close());

const read = (url: string, title: string, text: string): ExtractedArticle => ({
  url, canonicalUrl: null, title, byline: null, siteName: 'Elsewhere', published: '2025-08-16T06:00:00Z', lang: 'en', excerpt: null, text,
});
const summit = read('https://elsewhere.example/anchorage', 'Alaska summit in Anchorage ends with no Ukraine ceasefire deal for Trump and Putin', 'Trump and Putin met for three hours at the Anchorage air base and left the Alaska summit without a ceasefire agreement on Ukraine.');
const heat = read('https://elsewhere.example/heat', 'Heatwave warning for the coast this weekend', 'Forecasters expect temperatures well above the seasonal average on the coast this weekend.');

/** An environment whose stories' changes reach an index and the rejoin, as the background's do. */
async function rejoining() {
  const index = new StoryIndex();
  const env = await testEnv({
    onStoriesChanged: async (delta) => {
      applyStoryDelta(index, delta);
      await rejoinAfterDelta(env.database, index, delta);
    },
  });
  return { index, env };
}

test('joins follow the stories: kept while a story lives, matched again when it vanishes; new stories take reads that joined nothing', async () => {
  const { index, env } = await rejoining();
  await addFeed(env, server.url('/meridian.xml'));
  const story = index.storyOf('feeds/meridian.example/world/alaska-summit-no-deal');
  assert.ok(story);
  const at = { index, now: new Date('2025-08-16T10:00:00Z') };
  await recordReading(env.database, summit, { pageKey: urlKey(summit.url)!, storyId: story, currentArticleId: null }, at);
  await recordReading(env.database, heat, { pageKey: urlKey(heat.url)!, storyId: null, currentArticleId: null }, at);
  const joinedTo = async (r: ExtractedArticle) => (await env.database.get('joinedReports', `history/${urlKey(r.url)}`))?.storyId ?? null;
  const historyOf = async (r: ExtractedArticle) => (await env.database.get('history', urlKey(r.url)!))?.storyId ?? null;
  assert.equal(await joinedTo(summit), story);
  assert.equal(await joinedTo(heat), null);

  // The Harbour Post brings a heatwave story (the read joins it) and a second summit report.
  await addFeed(env, server.url('/harbour.atom'));
  const heatStory = index.storyOf('feeds/harbourpost.example/weather/heatwave');
  assert.ok(heatStory);
  assert.equal(await joinedTo(heat), heatStory);
  assert.equal(await historyOf(heat), heatStory);
  assert.equal(await joinedTo(summit), story, 'the summit story changed, and keeps its join');

  // The summit story loses its founding report but lives on, under its id: the join stays.
  await removeFeed(env, server.url('/meridian.xml'));
  assert.equal(index.storyOf('feeds/harbourpost.example/news/anchorage-summit'), story);
  assert.equal(await joinedTo(summit), story);

  // Now it vanishes: its joined read is matched again, and nothing is left to join.
  await removeFeed(env, server.url('/harbour.atom'));
  assert.equal(await joinedTo(summit), null);
  assert.equal(await historyOf(summit), null);
  assert.equal(index.storyOf(`history/${urlKey(summit.url)}`), undefined);
});

test('a read joined to a story that went while its rejoin was lost (the worker stopped) is matched again at the next change', async () => {
  const index = new StoryIndex();
  let rejoin = true;
  const env = await testEnv({
    onStoriesChanged: async (delta) => {
      applyStoryDelta(index, delta);
      if (rejoin) await rejoinAfterDelta(env.database, index, delta);
    },
  });
  await addFeed(env, server.url('/meridian.xml'));
  const story = index.storyOf('feeds/meridian.example/world/alaska-summit-no-deal')!;
  await recordReading(env.database, summit, { pageKey: urlKey(summit.url)!, storyId: story, currentArticleId: null }, { index, now: new Date('2025-08-16T10:00:00Z') });
  // The story goes; the rejoin queued after it never runs (it lived in a worker that stopped).
  rejoin = false;
  await removeFeed(env, server.url('/meridian.xml'));
  assert.equal(await env.database.get('stories', story), undefined);
  assert.equal((await env.database.get('history', urlKey(summit.url)!))?.storyId, story, 'left pointing at the story that went');
  // The next change, about other stories, matches it again: it joins the Harbour Post's summit story.
  rejoin = true;
  await addFeed(env, server.url('/harbour.atom'));
  const now = index.storyOf('feeds/harbourpost.example/news/anchorage-summit');
  assert.ok(now);
  assert.equal((await env.database.get('joinedReports', `history/${urlKey(summit.url)}`))?.storyId, now);
  assert.equal((await env.database.get('history', urlKey(summit.url)!))?.storyId, now);
});

test('a page read before a feed carried it is that feed\'s report once the feed brings it: listed once, and read', async () => {
  const { index, env } = await rejoining();
  await addFeed(env, server.url('/meridian.xml'));
  const story = index.storyOf('feeds/meridian.example/world/alaska-summit-no-deal')!;
  const url = 'https://harbourpost.example/news/anchorage-summit';
  const page = read(url, 'Trump and Putin end Alaska summit in Anchorage with no Ukraine ceasefire deal', 'After three hours of talks at the Anchorage air base, Trump and Putin left the Alaska summit without a ceasefire agreement for Ukraine.');
  await recordReading(env.database, page, { pageKey: urlKey(url)!, storyId: story, currentArticleId: null }, { index, now: new Date('2025-08-16T10:00:00Z') });
  assert.ok(await env.database.get('joinedReports', `history/${urlKey(url)}`), 'joined as a copy while no feed carries it');
  // The Harbour Post's feed brings that very article.
  await addFeed(env, server.url('/harbour.atom'));
  const holder = index.storyOf('feeds/harbourpost.example/news/anchorage-summit')!;
  const view = await storyView(env.database, holder);
  const urls = view!.reports.map((r) => r.url);
  assert.equal(urls.filter((u) => u === url).length, 1, 'listed once');
  assert.equal(view!.reports.find((r) => r.url === url)?.read, true, 'and read');
  assert.equal(await env.database.get('joinedReports', `history/${urlKey(url)}`), undefined);
  assert.equal(index.storyOf(`history/${urlKey(url)}`), undefined);
});
