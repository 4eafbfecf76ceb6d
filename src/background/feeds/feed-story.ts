// One feed story from its cluster: the reports in time order, a headline and an assembled summary
// chosen from them (feed-summary.ts), categories borrowed from a labelled pack story of the same event,
// and the opinion pieces attached to it (feed-opinions.ts). Kept apart from the clustering so how
// a feed story gets its categories, opinions and summary can change without touching how clusters
// are kept.
import type { Entry } from './feed-entry';
import type { FeedLabels } from './feed-labels';
import { storyText } from './feed-summary';
import type { Category, Opinion, Story } from '../../formats/model';
import { headlineKey } from '../../formats/headline';
import type { MemberText } from './summary-texts';

const byId = (a: Entry, b: Entry): number => (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0);

export function byTime(a: Entry, b: Entry): number {
  return (a.ms ?? Infinity) - (b.ms ?? Infinity) || byId(a, b);
}

/** Newest first, the undated after every dated one: an unknown time is no claim to be the latest. */
export function newestFirst(a: Entry, b: Entry): number {
  return (b.ms ?? -Infinity) - (a.ms ?? -Infinity) || byId(a, b);
}

/** A feed's opinion piece as the story shows it: headline, byline where known, outlet, time, link. */
export function opinionOf(entry: Entry, outletName: (host: string) => string): Opinion {
  const { article } = entry;
  return {
    id: article.id,
    title: article.title,
    ...(entry.author ? { author: entry.author } : {}),
    source: outletName(article.outlet),
    summary: entry.summary,
    ...(article.url ? { url: article.url } : {}),
    ...(article.published ? { published: article.published } : {}),
    kind: article.kind === 'analysis' ? 'analysis' : 'opinion',
  };
}

export interface StoryExtras {
  /** The opinion pieces attached to the story. */
  opinions?: readonly Entry[];
  /** Names an outlet by its host (the credits of the summary, an opinion's outlet). */
  outletName?: (host: string) => string;
  /** Reads a member for the summary (a model's kept readings: summary-texts.ts). */
  textOf?: (m: Entry) => MemberText;
}

/** An aggregator's copy this close to one from the outlet's own feed, in one story, is that report. */
const COPY_WINDOW_MS = 12 * 3_600_000;
/** A lead this long that two of an outlet's items share says they are one article. */
const SAME_LEAD_CHARS = 80;

/**
 * The members in time order, each article once. A report that comes both through an aggregator and
 * through its outlet's own feed has two addresses, and often two headlines (aggregators rewrite
 * them): listed once, as the outlet's own feed gives it, when the headlines match or the copies are
 * within COPY_WINDOW_MS of each other. A report whose headline was edited (and its address with it,
 * where the address spells the headline) is two items of one outlet with one lead: listed once, as
 * the latest copy tells it.
 */
function distinctReports(members: readonly Entry[]): Entry[] {
  const sorted = [...members].sort(byTime);
  const kept = new Map<string, Entry>();
  for (const m of sorted) {
    const key = `${m.article.outlet}\n${headlineKey(m.article.title)}`;
    const seen = kept.get(key);
    if (!seen || (m.own && !seen.own)) kept.set(key, m);
  }
  const ownTimes = new Map<string, number[]>();
  for (const m of kept.values()) if (m.own && m.ms !== null) (ownTimes.get(m.article.outlet) ?? ownTimes.set(m.article.outlet, []).get(m.article.outlet)!).push(m.ms);
  const byLead = new Map<string, Entry>();
  for (const [key, m] of kept) {
    const own = ownTimes.get(m.article.outlet);
    if (!m.own && m.ms !== null && own?.some((t) => Math.abs(t - m.ms!) <= COPY_WINDOW_MS)) {
      kept.delete(key);
      continue;
    }
    const lead = m.summary.trim();
    if (lead.length < SAME_LEAD_CHARS) continue;
    const leadKey = `${m.article.outlet}\n${lead}`;
    const earlier = byLead.get(leadKey);
    // In time order: a later copy with the same lead replaces the earlier one.
    if (earlier) kept.delete(`${earlier.article.outlet}\n${headlineKey(earlier.article.title)}`);
    byLead.set(leadKey, m);
  }
  if (kept.size === sorted.length) return sorted;
  const chosen = new Set(kept.values());
  return sorted.filter((m) => chosen.has(m));
}

export interface BuiltStory {
  story: Story;
  /** The category records its categories need. */
  categories: Category[];
  /** Members left out as another member's copy (distinctReports): they are no report of the story. */
  unlisted: string[];
}

/** The story of a cluster; null for an empty cluster. */
export function storyFromCluster(storyId: string, members: readonly Entry[], labels: FeedLabels, extras: StoryExtras = {}): BuiltStory | null {
  const sorted = distinctReports(members);
  if (sorted.length === 0) return null;
  const listed = sorted.length === members.length ? null : new Set(sorted);
  const name = extras.outletName ?? ((host: string) => host);
  // Reports make the story's text; a cluster of other kinds only (from an older state) still reads.
  const reports = sorted.filter((m) => m.article.kind === 'report');
  const text = storyText(reports.length ? reports : sorted, name, extras.textOf);
  const label = labels.label(sorted);
  // Newest first: the latest argument about a story is the one a reader has not seen yet.
  const opinions = [...(extras.opinions ?? [])].sort(newestFirst).map((e) => opinionOf(e, name));
  return {
    story: {
      id: storyId,
      title: text.title,
      summary: text.summary || text.title,
      ...(text.parts.length ? { summaryParts: text.parts } : {}),
      categories: label.categories,
      articles: sorted.map((m) => m.article),
      opinions,
      actions: [],
    },
    categories: label.records,
    unlisted: listed ? members.filter((m) => !listed.has(m)).map((m) => m.article.id) : [],
  };
}
