// The calls that arrive at the background, each defined once: who may send it, how its payload is
// parsed, what it answers. Payloads are validated where they arrive; who sent them is decided by
// `sender`, never by the payload. Story sources: messages-sources.ts; the content script's own
// calls: content-calls.ts.
import { bool, int, isRecord, str } from '../formats/guards';
import { IMPORT_RECEIPT_ID, MAX_CHOSEN_CATEGORIES, MAX_READER_DATA_CHARS, type ReaderData, type ReaderDataMerge } from '../formats/reader-data';
import { parseSettingsChange, type Settings } from '../formats/settings';
import { answer, call, empty, oneString, type CallsOf, type ReqOf, type ResOf } from './call';
import { sourceCalls } from './messages-sources';
import { MAX_PROBLEM_TEXT, parseArticle } from './page-report';
import type { OptionsState, PopupState, SearchHit, SidebarView, StoryCategoriesView, StoryView } from './views';

export type { ReqOf, ResOf };

/** The tab a side-panel sidebar follows; absent in the in-page sidebar, whose tab is its sender's. */
export interface PanelTab {
  tabId?: number;
}
export const MAX_QUERY_TEXT = 1_000;

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

const storyInPanel = (p: unknown): ({ storyId: string } & PanelTab) | undefined => {
  const storyId = isRecord(p) ? str(p['storyId'], 200) : undefined;
  const tab = parsePanelTab(p, ['storyId']);
  return storyId === undefined || !tab ? undefined : { storyId, ...tab };
};

const tabOnly = (p: unknown): { tabId: number } | undefined => {
  const tabId = isRecord(p) ? int(p['tabId'], 0) : undefined;
  return tabId === undefined ? undefined : { tabId };
};

const panelTab = (p: unknown): PanelTab | undefined => parsePanelTab(p);

/** A side panel's page: a random id it makes when it opens (panel.ts), so the background tells one opening from the next. */
const PANEL_ID = /^[\w-]{1,64}$/;

const panelView = (p: unknown): (PanelTab & { panel?: string }) | undefined => {
  const tab = parsePanelTab(p, ['panel']);
  if (!tab || !isRecord(p) || p['panel'] === undefined) return tab;
  const panel = str(p['panel'], 64);
  return panel !== undefined && PANEL_ID.test(panel) ? { ...tab, panel } : undefined;
};

const receiptId = (value: unknown): string | undefined => {
  const id = str(value, 64);
  return id !== undefined && IMPORT_RECEIPT_ID.test(id) ? id : undefined;
};

const SIDEBAR_POPUP = ['sidebar', 'popup'] as const;
const PAGES = ['sidebar', 'popup', 'options'] as const;

export const backgroundCalls = {
  ...sourceCalls,
  /**
   * Content script (top frame): this page is an article. Answers the number of other reports, or
   * null. `revisit`: the page came back (reloaded, Back or Forward, restored, its site switched back
   * on) rather than being opened: reading history and Recent keep their time and order.
   */
  'article/found': call({
    senders: ['content'],
    parse: (p) => {
      if (!isRecord(p)) return undefined;
      const article = parseArticle(p['article']);
      return article && { article, revisit: p['revisit'] === true };
    },
    answer: answer<{ count: number } | null>(),
  }),
  /** Gate script (top frame): this page passed the article gate; the background injects the extraction bundle. */
  'page/article': call({ senders: ['content'], parse: empty, answer: answer<null>() }),
  /** Content script: after an in-page (SPA) navigation, the new view is not an article. */
  'page/left': call({ senders: ['content'], parse: empty, answer: answer<null>() }),
  /** Content script: something of ours failed in the page (bounded); kept in the background's problem log. */
  'page/problem': call({
    senders: ['content'],
    parse: (p) => {
      const what = isRecord(p) ? str(p['what'], MAX_PROBLEM_TEXT) : undefined;
      const detail = isRecord(p) ? str(p['detail'], MAX_PROBLEM_TEXT) : undefined;
      return what === undefined || detail === undefined ? undefined : { what, detail };
    },
    answer: answer<null>(),
  }),
  /** Content script: a one-time ticket for the sidebar frame it is making (see sidebar-ticket.ts). */
  'sidebar/ticket': call({ senders: ['content'], parse: empty, answer: answer<string>() }),
  /** In-page sidebar: presents the ticket its content script handed it; only then may it make other calls. */
  'sidebar/claim': call({
    senders: ['sidebar'],
    parse: oneString('ticket', 100),
    answer: answer<null>(),
  }),
  /**
   * Sidebar: what to show for its tab. In the page, that is the tab it lives in (from `sender`);
   * in the browser's side panel, an extension page with no tab of its own, the tab it follows (`tabId`,
   * taken only from a sender without a tab, like the popup's).
   */
  'sidebar/view': call({ senders: ['sidebar'], parse: panelView, answer: answer<SidebarView>() }),
  /** Sidebar: one story in full (from a search hit). */
  'sidebar/story': call({ senders: ['sidebar'], parse: storyInPanel, answer: answer<StoryView | null>() }),
  /** Sidebar: "Not this story": never match this page to the story again; answers the new view. */
  'match/reject': call({ senders: ['sidebar'], parse: storyInPanel, answer: answer<SidebarView>() }),
  /**
   * Sidebar: "This page is about this story", of one of the stories that came closest to a page that
   * matched none: the page has that story from then on; answers the new view.
   */
  'match/confirm': call({ senders: ['sidebar'], parse: storyInPanel, answer: answer<SidebarView>() }),
  /** Sidebar: the reader closed it (Esc or the close button). */
  'sidebar/close': call({ senders: ['sidebar'], parse: panelTab, answer: answer<null>() }),
  /** Sidebar or popup: follow a story (the badge tells when new coverage arrives), or stop. */
  'story/follow': call({
    senders: SIDEBAR_POPUP,
    parse: (p) => {
      if (!isRecord(p)) return undefined;
      const storyId = str(p['storyId'], 200);
      const follow = bool(p['follow']);
      return storyId === undefined || follow === undefined ? undefined : { storyId, follow };
    },
    answer: answer<null>(),
  }),
  /** Sidebar or popup: tick or untick an action step. */
  'action/set-done': call({
    senders: SIDEBAR_POPUP,
    parse: (p) => {
      if (!isRecord(p)) return undefined;
      const storyId = str(p['storyId'], 200);
      const actionId = str(p['actionId'], 200);
      const done = bool(p['done']);
      return storyId === undefined || actionId === undefined || done === undefined ? undefined : { storyId, actionId, done };
    },
    answer: answer<null>(),
  }),
  /**
   * Sidebar: file a story no curator filed under the reader's categories (null: let Storyline
   * choose again); answers the story's categories and steps as they now stand.
   */
  'story/set-categories': call({
    senders: ['sidebar'],
    parse: (p) => {
      if (!isRecord(p) || Object.keys(p).some((key) => key !== 'storyId' && key !== 'categories')) return undefined;
      const storyId = str(p['storyId'], 200);
      const raw = p['categories'];
      if (storyId === undefined) return undefined;
      if (raw === null) return { storyId, categories: null };
      if (!Array.isArray(raw) || raw.length > MAX_CHOSEN_CATEGORIES) return undefined;
      const categories = raw.map((id) => str(id, 200));
      if (categories.some((id) => id === undefined) || new Set(categories).size !== categories.length) return undefined;
      return { storyId, categories: categories as string[] };
    },
    answer: answer<StoryCategoriesView>(),
  }),
  /** Popup: the state of a tab. */
  'popup/state': call({ senders: ['popup'], parse: tabOnly, answer: answer<PopupState>() }),
  /** Popup: open the in-page sidebar of a tab. */
  'popup/open-sidebar': call({ senders: ['popup'], parse: tabOnly, answer: answer<boolean>() }),
  /** Popup: show a stored story in the tab's sidebar (a search hit or a recent story). */
  'popup/open-story': call({
    senders: ['popup'],
    parse: (p) => {
      if (!isRecord(p)) return undefined;
      const tabId = int(p['tabId'], 0);
      const storyId = str(p['storyId'], 200);
      return tabId === undefined || storyId === undefined ? undefined : { tabId, storyId };
    },
    answer: answer<boolean>(),
  }),
  /** Options page: installed packs and what else it lists. */
  'options/state': call({ senders: ['options'], parse: empty, answer: answer<OptionsState>() }),
  /** Extension pages: the reader's settings. */
  'settings/get': call({ senders: PAGES, parse: empty, answer: answer<Settings>() }),
  /** Popup, options, or the sidebar (the reader's place, from a letter step): change settings (every field given must be valid). */
  'settings/update': call({
    senders: PAGES,
    parse: (p) => {
      const change = isRecord(p) ? parseSettingsChange(p['change']) : undefined;
      return change === undefined ? undefined : { change };
    },
    answer: answer<Settings>(),
  }),
  /** Options page: everything that belongs to the reader, as one object (saved as a JSON file). */
  'data/export': call({ senders: ['options'], parse: empty, answer: answer<ReaderData>() }),
  /**
   * Options page: merge an exported file (its text; validated by the background, errors name the
   * place), under a receipt id the page chose so it can ask what landed if the answer is cut short.
   */
  'data/import': call({
    senders: ['options'],
    parse: (p) => {
      const text = isRecord(p) ? str(p['text'], MAX_READER_DATA_CHARS) : undefined;
      if (!isRecord(p) || text === undefined) return undefined;
      if (p['receipt'] === undefined) return { text };
      const receipt = receiptId(p['receipt']);
      return receipt === undefined ? undefined : { text, receipt };
    },
    answer: answer<ReaderDataMerge>(),
  }),
  /** Options page: what the import under this receipt added (finishing it if a stop cut it short), or null if it never landed. */
  'data/import-receipt': call({
    senders: ['options'],
    parse: (p) => {
      const receipt = isRecord(p) ? receiptId(p['receipt']) : undefined;
      return receipt === undefined ? undefined : { receipt };
    },
    answer: answer<ReaderDataMerge | null>(),
  }),
  /** Popup or sidebar: search stored stories by text. */
  'search/stories': call({
    senders: SIDEBAR_POPUP,
    parse: oneString('query', MAX_QUERY_TEXT),
    answer: answer<SearchHit[]>(),
  }),
};

/** The request and answer types of every call to the background. */
export type BackgroundCalls = CallsOf<typeof backgroundCalls>;

/**
 * The sidebar's calls about "the sidebar's tab" (their payloads parse `PanelTab`). In the page the
 * background takes the tab from `sender`; the browser's side panel, which has no tab, names the
 * tab it follows (sidebar/panel.ts adds it to exactly these).
 */
export const PANEL_TAB_CALLS: ReadonlySet<keyof BackgroundCalls> = new Set(['sidebar/view', 'sidebar/story', 'match/reject', 'match/confirm', 'sidebar/close']);
