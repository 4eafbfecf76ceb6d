// "Most covered now": the stories that most of the reader's sources report on in the last two days,
// for the welcome page once the first fetch is done, and for the popup. A new reader sees at once what Storyline
// knows, and one click opens an outlet's report, where the launcher shows the others: the product
// shows itself on the news of the day rather than waiting for the reader to happen on a story.
import type { IDBPDatabase } from 'idb';
import type { ReportRecord, StoryRecord, StorylineDB } from '../formats/storage-schema';
import type { TopStory } from '../contracts/views';
import { FEEDS_PACK_ID } from './feeds/feed-stories';
import { packValues } from './pack-keys';

/** How recent a report must be to count: news of the last two days, as a front page would show. */
export const TOP_STORY_HOURS = 48;
const MAX_TOP_STORIES = 5;
const MAX_LINKS = 3;

interface Ranked {
  story: StoryRecord;
  outlets: number;
  newest: number;
  recent: ReportRecord[];
}

const time = (report: ReportRecord): number => (report.published ? Date.parse(report.published) : NaN);

/** The feed stories covered by at least two outlets in the window, most outlets first, then the most recent. */
export async function topStories(database: IDBPDatabase<StorylineDB>, now: Date, limit = MAX_TOP_STORIES): Promise<TopStory[]> {
  const from = now.getTime() - TOP_STORY_HOURS * 3_600_000;
  const ranked: Ranked[] = [];
  for (const story of await packValues(database, 'stories', FEEDS_PACK_ID)) {
    // An undated report may be of any day: it does not make a story news of today.
    const recent = story.reports.filter((r) => r.kind === 'report' && time(r) >= from && time(r) <= now.getTime());
    const outlets = new Set(recent.map((r) => r.outlet)).size;
    if (outlets < 2) continue;
    recent.sort((a, b) => time(b) - time(a));
    ranked.push({ story, outlets, newest: time(recent[0]!), recent });
  }
  ranked.sort((a, b) => b.outlets - a.outlets || b.newest - a.newest || a.story.id.localeCompare(b.story.id));
  return ranked.slice(0, limit).map(({ story, outlets, recent }) => ({ id: story.id, title: story.title, outlets, reports: links(recent) }));
}

// The popup asks on every opening: the list is kept until the feed stories change (the feeds
// pack's version is the time of its last write) or a quarter of an hour passes (stories age out of
// the window). A new worker starts without it.
const KEEP_MS = 15 * 60_000;
let kept: { database: IDBPDatabase<StorylineDB>; version: string; at: number; stories: TopStory[] } | null = null;

/** topStories, kept between calls while the feed stories stay as they were. */
export async function currentTopStories(database: IDBPDatabase<StorylineDB>, now: Date, limit = MAX_TOP_STORIES): Promise<TopStory[]> {
  const version = (await database.get('packs', FEEDS_PACK_ID))?.version ?? '';
  const at = now.getTime();
  if (!kept || kept.database !== database || kept.version !== version || at < kept.at || at - kept.at >= KEEP_MS) {
    kept = { database, version, at, stories: await topStories(database, now) };
  }
  return kept.stories.slice(0, limit);
}

/** One report per outlet, newest first, each with an address to open. */
function links(recent: readonly ReportRecord[]): TopStory['reports'] {
  const seen = new Set<string>();
  const out: TopStory['reports'] = [];
  for (const r of recent) {
    if (!r.url || seen.has(r.outlet)) continue;
    seen.add(r.outlet);
    out.push({ title: r.title, outletName: r.outletName, url: r.url });
    if (out.length === MAX_LINKS) break;
  }
  return out;
}
