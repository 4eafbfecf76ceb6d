// One article listed once in its story: an aggregator's copy with a headline of its own beside the
// outlet's own feed's, and an outlet's report whose headline (and address) was edited between two
// refreshes. Both were listed twice in a story's coverage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entry } from '../../../src/background/feeds/feed-entry';
import { FeedLabels } from '../../../src/background/feeds/feed-labels';
import { storyFromCluster } from '../../../src/background/feeds/feed-story';

const HOUR = 3_600_000;
const T = Date.UTC(2024, 0, 15, 10);
const LEAD = 'A storm battered the coast overnight, flooding harbour towns and cutting power to thousands of homes, officials said.';

function entry(id: string, outlet: string, title: string, ms: number, own: boolean, summary = LEAD): Entry {
  return {
    article: { id, url: `https://${own ? outlet : 'hub.example'}/${id}`, title, outlet, published: new Date(ms).toISOString(), excerpt: summary, kind: 'report' },
    own,
    summary,
    ms,
    author: null,
    sourceName: own ? null : 'Harbour Times',
  };
}

const listed = (members: Entry[]): string[] => storyFromCluster('s', members, new FeedLabels([]))!.story.articles.map((a) => a.id).sort();

test("an aggregator's copy of a report the outlet's own feed carries is listed once, whatever its headline", () => {
  const own = entry('own', 'harbourtimes.example', 'Storm batters coast, cutting power to thousands', T, true);
  const hub = entry('hub', 'harbourtimes.example', 'Coast storm leaves thousands without power - Harbour Times', T + 2 * HOUR, false, 'Harbour Times');
  const other = entry('other', 'meridian.example', 'Storm floods harbour towns', T + HOUR, true, 'Harbour towns flooded as the storm came ashore overnight, with thousands of homes left without power.');
  assert.deepEqual(listed([own, hub, other]), ['other', 'own']);
  // A day later the outlet's copy through the aggregator is another report (a follow-up its own feed did not carry).
  const later = entry('later', 'harbourtimes.example', 'Power back for most after coast storm - Harbour Times', T + 30 * HOUR, false, 'Harbour Times');
  assert.deepEqual(listed([own, later, other]), ['later', 'other', 'own']);
});

test('a report whose headline was edited between two refreshes is listed once, as its latest copy tells it', () => {
  const first = entry('storm-batters-coast', 'harbourtimes.example', 'Storm batters coast', T, true);
  const edited = entry('storm-kills-two-on-coast', 'harbourtimes.example', 'Storm kills two as it batters coast', T + HOUR, true);
  const other = entry('other', 'meridian.example', 'Storm floods harbour towns', T + HOUR, true, 'Harbour towns flooded as the storm came ashore overnight, with thousands of homes left without power.');
  assert.deepEqual(listed([first, edited, other]), ['other', 'storm-kills-two-on-coast']);
  // Two reports of one outlet with short or different leads stay two.
  const short = [entry('a', 'harbourtimes.example', 'Storm: live', T, true, 'Live updates.'), entry('b', 'harbourtimes.example', 'Storm: more', T + HOUR, true, 'Live updates.')];
  assert.deepEqual(listed(short), ['a', 'b']);
});
