// What the background sends to the extension pages: ready-to-render views, so the sidebar and the
// popup never read storage themselves and the page never sees any of it.
import type { DiscoveredFeed } from '../formats/feeds';
import type { ActionStep, ArticleKind, Opinion, SummaryPart } from '../formats/model';
import type { Surface } from '../formats/settings';
import type { NetworkLogEntry } from '../formats/source-request';
import type { SourcePrefs } from '../formats/source-prefs';

export interface ReportView {
  id: string;
  title: string;
  outletName: string;
  url?: string;
  published?: string;
  kind: ArticleKind;
  excerpt?: string;
  /** The article the reader is looking at. */
  current: boolean;
  /** The reader opened this article before (it is in their reading history). */
  read?: boolean;
  /** The story is followed and this report arrived since the reader last saw it. */
  fresh?: boolean;
  /** What the pack says about the outlet (country, owner, lean), when it says anything. */
  outlet?: OutletFacts;
}

export interface OutletFacts {
  country?: string;
  owner?: string;
  lean?: string;
}

export interface ActionView extends ActionStep {
  done: boolean;
  /** Name of the category a standing action comes from; absent for the story's own steps. */
  fromCategory?: string;
}

/** Steps held back from a story for being another country's (background/steps-elsewhere.ts). */
export interface HeldBackSteps {
  actions: ActionView[];
  /** The countries whose steps they are (ISO 3166-1 alpha-2: "US"), named by the sidebar. */
  countries: string[];
  /** The country the story is about ("FR"), when one stands out among those it names. */
  about: string | null;
}

export interface CategoryView {
  id: string;
  name: string;
  /** Set when the category was given (or offered) by the topic classifier (the story has no
   * curated ones): the words of the story's reports that decided it. */
  why?: string[];
}

/**
 * The reader's say over the categories of a story no curator filed (present only for such a
 * story, and only while the built-in taxonomy is installed): they may add a category, take one
 * away, or let Storyline choose again.
 */
export interface CategoryChoice {
  /** The categories shown are the reader's choice, not the classifier's. */
  byReader: boolean;
  /** For a story given no category: those it came closest to, surest first. Offered, not given:
   * they bring no steps until the reader takes one. */
  suggested: CategoryView[];
  /** Every category the reader can file the story under, by name. */
  options: { id: string; name: string }[];
}

export interface StoryView {
  id: string;
  title: string;
  summary: string;
  /** The summary sentence by sentence with each one's outlet, when it was assembled from reports. */
  summaryParts?: SummaryPart[];
  /** Earliest and latest known publication time of the story's reports (ISO), when any is dated. */
  span: { from: string; to: string } | null;
  categories: CategoryView[];
  /** Absent for a curator's categories, which stand as written. */
  categoryChoice?: CategoryChoice;
  reports: ReportView[];
  opinions: Opinion[];
  /** When the story has no opinion: how many of the reader's feeds are an outlet's opinion or
   * analysis section, where columns would come from (so the empty section can say so). */
  opinionSources?: number;
  actions: ActionView[];
  /** Steps that work through another country's institutions than the one the story is about. */
  heldBack?: HeldBackSteps;
  /**
   * Why the current page matched, when the view comes from a page match. `close`: the page reached
   * the bar a report is held to; else it launched as a column or analysis does, on the story it
   * discusses (a lower bar). `score` stays for tests and the page's markup, not for the reader.
   */
  why: { score: number; shared: string[]; close: boolean } | null;
  /**
   * The page being read and this story, beyond the engine's match: 'confirmed' when the reader said
   * the page is about it; 'joined' when reading history made the page one of its reports when first
   * read (the engine matched it then); 'offered' when the page matched none and this story came
   * closest (the reader may say it is about it). Absent otherwise.
   */
  pageLink?: 'confirmed' | 'joined' | 'offered';
  /** The page being read is in a private window: an answer about it holds until the page is loaded again (nothing is written there). */
  privatePage?: true;
  /** The reader follows the story (the badge tells when new coverage arrives). */
  following: boolean;
}

/** What changes when the reader files a story: its categories, and the steps they bring. */
export type StoryCategoriesView = Pick<StoryView, 'categories' | 'categoryChoice' | 'actions' | 'heldBack'>;

export interface FollowedStory {
  id: string;
  title: string;
  reportCount: number;
  /** Reports that arrived since the reader last saw the story. */
  newReports: number;
}

export interface StorySummary {
  id: string;
  title: string;
  summary: string;
  reportCount: number;
  opinionCount: number;
  actionCount: number;
  actionsDone: number;
}

export interface SearchHit {
  storyId: string;
  title: string;
  summary: string;
  reportCount: number;
  score: number;
  shared: string[];
}

export interface PackSummary {
  id: string;
  publisher: string;
  version: string;
  updated: string;
  installedAt: string;
  origin: 'builtin' | 'file' | 'url' | 'feeds';
  stories: number;
  /** Shown for a pack of categories alone (a taxonomy such as the built-in civic pack). */
  categories: number;
}

export interface OptionsState {
  packs: PackSummary[];
}

/** What the sidebar shows for its tab. */
export type SidebarView =
  | { kind: 'story'; story: StoryView }
  | { kind: 'search'; query: string; source: 'selection' | 'link' | 'page'; hits: SearchHit[] }
  /**
   * No story matches the page; `maybe`: the stories that came closest, best first; `library`: what
   * Storyline knows (absent in a side panel that has no tab to follow).
   */
  | { kind: 'none'; maybe: SearchHit[]; library?: LibraryView };

/** A story as the popup lists it. */
export interface StoryListing {
  id: string;
  title: string;
  reportCount: number;
}

export interface PopupState {
  /** False on pages the content script cannot run on (browser pages, the web store, files). */
  scriptable: boolean;
  /** Not scriptable now, but would be after a reload: the page was opened before Storyline was there. */
  reloadable: boolean;
  story: StorySummary | null;
  /** Reports other than the page itself, as shown on the badge and the launcher. */
  otherReports: number;
  /** The tab's site (for "Off on this site"), null on pages that are not http(s). */
  host: string | null;
  siteOff: boolean;
  /** The sidebar opens by itself on the tab's site. */
  autoOpen: boolean;
  /** Stories matched recently (newest first), without the tab's own. */
  recent: StoryListing[];
  /** A page that matches no story: the stories that came closest, best first ("maybe related"). */
  maybe: StoryListing[];
  /** Where the reader shows the sidebar: the popup opens the side panel itself, from the click. */
  surface: Surface;
  /** Stories the reader follows, those with new reports first. */
  followed: FollowedStory[];
  /** The stories most of the reader's feeds cover now (background/top-stories.ts), at most three. */
  top: TopStory[];
  /** What Storyline knows, for a page that matches nothing: where the reader can go from there. */
  library: LibraryView;
}

export interface LibraryView {
  stories: number;
  /** The reader's own sources: feeds, pack subscriptions and imported pack files. */
  sources: number;
  /** ISO time of the newest successful refresh of any source; null before the first. */
  refreshedAt: string | null;
}

/** How a source's last refresh went, for the options page. */
export interface RefreshView {
  checkedAt: string | null;
  okAt: string | null;
  /** Why the last attempt failed (the previous version, if any, stays installed). */
  error: string | null;
}

export interface SubscriptionView extends RefreshView {
  url: string;
  /** False when the reader withdrew the host permission the URL needs: it cannot be fetched. */
  access: boolean;
  pinned: boolean;
  packId: string | null;
  publisher: string | null;
  version: string | null;
}

export interface FeedView extends RefreshView {
  /** The last failure's kind, for the reader's words (null: none, or a record that did not say). */
  reason: FeedErrorCode | null;
  url: string;
  /** False when the reader withdrew the host permission the URL needs: it cannot be fetched. */
  access: boolean;
  title: string | null;
  itemCount: number;
}

/** A story several of the reader's sources cover now: the welcome page's "Most covered now". */
export interface TopStory {
  id: string;
  title: string;
  /** Outlets with a report of it in the last TOP_STORY_HOURS. */
  outlets: number;
  /** Reports to start reading with: at most three, one per outlet, each with its address; newest first. */
  reports: { title: string; outletName: string; url: string }[];
}

/** How a batch of feeds went: sources added, sources that failed, and the stories known afterwards. */
export interface FeedBatchResult {
  sources: number;
  failed: number;
  stories: number;
}

export interface HistoryView {
  pageKey: string;
  url: string;
  title: string;
  siteName: string | null;
  readAt: string;
  storyTitle: string | null;
  /**
   * The reader's answer about the page: the story they said it is about ('confirmed') or, failing
   * that, the last one they said it is not ('rejected'); `storyTitle` null once that story is gone.
   */
  answer: { kind: 'confirmed' | 'rejected'; storyTitle: string | null } | null;
}

/** The reader's answer about a page that is no longer in reading history (it left with time, or was never kept). */
export interface PageAnswerView {
  pageKey: string;
  answer: NonNullable<HistoryView['answer']>;
}

/** What the reader's feeds hold, for the options page. */
export interface FeedStoreView {
  /** Items kept, over all feeds. */
  items: number;
  /** Stories built from them. */
  stories: number;
  /** Estimated storage they take (items, stories and the clusterer's state), in bytes. */
  bytes: number;
}

/** Why a source could not be fetched or stored: a closed set a page can put in plain words. */
export type FeedErrorCode = 'timeout' | 'not-found' | 'busy' | 'server-error' | 'http-error' | 'not-a-feed' | 'too-large' | 'network' | 'redirect-loop' | 'no-access' | 'storage';

export const FEED_ERROR_CODES: readonly FeedErrorCode[] = ['timeout', 'not-found', 'busy', 'server-error', 'http-error', 'not-a-feed', 'too-large', 'network', 'redirect-loop', 'no-access', 'storage'];

/** Where one source of a batch stands (sources/feed-batch.ts). */
export interface FeedProgress {
  url: string;
  state: 'waiting' | 'fetching' | 'done' | 'failed';
  /** Items the source holds once done. */
  items: number;
  error: FeedErrorCode | null;
  /** The technical reason behind `error` ("HTTP 404 Not Found"), for a "details" line. */
  detail: string | null;
}

/** The options page's sources, history and network log. */
export interface SourcesState {
  subscriptions: SubscriptionView[];
  feeds: FeedView[];
  history: HistoryView[];
  historyTotal: number;
  /** The reader's answers about pages ("Not this story", "This page is about this story"), each
   * stored with the page's address. */
  pageAnswers: number;
  /** Those of them about pages not in reading history (so not beside an entry), by address. */
  answersAway: PageAnswerView[];
  /** Newest first. */
  networkLog: NetworkLogEntry[];
  prefs: SourcePrefs;
  feedStore: FeedStoreView;
  /** False when the browser gave no `alarms` API (the permission is missing): no automatic refresh. */
  scheduled: boolean;
}

export interface DiscoveryView {
  pageTitle: string;
  pageUrl: string;
  feeds: DiscoveredFeed[];
}

/** A feed added, or the web page its address answered with (nothing added) and the feeds the page names. */
export type FeedAddView = FeedView | { page: DiscoveryView };

/** One article of an exported reading history. */
export interface HistoryExportEntry {
  url: string;
  title: string;
  siteName: string | null;
  published: string | null;
  readAt: string;
}
