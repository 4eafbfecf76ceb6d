// Message contracts, one call map per direction, with a parser for every request payload.
// Payloads are validated where they arrive; who sent them is decided by `sender`, never by the payload.
import { bool, int, isoDate, isRecord, optStr, str } from '../formats/guards';
import { MAX_READER_DATA_CHARS, type ReaderData, type ReaderDataMerge } from '../formats/reader-data';
import { parseSettingsChange, type Settings } from '../formats/settings';
import type { OptionsState, PopupState, SearchHit, SidebarView, StoryView } from './views';

/** What the content script extracts from an article page. Bounded so a page cannot flood the background. */
export interface ExtractedArticle {
  /** The page's own URL, tracking parameters and fragment removed. */
  url: string;
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601 when the page states it; null otherwise (never "now"). */
  published: string | null;
  lang: string | null;
  excerpt: string | null;
  /** The article's text, cut to MAX_ARTICLE_TEXT characters: enough for matching. */
  text: string;
}

export const MAX_ARTICLE_TEXT = 6_000;

/** The tab a side-panel sidebar follows; absent in the in-page sidebar, whose tab is its sender's. */
export interface PanelTab {
  tabId?: number;
}
export const MAX_QUERY_TEXT = 1_000;
/** A problem report from a content script is cut to this many characters per field. */
export const MAX_PROBLEM_TEXT = 500;

import { empty, type Call, type Parsers, type ReqOf, type ResOf } from './call';
import { sourceParsers, type SourceCalls } from './messages-sources';

export type { ReqOf, ResOf };

/** Calls that arrive at the background (story sources: see messages-sources.ts). */
export interface BackgroundCalls extends SourceCalls {
  /** Content script (top frame): this page is an article. Answers the number of other reports, or null. */
  'article/found': Call<{ article: ExtractedArticle }, { count: number } | null>;
  /** Gate script (top frame): this page passed the article gate; the background injects the extraction bundle. */
  'page/article': Call<Record<string, never>, null>;
  /** Content script: after an in-page (SPA) navigation, the new view is not an article. */
  'page/left': Call<Record<string, never>, null>;
  /** Content script: something of ours failed in the page (bounded); kept in the background's problem log. */
  'page/problem': Call<{ what: string; detail: string }, null>;
  /** Content script: a one-time ticket for the sidebar frame it is making (see sidebar-ticket.ts). */
  'sidebar/ticket': Call<Record<string, never>, string>;
  /** In-page sidebar: presents the ticket its content script handed it; only then may it make other calls. */
  'sidebar/claim': Call<{ ticket: string }, null>;
  /**
   * Sidebar: what to show for its tab. In the page, that is the tab it lives in (from `sender`);
   * in the browser's side panel, an extension page with no tab of its own, the tab it follows (`tabId`,
   * taken only from a sender without a tab, like the popup's).
   */
  'sidebar/view': Call<PanelTab, SidebarView>;
  /** Sidebar: one story in full (from a search hit). */
  'sidebar/story': Call<{ storyId: string } & PanelTab, StoryView | null>;
  /** Sidebar: "Not this story": never match this page to the story again; answers the new view. */
  'match/reject': Call<{ storyId: string } & PanelTab, SidebarView>;
  /** Sidebar: the reader closed it (Esc or the close button). */
  'sidebar/close': Call<PanelTab, null>;
  /** Sidebar or popup: follow a story (the badge tells when new coverage arrives), or stop. */
  'story/follow': Call<{ storyId: string; follow: boolean }, null>;
  /** Sidebar or popup: tick or untick an action step. */
  'action/set-done': Call<{ storyId: string; actionId: string; done: boolean }, null>;
  /** Popup: the state of a tab. */
  'popup/state': Call<{ tabId: number }, PopupState>;
  /** Popup: open the in-page sidebar of a tab. */
  'popup/open-sidebar': Call<{ tabId: number }, boolean>;
  /** Options page: installed packs and what else it lists. */
  'options/state': Call<Record<string, never>, OptionsState>;
  /** Extension pages: the reader's settings. */
  'settings/get': Call<Record<string, never>, Settings>;
  /** Popup, options, or the sidebar (the reader's place, from a letter step): change settings (every field given must be valid). */
  'settings/update': Call<{ change: Partial<Settings> }, Settings>;
  /** Popup: show a stored story in the tab's sidebar (a search hit or a recent story). */
  'popup/open-story': Call<{ tabId: number; storyId: string }, boolean>;
  /** Options page: everything that belongs to the reader, as one object (saved as a JSON file). */
  'data/export': Call<Record<string, never>, ReaderData>;
  /** Options page: merge an exported file (its text; validated by the background, errors name the place). */
  'data/import': Call<{ text: string }, ReaderDataMerge>;
  /** Popup or sidebar: search stored stories by text. */
  'search/stories': Call<{ query: string }, SearchHit[]>;
}

/** Calls that arrive at the content script of a tab's top frame. */
export interface ContentCalls {
  'launcher/show': Call<{ count: number }, null>;
  'launcher/hide': Call<Record<string, never>, null>;
  'sidebar/open': Call<Record<string, never>, null>;
  'sidebar/close': Call<Record<string, never>, null>;
}

export type Envelope<M, K extends keyof M = keyof M> = { type: K; payload: M[K] extends Call<infer R, unknown> ? R : never };

/** Every answer travels in this envelope, so a failure is a value and not a lost promise. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };


function parseArticle(value: unknown): ExtractedArticle | undefined {
  if (!isRecord(value)) return undefined;
  const url = str(value['url'], 4_096);
  const title = str(value['title'], 1_000);
  const text = str(value['text'], MAX_ARTICLE_TEXT);
  const canonicalUrl = optStr(value['canonicalUrl'], 4_096);
  const byline = optStr(value['byline'], 500);
  const siteName = optStr(value['siteName'], 500);
  const lang = optStr(value['lang'], 35);
  const excerpt = optStr(value['excerpt'], 2_000);
  const published = value['published'] == null ? null : isoDate(value['published']);
  if (url === undefined || title === undefined || text === undefined) return undefined;
  if (canonicalUrl === undefined || byline === undefined || siteName === undefined) return undefined;
  if (lang === undefined || excerpt === undefined || published === undefined) return undefined;
  return { url, canonicalUrl, title, byline, siteName, published, lang, excerpt, text };
}

/**
 * An optional `tabId` beside the call's own fields (`fields`); an unknown field or a tab id that is
 * not one refuses the message.
 */
function parsePanelTab(p: unknown, fields: readonly string[] = []): PanelTab | undefined {
  if (p === undefined) return {};
  if (!isRecord(p) || Object.keys(p).some((key) => key !== 'tabId' && !fields.includes(key))) return undefined;
  if (p['tabId'] === undefined) return {};
  const tabId = int(p['tabId'], 0);
  return tabId === undefined ? undefined : { tabId };
}

export const backgroundParsers: Parsers<BackgroundCalls> = {
  ...sourceParsers,
  'article/found': (p) => {
    const article = isRecord(p) ? parseArticle(p['article']) : undefined;
    return article && { article };
  },
  'page/article': empty,
  'page/left': empty,
  'page/problem': (p) => {
    const what = isRecord(p) ? str(p['what'], MAX_PROBLEM_TEXT) : undefined;
    const detail = isRecord(p) ? str(p['detail'], MAX_PROBLEM_TEXT) : undefined;
    return what === undefined || detail === undefined ? undefined : { what, detail };
  },
  'sidebar/ticket': empty,
  'sidebar/claim': (p) => {
    const ticket = isRecord(p) ? str(p['ticket'], 100) : undefined;
    return ticket === undefined ? undefined : { ticket };
  },
  'sidebar/view': (p) => parsePanelTab(p),
  'sidebar/story': (p) => {
    const storyId = isRecord(p) ? str(p['storyId'], 200) : undefined;
    const tab = parsePanelTab(p, ['storyId']);
    return storyId === undefined || !tab ? undefined : { storyId, ...tab };
  },
  'match/reject': (p) => {
    const storyId = isRecord(p) ? str(p['storyId'], 200) : undefined;
    const tab = parsePanelTab(p, ['storyId']);
    return storyId === undefined || !tab ? undefined : { storyId, ...tab };
  },
  'sidebar/close': (p) => parsePanelTab(p),
  'action/set-done': (p) => {
    if (!isRecord(p)) return undefined;
    const storyId = str(p['storyId'], 200);
    const actionId = str(p['actionId'], 200);
    const done = bool(p['done']);
    return storyId === undefined || actionId === undefined || done === undefined ? undefined : { storyId, actionId, done };
  },
  'story/follow': (p) => {
    if (!isRecord(p)) return undefined;
    const storyId = str(p['storyId'], 200);
    const follow = bool(p['follow']);
    return storyId === undefined || follow === undefined ? undefined : { storyId, follow };
  },
  'popup/state': (p) => {
    const tabId = isRecord(p) ? int(p['tabId'], 0) : undefined;
    return tabId === undefined ? undefined : { tabId };
  },
  'popup/open-sidebar': (p) => {
    const tabId = isRecord(p) ? int(p['tabId'], 0) : undefined;
    return tabId === undefined ? undefined : { tabId };
  },
  'popup/open-story': (p) => {
    if (!isRecord(p)) return undefined;
    const tabId = int(p['tabId'], 0);
    const storyId = str(p['storyId'], 200);
    return tabId === undefined || storyId === undefined ? undefined : { tabId, storyId };
  },
  'options/state': empty,
  'settings/get': empty,
  'settings/update': (p) => {
    const change = isRecord(p) ? parseSettingsChange(p['change']) : undefined;
    return change === undefined ? undefined : { change };
  },
  'data/export': empty,
  'data/import': (p) => {
    const text = isRecord(p) ? str(p['text'], MAX_READER_DATA_CHARS) : undefined;
    return text === undefined ? undefined : { text };
  },
  'search/stories': (p) => {
    const query = isRecord(p) ? str(p['query'], MAX_QUERY_TEXT) : undefined;
    return query === undefined ? undefined : { query };
  },
};

export const contentParsers: Parsers<ContentCalls> = {
  'launcher/show': (p) => {
    const count = isRecord(p) ? int(p['count'], 0, 100_000) : undefined;
    return count === undefined ? undefined : { count };
  },
  'launcher/hide': empty,
  'sidebar/open': empty,
  'sidebar/close': empty,
};

/** Splits an incoming message into a known type and a validated payload, or undefined. */
export function parseEnvelope<M>(parsers: Parsers<M>, message: unknown): { type: keyof M; payload: unknown } | undefined {
  if (!isRecord(message)) return undefined;
  const type = message['type'];
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(parsers, type)) return undefined;
  const parse = parsers[type as keyof M];
  const payload = parse(message['payload']);
  return payload === undefined ? undefined : { type: type as keyof M, payload };
}
