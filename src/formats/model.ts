// The data Storyline keeps and shows. Shared by every process, the pack builder and the tests,
// so it holds types only: no browser API, no behaviour.

export type ActionKind =
  | 'petition'
  | 'contact-official'
  | 'donate'
  | 'volunteer'
  | 'event'
  | 'learn'
  | 'share'
  | 'write';

export const ACTION_KINDS: readonly ActionKind[] = [
  'petition',
  'contact-official',
  'donate',
  'volunteer',
  'event',
  'learn',
  'share',
  'write',
];

export type ArticleKind = 'report' | 'opinion' | 'analysis';

export interface Contact {
  name: string;
  role?: string;
  email?: string;
  url?: string;
  /** ISO date the contact was last confirmed; contacts go stale, so none ships without it. */
  checked: string;
}

export interface LetterTemplate {
  subject: string;
  /** Body with placeholders such as `{name}` or `{representative}` that the reader fills in. */
  body: string;
}

export interface ActionStep {
  id: string;
  kind: ActionKind;
  title: string;
  details: string;
  /**
   * The country whose institutions the step works through (ISO 3166-1 alpha-2: "US" for Vote.gov or
   * the FEC). The sidebar holds such a step back on a story about another country (story-country.ts).
   */
  country?: string;
  url?: string;
  template?: LetterTemplate;
  contacts?: Contact[];
  /** Hashtags for `share` steps, without the leading '#'. */
  hashtags?: string[];
  /** Who curated the step and when its link was last checked (ISO date). */
  curatedBy?: string;
  checked?: string;
}

/** Longest category description a pack may carry, in characters (Unicode code points). */
export const MAX_CATEGORY_DESCRIPTION = 500;

export interface Category {
  id: string;
  name: string;
  parent?: string;
  /**
   * What the category covers, in a sentence or two (at most MAX_CATEGORY_DESCRIPTION characters):
   * tells a reader where a story was filed and gives the topic classifier words to learn from.
   */
  description?: string;
  /** Standing actions that apply to every story in this category. */
  actions: ActionStep[];
}

export interface Outlet {
  /** Registrable domain when known (`7news.com.au`), else a slug of the name. */
  id: string;
  name: string;
  domain?: string;
  country?: string;
  owner?: string;
  lean?: string;
}

export interface Article {
  id: string;
  /** Absent when the source gives no URL: the report is listed without a link, never invented. */
  url?: string;
  title: string;
  /** Outlet id (see Outlet.id). */
  outlet: string;
  /** ISO 8601 with offset; absent when unknown (undated articles never get "now"). */
  published?: string;
  /** Lead paragraph(s): shown as the excerpt and used for matching. */
  excerpt?: string;
  kind: ArticleKind;
}

export interface Opinion {
  id: string;
  title: string;
  /** The byline; absent where the source does not give one (a feed item without an author). */
  author?: string;
  /** Where it was published: the outlet's name. */
  source?: string;
  /** A digest (a pack's) or the feed's own description; may be empty for a feed item. */
  summary: string;
  url?: string;
  /** ISO 8601 publication time, when known. */
  published?: string;
  /** An opinion piece (the default) or an analysis. */
  kind?: Exclude<ArticleKind, 'report'>;
}

/** One sentence of an assembled summary and the outlet it was taken from. */
export interface SummaryPart {
  text: string;
  /** The outlet's name, shown beside the sentence as its credit. */
  source: string;
  /** The report the sentence comes from, when its address is known. */
  url?: string;
}

export interface Story {
  id: string;
  title: string;
  summary: string;
  /**
   * The summary as assembled from several outlets' leads, sentence by sentence with each one's
   * outlet (a story built from feeds); `summary` is then these sentences' text joined.
   */
  summaryParts?: SummaryPart[];
  /** Category ids. */
  categories: string[];
  articles: Article[];
  opinions: Opinion[];
  actions: ActionStep[];
}

export const PACK_FORMAT = 1;

export interface Pack {
  format: typeof PACK_FORMAT;
  id: string;
  publisher: string;
  version: string;
  /** ISO date-time of the last editorial change. */
  updated: string;
  categories: Category[];
  outlets: Outlet[];
  stories: Story[];
}
