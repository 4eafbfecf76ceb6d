// The reader's path as a benchmark (npm run bench:feeds, and the engine regression test): feeds built
// per outlet from a labelled file, one report of every evaluated story held out of every feed and
// read as a page, and orphan stories of which no feed carries anything. The Node replica runs the
// functions the extension runs: the product's feed parser on the RSS the outlets would serve,
// `buildFeedStories`, the pack's stored records, the background's page → engine conversion
// (src/background/page-doc.ts) and `StoryIndex.match`. Test data only: nothing here is bundled.
import { civicTopics, maybeRelated, StoryIndex } from '../../src/engine/index';
import { buildFeedStories, type FeedSnapshot } from '../../src/background/feeds/feed-stories';
import { parseFeed } from '../../src/formats/feeds';
import type { ExtractedArticle } from '../../src/contracts/page-report';
import { articleDoc, historyText, launchedMatch, pageDoc, pageKeyOf } from '../../src/background/page-doc';
import { articleKind } from '../../src/formats/feeds/kind';
import { urlKey } from '../../src/formats/url';
import { packRecords } from '../../src/background/sources/pack-records';
import { ownReports } from '../../src/background/story-reports';
import { bcubed, openingSentence, seededRandom, shuffled, type DataFile, type Row } from './dataset';

const HOUR = 3_600_000;

export interface OutletFeed {
  name: string;
  host: string;
  /**
   * The feed's address: an outlet's opinion section has its own (`/opinion/feed.xml`, as outlets'
   * opinion feeds are addressed, which tells the product its items are opinions), beside its news
   * feed on the same host (the file names "X (News)" and "X (Opinion)", one outlet: one host).
   */
  url: string;
  xml: string;
}

export interface HeldOutPage {
  article: ExtractedArticle;
  /** The page's event; for an orphan, an event no feed carries. */
  gold: string;
  orphan: boolean;
}

export interface ReaderSetup {
  file: string;
  feeds: OutletFeed[];
  pages: HeldOutPage[];
  /** urlKey of every feed item's link → its event. */
  goldOfItem: Map<string, string>;
  now: number;
}

export interface SetupOptions {
  /** Orphan stories (nothing of them in any feed), drawn with the seed. */
  orphans: number;
  /** Evaluate at most this many stories (seeded); every other story still feeds. */
  sample?: number;
  seed: number;
  /** The newest item is published an hour before this. */
  now: number;
  /**
   * Feed items carry their article's opening sentence only, as many feeds do (default: the lead,
   * cut by the product's parser): the page is then much longer than the items it is read against.
   */
  shortItems?: boolean;
}

/** Text for XML and HTML: the feeds' items and the pages the browser benchmark serves. */
export const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const slug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'outlet';
/** An outlet's host: a name that is already a host stays one; others become `<slug>.example`. */
const hostOf = (name: string): string => (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(name) ? name.toLowerCase() : `${slug(name)}.example`);
const linkOf = (host: string, r: Row): string => `https://${host}/${encodeURIComponent(r.id)}`;

function rss(name: string, host: string, rows: readonly Row[], shortItems: boolean): string {
  const items = [...rows]
    .sort((a, b) => (b.date ?? 0) - (a.date ?? 0))
    .map((r) => {
      const date = r.date === null ? '' : `<pubDate>${new Date(r.date).toUTCString()}</pubDate>`;
      // The feed's description is the article's lead; the product's parser cuts it as it cuts any.
      const description = (shortItems ? openingSentence(r.text) : r.text) ?? '';
      return `<item><title>${escapeXml(r.title)}</title><link>${linkOf(host, r)}</link><guid>${escapeXml(linkOf(host, r))}</guid>${date}<description>${escapeXml(description)}</description></item>`;
    });
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${escapeXml(name)}</title><link>https://${host}/</link>${items.join('')}</channel></rss>`;
}

/** The file's opinion pieces: their outlet is marked "(Opinion)" (../shared/data/stories/README.md). */
const OPINION_SOURCE = /\s*\(Opinion\)\s*$/;
/** The section an opinion piece's page declares (article:section), as outlets' opinion pages do. */
const sectionOf = (r: Row): string | null => (OPINION_SOURCE.test(r.source ?? '') ? 'Opinion' : null);

function asPage(r: Row, host: string): ExtractedArticle {
  // What the content script would read off the page (content/page-kind.ts): its address and section.
  const kind = articleKind(linkOf(host, r), [], sectionOf(r));
  return {
    ...(kind === 'report' ? {} : { kind }),
    url: linkOf(host, r),
    canonicalUrl: null,
    title: r.title,
    byline: null,
    siteName: r.source,
    published: r.date === null ? null : new Date(r.date).toISOString(),
    lang: 'en',
    // Readability's excerpt: the page's description, most often its opening sentence.
    excerpt: r.text ? openingSentence(r.text) : null,
    text: r.text ?? '',
  };
}

/** Feeds and held-out pages from a file whose dates were treated by the protocol (loadFile). */
export function readerSetup(file: DataFile, opts: SetupOptions): ReaderSetup {
  const dated = file.rows.filter((r) => r.date !== null).map((r) => r.date!);
  const shift = dated.length ? opts.now - HOUR - Math.max(...dated) : 0;
  const rows = file.rows.map((r) => ({ ...r, date: r.date === null ? null : r.date + shift }));
  const byStory = new Map<string, Row[]>();
  for (const r of rows) (byStory.get(r.story) ?? byStory.set(r.story, []).get(r.story)!).push(r);
  const stories = shuffled([...byStory.keys()].sort(), opts.seed);
  const orphanStories = new Set(stories.slice(0, opts.orphans));
  let evaluated = stories.filter((s) => !orphanStories.has(s) && byStory.get(s)!.length >= 2);
  if (opts.sample !== undefined) evaluated = evaluated.slice(0, opts.sample);
  const random = seededRandom(opts.seed);
  const heldOut = new Set<Row>();
  for (const s of evaluated) {
    const members = byStory.get(s)!;
    heldOut.add(members[Math.floor(random() * members.length)]!);
  }
  const host = (r: Row): string => hostOf(r.source ?? 'unknown outlet');
  const byOutlet = new Map<string, Row[]>();
  const goldOfItem = new Map<string, string>();
  for (const r of rows) {
    if (heldOut.has(r) || orphanStories.has(r.story)) continue;
    const name = r.source ?? 'unknown outlet';
    (byOutlet.get(name) ?? byOutlet.set(name, []).get(name)!).push(r);
    goldOfItem.set(urlKey(linkOf(host(r), r))!, r.story);
  }
  const feeds = [...byOutlet]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([name, items]) => ({
      name,
      host: hostOf(name),
      url: `https://${hostOf(name)}${OPINION_SOURCE.test(name) ? '/opinion' : ''}/feed.xml`,
      xml: rss(name, hostOf(name), items, opts.shortItems ?? false),
    }));
  const pages: HeldOutPage[] = [
    ...[...heldOut].map((r) => ({ article: asPage(r, host(r)), gold: r.story, orphan: false })),
    ...[...orphanStories].map((s) => byStory.get(s)![0]!).map((r) => ({ article: asPage(r, host(r)), gold: r.story, orphan: true })),
  ];
  return { file: file.name, feeds, pages, goldOfItem, now: opts.now };
}

export interface PageOutcome {
  gold: string;
  orphan: boolean;
  /** The launcher's story (null: no launcher), its score, and the events of its reports. */
  launched: boolean;
  right: boolean;
  /** The top candidate, threshold aside, holds a report of the page's event. */
  topRight: boolean;
  score: number | null;
  /** Of the matched story's reports, the share of the page's event; of the event's feed reports, the share in it. */
  sidebarPrecision: number | null;
  sidebarRecall: number | null;
  /** With no launcher: whether each story offered as "maybe related" holds a report of the page's event. */
  maybe: boolean[];
  /** The engine's ranked candidates (score, and whether of the page's event), for the floor's sweep. */
  ranked: { score: number; right: boolean }[];
  /**
   * With a launcher: what the sidebar's Categories section shows for the matched story (a feed
   * story has no curated categories): the civic categories the classifier gives, surest first, and
   * those it offers when it gives none (background/story-categories.ts reads the same reports).
   */
  context: { given: string[]; offered: string[] } | null;
}

export interface ReaderFigures {
  file: string;
  feeds: number;
  items: number;
  stories: number;
  pages: number;
  orphans: number;
  /** Right launchers over launchers, on pages of an event the feeds carry. */
  precision: number;
  /** Right launchers over those pages. */
  recall: number;
  /** The top candidate (threshold aside) is of the page's event. */
  storyHit: number;
  /** Orphan pages that got a launcher. */
  orphanFalseLaunchers: number;
  /** Over right launchers: the share of the sidebar's reports of the page's event, and of the event's feed reports shown. */
  sidebarPrecision: number;
  sidebarRecall: number;
  /** Pages of an event the feeds carry that get no launcher: the share offered their event's story as "maybe related". */
  maybeRecovered: number;
  /** Of the stories offered on those pages, the share that hold a report of the page's event. */
  maybePrecision: number;
  /** Orphan pages (no launcher) offered any story as "maybe related". */
  orphansOffered: number;
  /** BCubed of the feed stories against the events of their items. */
  streamF1: number;
  buildMs: number;
  matchP50Ms: number;
  outcomes: PageOutcome[];
}

const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export interface MaybeFigures {
  maybeRecovered: number;
  maybePrecision: number;
  orphansOffered: number;
}

/** The popup's "maybe related" on pages without a launcher (ReaderFigures' fields), for any outcomes. */
export function maybeFigures(outcomes: readonly Pick<PageOutcome, 'orphan' | 'launched' | 'maybe'>[]): MaybeFigures {
  const unlaunched = outcomes.filter((o) => !o.orphan && !o.launched);
  const orphans = outcomes.filter((o) => o.orphan);
  const offered = unlaunched.flatMap((o) => o.maybe);
  return {
    maybeRecovered: unlaunched.length ? unlaunched.filter((o) => o.maybe.includes(true)).length / unlaunched.length : 0,
    maybePrecision: offered.length ? offered.filter(Boolean).length / offered.length : 0,
    orphansOffered: orphans.length ? orphans.filter((o) => !o.launched && o.maybe.length > 0).length / orphans.length : 0,
  };
}

function contextOf(reports: readonly { title: string; text: string | null }[]): PageOutcome['context'] {
  const { given, suggested } = civicTopics().read(reports);
  return { given: given.map((t) => t.id), offered: suggested.map((t) => t.id) };
}

/** Runs the reader's path in Node: the feeds parsed, clustered into stories, indexed, each page matched. */
export function runReplica(setup: ReaderSetup): ReaderFigures {
  const started = performance.now();
  const snapshots: FeedSnapshot[] = setup.feeds.map((f) => {
    const feedUrl = f.url;
    const parsed = parseFeed(f.xml, { url: feedUrl });
    if (!parsed.ok) throw new Error(`${f.name}: ${parsed.error}`);
    return { feedUrl, feed: parsed.feed };
  });
  const pack = buildFeedStories(snapshots, { labelled: [], updated: new Date(setup.now).toISOString() });
  const index = new StoryIndex();
  const members = new Map<string, { title: string; text: string | null }[]>();
  const events = new Map<string, string[]>();
  const predicted = new Map<string, string[]>();
  const gold = new Map<string, string>();
  for (const { story } of packRecords(pack).stories) {
    const reports = ownReports(story);
    for (const report of reports) index.addArticle(report.storyId, articleDoc(report));
    members.set(story.id, reports.map((r) => ({ title: r.title, text: r.excerpt ?? null })));
    const ofEvents = reports.map((r) => setup.goldOfItem.get(r.urlKey ?? '') ?? '?');
    events.set(story.id, ofEvents);
    predicted.set(story.id, reports.map((r) => r.id));
    reports.forEach((r, i) => gold.set(r.id, ofEvents[i]!));
  }
  const buildMs = performance.now() - started;
  const feedCount = new Map<string, number>();
  for (const e of setup.goldOfItem.values()) feedCount.set(e, (feedCount.get(e) ?? 0) + 1);
  const times: number[] = [];
  const outcomes = setup.pages.map((page): PageOutcome => {
    const t = performance.now();
    const result = index.match(pageDoc(page.article, pageKeyOf(page.article)));
    const launched = launchedMatch(result, page.article.kind);
    times.push(performance.now() - t);
    const holds = (storyId: string | undefined): boolean => storyId !== undefined && (events.get(storyId) ?? []).includes(page.gold);
    const matched = launched?.storyId;
    const right = holds(matched);
    const of = matched ? events.get(matched)! : [];
    const mine = of.filter((e) => e === page.gold).length;
    return {
      gold: page.gold,
      orphan: page.orphan,
      launched: launched !== null,
      right,
      topRight: holds(result.candidates[0]?.storyId),
      score: result.candidates[0]?.score ?? null,
      sidebarPrecision: right ? mine / of.length : null,
      sidebarRecall: right ? mine / (feedCount.get(page.gold) ?? 1) : null,
      maybe: launched ? [] : maybeRelated(result).map((c) => holds(c.storyId)),
      ranked: result.candidates.map((c) => ({ score: c.score, right: holds(c.storyId) })),
      context: matched ? contextOf([...(members.get(matched) ?? []), { title: page.article.title, text: historyText(page.article) }]) : null,
    };
  });
  const known = outcomes.filter((o) => !o.orphan);
  const orphans = outcomes.filter((o) => o.orphan);
  const launched = known.filter((o) => o.launched);
  const rights = known.filter((o) => o.right);
  times.sort((a, b) => a - b);
  return {
    file: setup.file,
    feeds: setup.feeds.length,
    items: setup.goldOfItem.size,
    stories: pack.stories.length,
    pages: known.length,
    orphans: orphans.length,
    precision: launched.length ? rights.length / launched.length : 0,
    recall: known.length ? rights.length / known.length : 0,
    storyHit: known.length ? known.filter((o) => o.topRight).length / known.length : 0,
    orphanFalseLaunchers: orphans.length ? orphans.filter((o) => o.launched).length / orphans.length : 0,
    sidebarPrecision: mean(rights.map((o) => o.sidebarPrecision!)),
    sidebarRecall: mean(rights.map((o) => o.sidebarRecall!)),
    ...maybeFigures(outcomes),
    streamF1: bcubed(predicted, gold).f1,
    buildMs,
    matchP50Ms: times[Math.floor(times.length / 2)] ?? 0,
    outcomes,
  };
}
