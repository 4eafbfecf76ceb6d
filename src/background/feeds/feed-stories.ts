// Stories from the reader's feeds. The items of every feed (each article once: feed-entries.ts) are
// clustered by the engine's online clusterer into stories, kept up to date incrementally: a feed
// added, refreshed or removed makes its new items join the existing clusters and its gone items
// leave theirs (story-graph.ts), and answers which stories changed, so only those are rebuilt
// (feed-story.ts) and stored. `buildFeedStories` makes the whole set at once, as a Pack.
// Pure: the caller passes the feeds' items, the installed packs and the time.
import { docTerms, StreamClusterer, type EngineDoc } from '../../engine';
import { FeedEntries } from './feed-entries';
import type { Entry } from './feed-entry';
import { FeedLabels } from './feed-labels';
import { FeedOpinions, opinionDoc } from './feed-opinions';
import { byTime, storyFromCluster, type BuiltStory } from './feed-story';
import type { Feed } from '../../formats/feeds';
import type { Category, Pack, Story } from '../../formats/model';
import { PACK_FORMAT } from '../../formats/model';
import { SummaryTexts } from './summary-texts';
import type { Slices } from './slices';

export { outletName } from './feed-entry';

export interface FeedSnapshot {
  /** The address the reader subscribed to. */
  feedUrl: string;
  feed: Feed;
}

export interface FeedStoriesOptions {
  /** Packs whose categorised stories label the feed stories. */
  labelled: readonly Pack[];
  /** ISO time of this build: the pack's `updated` and `version`. */
  updated: string;
  packId?: string;
  /** Score a labelled story needs for its categories to be taken (default: the engine's match threshold). */
  categoryThreshold?: number;
}

export const FEEDS_PACK_ID = 'feeds';

/** What an update changed. */
export interface FeedStoriesChange {
  /** Stories to build again (they exist) or to delete (they do not). */
  stories: Set<string>;
  /** Articles new or reading differently: their stored reports must be indexed again. */
  changedArticles: Set<string>;
  /** Articles no feed holds any more. */
  removedArticles: Set<string>;
  /** Whether an outlet appeared, went or was renamed. */
  outlets: boolean;
  /** Stories merged into another, with the story holding their reports now (StreamClusterer.takeMerges). */
  merged: Map<string, string>;
}

const engineDoc = ({ article, summary, ms }: Entry): EngineDoc => ({ id: article.id, title: article.title, text: summary || null, published: ms, outlet: article.outlet });
/** Reports are clustered; opinion and analysis pieces are attached to the stories (feed-opinions.ts). */
const isReport = (entry: Entry): boolean => entry.article.kind === 'report';

export class FeedStories {
  readonly entries = new FeedEntries();
  readonly opinions: FeedOpinions;
  /** Each member's reading for the summaries, kept between builds. */
  private readonly texts = new SummaryTexts();
  /** Entries whose summary reading was made ahead (readAhead): dropped at the next update if no feed holds them. */
  private readonly readIds = new Set<string>();

  constructor(
    readonly clusterer = new StreamClusterer(),
    opts: { opinionThreshold?: number } = {},
  ) {
    this.opinions = new FeedOpinions(opts.opinionThreshold);
  }

  /**
   * The model of feeds whose clusters were kept (a stored clusterer state): the feeds' items are
   * read again, not clustered again (opinions are matched again: they are not in the state). Null
   * when the state does not hold exactly these reports.
   */
  static restore(clusterer: StreamClusterer, feeds: readonly FeedSnapshot[]): FeedStories | null {
    const model = new FeedStories(clusterer);
    model.entries.update(feeds.map((f) => [f.feedUrl, f.feed] as const));
    const reports = [...model.entries.ids()].filter((id) => isReport(model.entries.get(id)!));
    if (reports.length !== clusterer.graph.nodes.size) return null;
    for (const id of reports) if (!clusterer.has(id)) return null;
    clusterer.takeTouched();
    clusterer.takeMerges();
    const opinions = [...model.entries.ids()].map((id) => model.entries.get(id)!).filter((e) => !isReport(e));
    model.opinions.update(clusterer.index, opinions, [], new Set());
    return model;
  }

  /**
   * Reads a feed's fresh answer before the update that takes it in, while a batch's other sources
   * are still being fetched: its entries, and for those new or reading differently the terms the
   * clusterer, the summaries and the opinions will read (kept in the feature memo, which the
   * caller holds open until the update). The update's outcome is the same with or without it.
   */
  readAhead(url: string, feed: Feed): void {
    for (const entry of this.entries.readAhead(url, feed)) {
      const now = this.entries.get(entry.article.id);
      if (now && now.article.title === entry.article.title && now.summary === entry.summary && now.article.kind === entry.article.kind) continue;
      if (isReport(entry)) {
        this.texts.readAhead(entry);
        this.readIds.add(entry.article.id);
      } else {
        docTerms(opinionDoc(entry));
      }
    }
  }

  /**
   * Replaces what the feeds provide (null: the feed is gone). Reports that left every feed (or
   * became opinions) leave their stories, latest first (undoing, in reverse, the merges their
   * arrival made); new ones then join in order of publication, one clustering step at a time.
   * Opinions are attached last, to the stories as they now are.
   */
  update(changes: Iterable<readonly [string, Feed | null]>): FeedStoriesChange {
    const run = this.steps(changes);
    for (;;) {
      const step = run.next();
      if (step.done) return step.value;
    }
  }

  /** The same update, giving way between its clustering steps (slices.ts): the same result. */
  async updateInSlices(changes: Iterable<readonly [string, Feed | null]>, slices: Slices): Promise<FeedStoriesChange> {
    const run = this.steps(changes);
    for (;;) {
      const step = run.next();
      if (step.done) return step.value;
      await slices.turn();
    }
  }

  /** The update, pausing (yield) after each item leaves or joins the clusters. */
  private *steps(changes: Iterable<readonly [string, Feed | null]>): Generator<void, FeedStoriesChange> {
    const changed = this.entries.update(changes);
    // A changed entry's reading is made again when its headline or lead differ (SummaryTexts.of).
    for (const id of changed.removed) this.texts.forget(id);
    for (const id of this.readIds) if (!this.entries.get(id)) this.texts.forget(id);
    this.readIds.clear();
    const seq = (id: string): number => this.clusterer.graph.nodes.get(id)?.seq ?? -1;
    const leaving: string[] = [];
    const arriving: Entry[] = [];
    const opinionsSet: Entry[] = [];
    const opinionsGone: string[] = [];
    const rereadReports: string[] = [];
    /** Reports that now read as opinions: they leave every story's reports. */
    const nowOpinions: string[] = [];
    for (const id of changed.removed) {
      if (this.clusterer.has(id)) leaving.push(id);
      else opinionsGone.push(id);
    }
    for (const id of [...changed.added, ...changed.changed]) {
      const entry = this.entries.get(id)!;
      const clustered = this.clusterer.has(id);
      if (isReport(entry)) {
        if (!clustered) arriving.push(entry);
        else rereadReports.push(id);
        if (this.opinions.has(id)) opinionsGone.push(id);
      } else {
        if (clustered) {
          leaving.push(id);
          nowOpinions.push(id);
        }
        opinionsSet.push(entry);
      }
    }
    for (const id of leaving.sort((a, b) => seq(b) - seq(a))) {
      this.clusterer.remove(id);
      yield;
    }
    for (const entry of arriving.sort(byTime)) {
      this.clusterer.add(engineDoc(entry));
      yield;
    }
    const stories = this.clusterer.takeTouched();
    for (const id of rereadReports) {
      const story = this.clusterer.index.storyOf(id);
      if (story !== undefined) stories.add(story);
    }
    for (const story of this.opinions.update(this.clusterer.index, opinionsSet, opinionsGone, stories)) stories.add(story);
    return {
      stories,
      changedArticles: new Set([...changed.added, ...changed.changed]),
      removedArticles: new Set([...changed.removed, ...nowOpinions]),
      outlets: changed.outlets.size > 0,
      merged: this.clusterer.takeMerges(),
    };
  }

  storyIds(): string[] {
    return [...this.clusterer.index.stories.keys()];
  }

  hasStory(storyId: string): boolean {
    return this.clusterer.index.stories.has(storyId);
  }

  /** The story `storyId` as stored, with the category records it needs; null when it is gone. */
  story(storyId: string, labels: FeedLabels): BuiltStory | null {
    const story = this.clusterer.index.stories.get(storyId);
    if (!story) return null;
    const members = [...story.docs].map((d) => this.entries.get(d.id)).filter((e): e is Entry => e !== undefined);
    const opinions = this.opinions.of(storyId).map((id) => this.entries.get(id)).filter((e): e is Entry => e !== undefined);
    return storyFromCluster(storyId, members, labels, { opinions, outletName: (host) => this.entries.outletName(host), textOf: this.texts.of });
  }
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every feed's items clustered into stories at once, as a pack. */
export function buildFeedStories(feeds: readonly FeedSnapshot[], opts: FeedStoriesOptions): Pack {
  const model = new FeedStories();
  model.update(feeds.map((f) => [f.feedUrl, f.feed] as const));
  const labels = new FeedLabels(opts.labelled, opts.categoryThreshold);
  const categories = new Map<string, Category>();
  const stories: Story[] = [];
  for (const id of model.storyIds()) {
    const built = model.story(id, labels);
    if (!built) continue;
    stories.push(built.story);
    for (const c of built.categories) categories.set(c.id, c);
  }
  return {
    format: PACK_FORMAT,
    id: opts.packId ?? FEEDS_PACK_ID,
    publisher: 'Your feeds',
    version: opts.updated,
    updated: opts.updated,
    categories: [...categories.values()],
    outlets: model.entries.outlets(),
    stories: stories.sort(byId),
  };
}
