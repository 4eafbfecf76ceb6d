// Feed stories kept up to date feed by feed: adding a feed then removing it restores every story
// exactly (ids, members, titles, categories, outlet names); a refresh that brings nothing new
// changes nothing; items leaving take their stories with them when no member is left; the item
// whose arrival merged two stories splits them back when it leaves; an outlet's own copy of an
// article beats an aggregator's and the aggregator's comes back when the own feed goes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { StreamClusterer } from '../../../src/engine';
import { buildFeedStories, FeedStories, type FeedSnapshot } from '../../../src/background/feeds/feed-stories';
import { FeedLabels } from '../../../src/background/feeds/feed-labels';
import { Slices } from '../../../src/background/feeds/slices';
import type { Feed, FeedItem } from '../../../src/formats/feeds';
import type { Pack, Story } from '../../../src/formats/model';

const starter = JSON.parse(readFileSync(new URL('../../../assets/packs/starter.json', import.meta.url), 'utf8')) as Pack;
const labels = new FeedLabels([starter]);

const T0 = Date.UTC(2025, 7, 14);
const HOUR = 3_600_000;

function item(url: string, title: string, summary: string, hours: number, kind: FeedItem['kind'] = 'report'): FeedItem {
  return { id: url, url, title, summary, published: new Date(T0 + hours * HOUR).toISOString(), author: null, categories: [], section: null, kind };
}

const feed = (title: string, home: string, items: FeedItem[]): Feed => ({ dialect: 'rss', title, homeUrl: home, items });

const Q1 = item('https://north.example/haiti-quake', 'Magnitude 7.2 earthquake strikes Haiti', 'A powerful earthquake hit Haiti on Saturday morning, the US Geological Survey said.', 0);
const Q2 = item('https://north.example/les-cayes', 'Hundreds dead in Les Cayes as rescuers dig through rubble', 'Rescuers in Les Cayes searched collapsed buildings; at least 300 people died.', 3);
const Q3 = item('https://south.example/haiti-kills-hundreds', 'Haiti earthquake kills hundreds in Les Cayes', 'The 7.2 earthquake in Haiti killed at least 300 people near Les Cayes, and rescuers dug through rubble.', 6);

const north = (items = [Q1, Q2]): [string, Feed] => ['https://north.example/rss', feed('North Star | World', 'https://north.example/', items)];
const south = (items = [Q3]): [string, Feed] => ['https://south.example/feed', feed('South Herald', 'https://south.example/', items)];

/** Every story as stored, by id: what "the same stories" means. */
function stories(model: FeedStories): Map<string, Story> {
  return new Map(model.storyIds().sort().map((id) => [id, model.story(id, labels)!.story]));
}

const summit = (site: string, n: number, hours: number, title: string): FeedItem =>
  item(`https://${site}/summit-${n}`, title, 'Trump and Putin met for three hours at Joint Base Elmendorf-Richardson in Anchorage, Alaska; no ceasefire for Ukraine was announced.', hours);

/** Feeds of five outlets over three events, one an aggregator that also carries two outlets' reports. */
function corpus(): [string, Feed][] {
  const events = [
    ['Trump and Putin end Alaska summit without a Ukraine ceasefire deal', 'Putin and Trump hold Anchorage summit, no agreement on Ukraine', 'Alaska summit: no deal on Ukraine after three hours of talks'],
    ['Senate passes $1 trillion infrastructure bill in bipartisan vote', 'Infrastructure bill clears the Senate 69-30', 'Senators approve the bipartisan infrastructure package'],
    ['Wildfire forces evacuations across northern California', 'Dixie fire grows as thousands evacuate in California', 'California fire crews battle the Dixie blaze'],
  ];
  const sites = ['north.example', 'south.example', 'east.example', 'west.example'];
  const feeds: [string, Feed][] = sites.map((site, s) => [
    `https://${site}/rss`,
    feed(`${site.split('.')[0]} Times`, `https://${site}/`, events.flatMap((titles, e) => (e + s) % 4 === 3 ? [] : [summit(site, e, e * 30 + s * 2, titles[(e + s) % 3]!)])),
  ]);
  const carried = [feeds[0]![1].items[0]!, feeds[1]![1].items[1]!].map((i) => ({ ...i, title: `${i.title} (via Aggregator)` }));
  feeds.push(['https://aggregator.example/all.xml', feed('Aggregator', 'https://aggregator.example/', [...carried, summit('aggregator.example', 9, 70, 'Dixie fire containment reaches 20 percent')])]);
  return feeds;
}

test('adding a feed then removing it restores every story exactly', () => {
  let merges = 0;
  for (const loose of [false, true]) {
    // Loose thresholds make merges happen, the case where a naive removal would go wrong.
    const model = new FeedStories(new StreamClusterer(loose ? { joinThreshold: 0.3, mergeThreshold: 0.5 } : {}));
    const [first, ...rest] = corpus();
    model.update([first!, north(), south([])]);
    const before = stories(model);
    for (const added of [...rest, south()]) {
      const change = model.update([added]);
      assert.ok(change.stories.size > 0, `${added[0]} changed something`);
      merges += [...model.clusterer.graph.nodes.values()].filter((n) => n.links[1]).length;
      const removed = model.update([[added[0], null]]);
      assert.deepEqual(removed.stories, change.stories, 'the stories it touched are touched back');
      assert.deepEqual(stories(model), before, `${added[0]} left no trace (loose: ${loose})`);
    }
  }
  assert.ok(merges > 0, 'some additions merged stories');
});

test('a refresh that brings nothing new changes nothing', () => {
  const model = new FeedStories();
  model.update(corpus());
  const before = stories(model);
  for (const f of corpus()) {
    const change = model.update([f]);
    assert.deepEqual(change, { stories: new Set(), changedArticles: new Set(), removedArticles: new Set(), outlets: false, merged: new Map() });
  }
  assert.deepEqual(stories(model), before);
});

test('the item that merged two stories splits them back when it leaves; a story with no member left goes', () => {
  const model = new FeedStories();
  model.update([north()]);
  assert.deepEqual([...stories(model).keys()], ['s:north.example/haiti-quake', 's:north.example/les-cayes']);
  model.update([south()]);
  assert.deepEqual([...stories(model).values()].map((s) => s.articles.map((a) => a.id)), [['north.example/haiti-quake', 'north.example/les-cayes', 'south.example/haiti-kills-hundreds']], 'one story');
  // The south feed no longer holds the report that bridged the two (it aged out).
  const change = model.update([south([])]);
  assert.deepEqual(change.removedArticles, new Set(['south.example/haiti-kills-hundreds']));
  assert.deepEqual([...stories(model)].map(([id, s]) => [id, s.articles.map((a) => a.id)]), [
    ['s:north.example/haiti-quake', ['north.example/haiti-quake']],
    ['s:north.example/les-cayes', ['north.example/les-cayes']],
  ]);
  const gone = model.update([north([Q2])]);
  assert.ok(gone.stories.has('s:north.example/haiti-quake'));
  assert.equal(model.hasStory('s:north.example/haiti-quake'), false, 'no member left: the story is gone');
});

test('an outlet\'s own copy beats the aggregator\'s, which comes back when the own feed goes; outlets are named from their own feed', () => {
  const model = new FeedStories();
  const aggregator: [string, Feed] = ['https://aggregator.example/all.xml', feed('Aggregator', 'https://aggregator.example/', [{ ...Q1, title: 'Haiti quake (via Aggregator)' }])];
  model.update([aggregator]);
  const id = 'north.example/haiti-quake';
  assert.equal(model.entries.get(id)?.article.title, 'Haiti quake (via Aggregator)');
  assert.equal(model.entries.outletName('north.example'), 'north.example');
  const change = model.update([north()]);
  assert.ok(change.changedArticles.has(id), 'the own copy replaces the aggregator\'s');
  assert.ok(change.outlets);
  assert.equal(model.entries.get(id)?.article.title, Q1.title);
  assert.equal(model.entries.outletName('north.example'), 'North Star');
  model.update([[north()[0], null]]);
  assert.equal(model.entries.get(id)?.article.title, 'Haiti quake (via Aggregator)');
  assert.equal(model.entries.outletName('north.example'), 'north.example');
});

test('built at once, the stories are those of buildFeedStories', () => {
  const model = new FeedStories();
  model.update(corpus());
  const pack = buildFeedStories(corpus().map(([feedUrl, f]): FeedSnapshot => ({ feedUrl, feed: f })), { labelled: [starter], updated: '2025-08-16T20:00:00Z' });
  assert.deepEqual(pack.stories, [...stories(model).values()]);
  assert.ok(pack.stories.some((s) => s.categories.length > 0), 'the summit takes the starter story\'s categories');
});

test('in slices, an update gives way between its steps and ends with the very same stories', async () => {
  const whole = new FeedStories();
  const sliced = new FeedStories();
  const slices = new Slices(0);
  for (const changes of [[north(), south()], [north([Q1]), south([Q3, Q2])], [[north()[0], null] as const]] as const) {
    const expected = whole.update(changes);
    const got = await sliced.updateInSlices(changes, slices);
    assert.deepEqual(got, expected);
    assert.deepEqual(stories(sliced), stories(whole));
  }
  // A zero-length slice gives way after every step: three arrivals, then Q1 leaving with the north
  // feed (Q2 stays: the south feed lists it now).
  assert.equal(slices.turns, 4);
});

test('feeds read ahead give the very same stories; a reading of an answer the update was not given is not used', () => {
  const plain = new FeedStories();
  const ahead = new FeedStories();
  const steps: (readonly [string, Feed | null])[][] = [corpus(), [north(), south()], [north([Q1]), south([Q3, Q2])]];
  for (const changes of steps) {
    const expected = plain.update(changes);
    for (const [url, f] of changes) if (f) ahead.readAhead(url, f);
    assert.deepEqual(ahead.update(changes), expected);
    assert.deepEqual(stories(ahead), stories(plain));
  }
  // Read from one answer, updated with another (a later fetch of the same feed): the later one counts.
  const [url, early] = north([Q1, Q2]);
  ahead.readAhead(url, { ...early, items: early.items.map((i) => ({ ...i, title: `${i.title} (early edition)` })) });
  const expected = plain.update([[url, early]]);
  assert.deepEqual(ahead.update([[url, early]]), expected);
  assert.deepEqual(stories(ahead), stories(plain));
  assert.ok(![...stories(ahead).values()].some((s) => s.articles.some((a) => a.title.includes('early edition'))), 'no report reads as the unused answer');
});
