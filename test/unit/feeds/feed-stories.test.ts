// Feed items of two outlets become stories; a story near a labelled pack story takes its categories
// and their standing actions; the result is a valid pack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Pack } from '../../../src/formats/model';
import { validatePack } from '../../../src/formats/pack-validate';
import { parseFeed, type Feed } from '../../../src/formats/feeds';
import { buildFeedStories, outletName, type FeedSnapshot } from '../../../src/background/feeds/feed-stories';

const starter = JSON.parse(readFileSync(new URL('../../../assets/packs/starter.json', import.meta.url), 'utf8')) as Pack;

function rss(title: string, home: string, items: [string, string, string, string][]): Feed {
  const xml = `<rss version="2.0"><channel><title>${title}</title><link>${home}</link>${items
    .map(([path, headline, lead, date]) => `<item><title>${headline}</title><link>${path}</link><description>${lead}</description><pubDate>${date}</pubDate></item>`)
    .join('')}</channel></rss>`;
  const result = parseFeed(xml);
  if (!result.ok) throw new Error(result.error);
  return result.feed;
}

const meridian: FeedSnapshot = {
  feedUrl: 'https://www.dailymeridian.example/world/rss',
  feed: rss('The Daily Meridian | World', 'https://www.dailymeridian.example/', [
    ['https://www.dailymeridian.example/world/2025/aug/16/summit?utm_source=rss', 'Trump and Putin end Alaska summit in Anchorage with no Ukraine ceasefire deal', 'Trump and Putin met for three hours at Joint Base Elmendorf-Richardson in Anchorage, Alaska, and announced no ceasefire and no agreement on Ukraine. Zelensky, who was not invited, is to meet Trump in Washington on Monday.', 'Sat, 16 Aug 2025 05:40:00 GMT'],
    ['https://www.dailymeridian.example/opinion/2025/aug/16/summit-view', 'Putin came out of the Alaska summit ahead of Trump', 'The Anchorage meeting between Trump and Putin gave Russia a stage and Ukraine nothing: no ceasefire, no deal.', 'Sat, 16 Aug 2025 12:00:00 GMT'],
    ['https://www.dailymeridian.example/sport/2025/aug/16/cricket', 'Rain stops play at Lord\'s as England chase 280', 'Only 12 overs were possible on the third day of the second Test.', 'Sat, 16 Aug 2025 18:00:00 GMT'],
  ]),
};
const wire: FeedSnapshot = {
  feedUrl: 'https://wire.example.net/top.rss',
  feed: rss('Northwind Wire', 'https://wire.example.net/', [
    ['https://wire.example.net/world/putin-trump-anchorage', 'Putin and Trump hold Alaska summit in Anchorage, Ukraine ceasefire deal not reached', 'After about three hours of talks in Anchorage, Alaska, Trump and Putin spoke of progress but no ceasefire or agreement on Ukraine was announced.', 'Fri, 15 Aug 2025 23:30:00 GMT'],
    // The Meridian's report again, reached through the wire's feed: one article, not two.
    ['https://dailymeridian.example/world/2025/aug/16/summit', 'Trump and Putin end Alaska summit in Anchorage with no Ukraine ceasefire deal', 'Duplicate.', 'Sat, 16 Aug 2025 05:40:00 GMT'],
  ]),
};

test('items of two outlets about one event form one story that takes the starter story\'s categories', () => {
  const pack = buildFeedStories([wire, meridian], { labelled: [starter], updated: '2025-08-16T20:00:00Z' });
  assert.deepEqual(validatePack(pack).ok ? [] : (validatePack(pack) as { errors: string[] }).errors, []);
  const summit = pack.stories.find((s) => s.articles.length > 1);
  assert.ok(summit, 'a multi-outlet story exists');
  assert.deepEqual(summit.articles.map((a) => [a.outlet, a.kind]), [
    ['wire.example.net', 'report'],
    ['dailymeridian.example', 'report'],
  ]);
  // The opinion column is not coverage: it is under the story's opinions, with its outlet and time.
  assert.deepEqual(summit.opinions.map((o) => [o.title, o.source, o.published, o.kind]), [
    ['Putin came out of the Alaska summit ahead of Trump', 'The Daily Meridian', '2025-08-16T12:00:00.000Z', 'opinion'],
  ]);
  assert.deepEqual(summit.summaryParts?.map((p) => p.source).sort(), ['Northwind Wire', 'The Daily Meridian'], 'the summary credits both outlets');
  assert.deepEqual(summit.categories, starter.stories[0]!.categories.map((c) => `storyline-starter:${c}`));
  const copied = pack.categories.find((c) => c.id === summit.categories[0]);
  assert.deepEqual(copied?.actions, starter.categories.find((c) => c.id === starter.stories[0]!.categories[0])?.actions, 'standing actions come along');
  const cricket = pack.stories.find((s) => s.title.startsWith('Rain stops play'));
  assert.deepEqual(cricket?.categories, [], 'an unrelated story gets no categories');
  assert.deepEqual(pack.outlets.map((o) => [o.id, o.name]), [['dailymeridian.example', 'The Daily Meridian'], ['wire.example.net', 'Northwind Wire']]);
});

test('the build is deterministic whatever the feeds\' order, and without labelled packs there are no categories', () => {
  const a = buildFeedStories([wire, meridian], { labelled: [starter], updated: '2025-08-16T20:00:00Z' });
  const b = buildFeedStories([meridian, wire], { labelled: [starter], updated: '2025-08-16T20:00:00Z' });
  assert.deepEqual(a, b);
  const bare = buildFeedStories([wire, meridian], { labelled: [], updated: '2025-08-16T20:00:00Z' });
  assert.deepEqual(bare.categories, []);
  assert.ok(bare.stories.every((s) => s.categories.length === 0));
});

test('outlet names drop the section a feed title appends', () => {
  assert.equal(outletName('Le Courrier du Nord - Monde', 'courrier-nord.example'), 'Le Courrier du Nord');
  assert.equal(outletName('Northwind Wire — Top stories', 'wire.example.net'), 'Northwind Wire');
  assert.equal(outletName(null, 'wire.example.net'), 'wire.example.net');
});

test('a column an outlet\'s main feed and its opinion section both carry is an opinion, whatever the feeds\' addresses sort as', async () => {
  const { rss, rssItem } = await import('../sources-feed-fixtures');
  const column = rssItem('https://www.independent.example/voices/alaska-summit-no-deal', 'Trump and Putin left the Alaska summit in Anchorage with no Ukraine ceasefire deal. Good', 'The Anchorage summit ended with no ceasefire for Ukraine, and Trump and Putin should be glad of it, argues our columnist.', 'Sat, 14 Aug 2021 19:00:00 GMT');
  const report = rssItem('https://north.example/alaska-summit', 'Trump and Putin end Alaska summit in Anchorage with no Ukraine ceasefire deal', 'Trump and Putin met for three hours at the Anchorage air base; the Alaska summit ended without a ceasefire agreement on Ukraine.', 'Sat, 14 Aug 2021 20:00:00 GMT');
  const snapshot = (feedUrl: string, xml: string): FeedSnapshot => {
    const parsed = parseFeed(xml, { url: feedUrl });
    if (!parsed.ok) throw new Error(parsed.error);
    return { feedUrl, feed: parsed.feed };
  };
  const pack = buildFeedStories(
    [
      // The main feed's address sorts before the section's.
      snapshot('https://www.independent.example/rss', rss('The Independent', 'https://www.independent.example/', [column])),
      snapshot('https://www.independent.example/voices/rss', rss('The Independent | Voices', 'https://www.independent.example/', [column])),
      snapshot('https://north.example/rss', rss('North Star | World', 'https://north.example/', [report])),
    ],
    { labelled: [], updated: '2021-08-15T00:00:00Z' },
  );
  const story = pack.stories.find((s) => s.articles.some((a) => a.url === 'https://north.example/alaska-summit'))!;
  assert.deepEqual(story.articles.map((a) => a.kind), ['report'], 'the column is not a report of the story');
  assert.equal(story.opinions.length, 1);
  assert.doesNotMatch(story.summary, /columnist/);
});
