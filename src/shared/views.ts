// What the background sends to the extension pages: ready-to-render views, so the sidebar and the
// popup never read storage themselves and the page never sees any of it.
import type { ActionStep, ArticleKind, Opinion } from './model';

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
}

export interface ActionView extends ActionStep {
  done: boolean;
  /** Name of the category a standing action comes from; absent for the story's own steps. */
  fromCategory?: string;
}

export interface StoryView {
  id: string;
  title: string;
  summary: string;
  /** Earliest and latest known publication time of the story's reports (ISO), when any is dated. */
  span: { from: string; to: string } | null;
  categories: { id: string; name: string }[];
  reports: ReportView[];
  opinions: Opinion[];
  actions: ActionView[];
  /** Why the current page matched, when the view comes from a page match. */
  why: { score: number; shared: string[] } | null;
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
  origin: 'builtin' | 'file' | 'url';
  stories: number;
}

export interface OptionsState {
  packs: PackSummary[];
}

/** What the sidebar shows for its tab. */
export type SidebarView =
  | { kind: 'story'; story: StoryView }
  | { kind: 'search'; query: string; source: 'selection' | 'link' | 'page'; hits: SearchHit[] }
  | { kind: 'none' };

export interface PopupState {
  /** False on pages the content script cannot run on (browser pages, the web store, files). */
  scriptable: boolean;
  story: StorySummary | null;
  /** Reports other than the page itself, as shown on the badge and the launcher. */
  otherReports: number;
  /** The tab's site (for "Off on this site"), null on pages that are not http(s). */
  host: string | null;
  siteOff: boolean;
  /** Stories matched recently (newest first), without the tab's own. */
  recent: { id: string; title: string; reportCount: number }[];
}
