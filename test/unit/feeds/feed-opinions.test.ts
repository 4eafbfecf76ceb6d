// Opinion pieces in the reader's feeds: read as opinions (by their address, or by the opinion feed
// they come from), kept out of the clusters, attached to the story they discuss or left out when
// none is near, and kept up to date as feeds come and go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseFeed, feedKind, type Feed } from '../../../src/formats/feeds';
import { FeedStories, type FeedSnapshot } from '../../../src/background/feeds/feed-stories';
import { FeedLabels } from '../../../src/background/feeds/feed-labels';
import type { Directory } from '../../../src/formats/directory';
import { StoryIndex } from '../../../src/engine';
import type { Entry } from '../../../src/background/feeds/feed-entry';
import { nearestStory, OPINION_ATTACH_THRESHOLD } from '../../../src/background/feeds/feed-opinions';
import { storyFromCluster } from '../../../src/background/feeds/feed-story';

function rss(title: string, home: string, items: [string, string, string, string][]): Feed {
  const xml = `<rss version="2.0"><channel><title>${title}</title><link>${home}</link>${items
    .map(([url, headline, lead, date]) => `<item><title>${headline}</title><link>${url}</link><description>${lead}</description><pubDate>${date}</pubDate><author>${url.includes('views') ? 'Ann Column' : ''}</author></item>`)
    .join('')}</channel></rss>`;
  const result = parseFeed(xml);
  if (!result.ok) throw new Error(result.error);
  return result.feed;
}

const wire: FeedSnapshot = {
  feedUrl: 'https://wire.example.net/top.rss',
  feed: rss('Northwind Wire', 'https://wire.example.net/', [
    ['https://wire.example.net/world/flood-valencia', 'Floods in Valencia kill 60 as rivers burst their banks', 'Flash floods swept through towns around Valencia, Spain, killing at least 60 people after a year of rain fell in eight hours.', 'Wed, 30 Oct 2024 09:00:00 GMT'],
    ['https://wire.example.net/sport/chess-final', 'Chess world championship final goes to tie-breaks in Singapore', 'The world chess championship final in Singapore will be decided by rapid tie-breaks after fourteen classical games.', 'Wed, 30 Oct 2024 10:00:00 GMT'],
  ]),
};
const courier: FeedSnapshot = {
  feedUrl: 'https://courier.example/news/rss',
  feed: rss('The Courier | News', 'https://courier.example/', [
    ['https://courier.example/news/valencia-floods', 'Valencia flash floods: death toll rises to 62 as rescuers search towns', 'Rescuers searched flooded towns near Valencia, Spain, where flash floods after torrential rain have killed 62 people.', 'Wed, 30 Oct 2024 12:00:00 GMT'],
  ]),
};
// An opinion feed whose items' own addresses do not say "opinion": the feed's address does.
const views: FeedSnapshot = {
  feedUrl: 'https://courier.example/rss/RSSOpinion.xml',
  feed: rss('The Courier', 'https://courier.example/', [
    ['https://courier.example/2024/10/31/valencia-views', 'Valencia floods show Spain is not ready for its new climate', 'The flash floods that killed 62 people around Valencia were forecast; the warnings reached phones after the water had.', 'Thu, 31 Oct 2024 08:00:00 GMT'],
    ['https://courier.example/2024/10/31/pension-views', 'Why pension reform keeps failing in parliament', 'Every government promises to fix pensions, and every parliament finds a reason not to vote for it.', 'Thu, 31 Oct 2024 09:00:00 GMT'],
  ]),
};

const noLabels = new FeedLabels([]);
const floodStory = (model: FeedStories) => model.storyIds().map((id) => model.story(id, noLabels)!.story).find((s) => s.title.includes('Valencia'));

test('an opinion feed makes opinions of items whose own address says nothing; every opinion feed of the directory is read as one', () => {
  assert.equal(feedKind('https://courier.example/rss/RSSOpinion.xml', null), 'opinion');
  assert.equal(feedKind('https://courier.example/feed.xml', 'The Courier | Opinion'), 'opinion');
  assert.equal(feedKind('https://courier.example/analysis/rss', null), 'analysis');
  assert.equal(feedKind('https://courier.example/news/rss', 'The Courier | News'), null);
  const directory = JSON.parse(readFileSync(new URL('../../../assets/directory/outlets.json', import.meta.url), 'utf8')) as Directory;
  for (const outlet of directory.outlets) {
    if (outlet.feeds.opinion) assert.equal(feedKind(outlet.feeds.opinion, null), 'opinion', outlet.feeds.opinion);
    assert.equal(feedKind(outlet.feeds.top, null), null, outlet.feeds.top);
  }
});

test('an opinion joins the story it discusses, under opinions and not coverage; an opinion about nothing in the feeds is left out', () => {
  const model = new FeedStories();
  model.update([wire, courier, views].map((f) => [f.feedUrl, f.feed] as const));
  const flood = floodStory(model);
  assert.ok(flood);
  assert.deepEqual(flood.articles.map((a) => a.kind), ['report', 'report']);
  assert.deepEqual(flood.opinions.map((o) => [o.title, o.source, o.author, o.kind, o.url]), [
    ['Valencia floods show Spain is not ready for its new climate', 'The Courier', 'Ann Column', 'opinion', 'https://courier.example/2024/10/31/valencia-views'],
  ]);
  // Opinions start no story of their own and join no unrelated one.
  const all = model.storyIds().map((id) => model.story(id, noLabels)!.story);
  assert.equal(all.length, 2, 'the flood and the chess final');
  assert.ok(all.every((s) => s.articles.every((a) => a.kind === 'report')));
  assert.deepEqual(all.flatMap((s) => s.opinions.map((o) => o.title)), ['Valencia floods show Spain is not ready for its new climate']);
});

test('opinions follow the feeds: they attach when the reports arrive and leave with them, and the change names the story', () => {
  const model = new FeedStories();
  const first = model.update([[views.feedUrl, views.feed]]);
  assert.equal(model.storyIds().length, 0, 'opinions alone make no story');
  assert.equal(first.stories.size, 0);
  const second = model.update([[wire.feedUrl, wire.feed], [courier.feedUrl, courier.feed]]);
  const flood = floodStory(model)!;
  assert.equal(flood.opinions.length, 1);
  assert.ok(second.stories.has(flood.id));
  // The opinion feed goes: the story is rebuilt without its opinion.
  const third = model.update([[views.feedUrl, null]]);
  assert.deepEqual([...third.stories], [flood.id]);
  assert.deepEqual(floodStory(model)!.opinions, []);
  assert.deepEqual([...third.removedArticles].sort(), ['courier.example/2024/10/31/pension-views', 'courier.example/2024/10/31/valencia-views'].sort());
  // Back again, then the reports go: the opinion is left out, no story remains.
  model.update([[views.feedUrl, views.feed]]);
  assert.equal(floodStory(model)!.opinions.length, 1);
  model.update([[wire.feedUrl, null], [courier.feedUrl, null]]);
  assert.equal(model.storyIds().length, 0);
  assert.equal(model.opinions.storyOf([...model.entries.ids()].find((id) => id.includes('valencia'))!), null);
});

test('a stored clusterer state restores with the same attachments', async () => {
  const { readClustererState, writeClustererState } = await import('../../../src/engine');
  const model = new FeedStories();
  const feeds = [wire, courier, views];
  model.update(feeds.map((f) => [f.feedUrl, f.feed] as const));
  const restored = FeedStories.restore(readClustererState(structuredClone(writeClustererState(model.clusterer)))!, feeds);
  assert.ok(restored);
  assert.deepEqual(floodStory(restored)!.opinions, floodStory(model)!.opinions);
});

/** A story's reports and a few opinions, matched directly against the engine's index. */
function personIndex() {
  const index = new StoryIndex();
  const t0 = Date.parse('2025-03-10T09:00:00Z');
  const reports: [string, string, string][] = [
    ['musk', 'Elon Musk says Tesla will launch robotaxi in Austin', 'Tesla chief executive Elon Musk said the company would launch a paid robotaxi service in Austin, Texas, in June.'],
    ['musk', 'Tesla shares jump on Elon Musk robotaxi plans', 'Shares of Tesla rose 5 percent after Elon Musk promised a driverless taxi service in Austin this summer.'],
    ['fed', 'Federal Reserve holds interest rates steady as inflation cools', 'The Federal Reserve left its benchmark rate unchanged on Wednesday, with Chair Jerome Powell saying inflation is easing.'],
    ['fed', 'Powell: Fed in no hurry to cut rates', 'Federal Reserve Chair Jerome Powell said on Wednesday the central bank would wait for more data before cutting interest rates.'],
  ];
  reports.forEach(([story, title, text], i) => index.addArticle(story, { id: `r${i}`, title, text, published: t0 + i * 3_600_000, outlet: `o${i}.example` }));
  const opinion = (title: string, text: string) => ({ id: `op:${title}`, title, text, published: t0 + 86_400_000, outlet: 'views.example' });
  return { index, opinion };
}

test('an opinion that shares only a person’s name with a story is not about it; one that argues its news is', () => {
  const { index, opinion } = personIndex();
  const attached = (title: string, text: string): string | null => {
    const top = nearestStory(index, opinion(title, text));
    return top && top.score >= OPINION_ATTACH_THRESHOLD ? top.storyId : null;
  };
  assert.equal(attached('Elon Musk should stay out of German politics', 'Musk’s endorsement of the AfD is an insult to a country that knows where the far right leads.'), null);
  assert.equal(attached('Jerome Powell is a scapegoat', 'The president blames the Fed chair for everything. Powell is doing his job.'), null);
  assert.equal(attached('The Fed should cut rates now', 'Inflation is cooling and the job market is softening. Waiting for more data risks a recession the Federal Reserve could prevent.'), 'fed');
  assert.equal(attached('Musk’s robotaxi promise is a fantasy', 'Tesla has promised driverless cars every year since 2016. Austin will not be different.'), 'musk');
});

test('opinions are listed newest first, the undated after every dated one', () => {
  const report: Entry = { article: { id: 'r', title: 'Floods in Valencia kill 62', outlet: 'wire.example', kind: 'report' }, own: true, summary: '', ms: 1_000, author: null, sourceName: null };
  const column = (id: string, ms: number | null): Entry => ({ article: { id, title: `Column ${id}`, outlet: 'views.example', kind: 'opinion' }, own: true, summary: '', ms, author: null, sourceName: null });
  const built = storyFromCluster('s', [report], noLabels, { opinions: [column('undated', null), column('older', 2_000), column('newer', 3_000)] });
  assert.deepEqual(built?.story.opinions.map((o) => o.id), ['newer', 'older', 'undated']);
});
