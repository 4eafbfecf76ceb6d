// PREVIEW ONLY, never shipped: a stand-in `browser` for rendering the real sidebar and popup
// entries in a plain page. It answers background calls from the unit-test fixtures, chosen by the
// page's `?scenario=` parameter, and serves text from the English catalog.
import messages from '../../assets/_locales/en/messages.json';
import civic from '../../assets/packs/civic.json';
import { catalogSource } from '../../src/shared/i18n';
import type { CatalogEntry } from '../../src/shared/i18n';
import type { PopupState, SearchHit, SidebarView } from '../../src/contracts/views';
import { DEFAULT_SETTINGS } from '../../src/formats/settings';
import { ABROAD_STORY, CIVIC_STORY, POPUP_STORY, SEARCH_HITS, SEARCH_VIEW, STORY } from '../unit/ui/fixtures';

const params = new URLSearchParams(location.search);
const scenario = params.get('scenario') ?? 'story';

// Every category of the built-in taxonomy, by name, as the background lists them.
const FILING_OPTIONS = civic.categories.map((c) => ({ id: `civic/${c.id}`, name: c.name })).sort((a, b) => a.name.localeCompare(b.name));

const SIDEBAR: Record<string, SidebarView | Error> = {
  story: { kind: 'story', story: STORY },
  civic: { kind: 'story', story: CIVIC_STORY },
  abroad: { kind: 'story', story: ABROAD_STORY },
  // A story no curator filed: the classifier's category, its why line and its standing step.
  classified: {
    kind: 'story',
    story: {
      ...STORY,
      categories: [{ id: 'civic/foreign-policy', name: 'Foreign policy and diplomacy', why: ['summit', 'ceasefire', 'putin'] }],
      categoryChoice: { byReader: false, suggested: [], options: FILING_OPTIONS },
      actions: STORY.actions.map((a) => (a.fromCategory ? { ...a, fromCategory: 'Foreign policy and diplomacy' } : a)),
    },
  },
  // A story the classifier gave no category: the ones it came closest to, and the reader's list.
  unsure: {
    kind: 'story',
    story: {
      ...STORY,
      categories: [],
      categoryChoice: {
        byReader: false,
        suggested: [
          { id: 'civic/foreign-policy', name: 'Foreign policy and diplomacy', why: ['summit', 'talks'] },
          { id: 'civic/war-peace', name: 'War and peace', why: ['ceasefire'] },
        ],
        options: FILING_OPTIONS,
      },
      // As a story built from feeds: no steps of its own, and no opinion source among the reader's feeds.
      actions: [],
      opinions: [],
      opinionSources: 0,
    },
  },
  // The reader filed it under a category of their own choosing.
  filed: {
    kind: 'story',
    story: {
      ...STORY,
      categories: [{ id: 'civic/war-peace', name: 'War and peace' }],
      categoryChoice: { byReader: true, suggested: [], options: FILING_OPTIONS },
      actions: STORY.actions.map((a) => (a.fromCategory ? { ...a, fromCategory: 'War and peace' } : a)),
    },
  },
  // A big story built from many feeds: the spread and the timeline start short.
  big: {
    kind: 'story',
    story: {
      ...STORY,
      reports: Array.from({ length: 30 }, (_, i) => ({
        id: `big-${i}`,
        title: ['Ceasefire talks stall in Alaska', 'No deal after three hours', 'Leaders tout productive talks', 'Summit ends without agreement', 'Kyiv left out of the room'][i % 5]!,
        outletName: ['Harbour Post', 'The Daily Meridian', 'The Wire', 'Courier', 'Northern Times', 'Capital Ledger', 'Evening Star', 'Coast Radio', 'Plains Gazette', 'Metro Daily', 'Valley News', 'Island Herald'][i % 12]!,
        kind: 'report' as const,
        current: i === 7,
        published: new Date(Date.UTC(2025, 7, 15, 12) + i * 3 * 3_600_000).toISOString(),
      })),
    },
  },
  // A page in a private window, where the reader's answers are not saved.
  private: { kind: 'story', story: { ...STORY, privatePage: true } },
  search: SEARCH_VIEW,
  'search-empty': { ...SEARCH_VIEW, hits: [] } as SidebarView,
  // A first run: the built-in story, no sources chosen yet.
  none: { kind: 'none', maybe: [], library: { stories: 1, sources: 0, refreshedAt: null } },
  'none-maybe': { kind: 'none', maybe: SEARCH_HITS, library: { stories: 436, sources: 22, refreshedAt: new Date(Date.now() - 2 * 3_600_000).toISOString() } },
  error: new Error('The background did not answer.'),
};

const POPUP: Record<string, PopupState> = {
  story: POPUP_STORY,
  'no-match': { scriptable: true, reloadable: false, story: null, otherReports: 0, host: null, siteOff: false, autoOpen: false, recent: [], maybe: [], surface: 'page', followed: [], top: [], library: { stories: 1, sources: 0, refreshedAt: null } },
  maybe: {
    scriptable: true, reloadable: false, story: null, otherReports: 0, host: 'news.example', siteOff: false, autoOpen: false, recent: [], surface: 'page', followed: [],
    top: [
      { id: 'quake', title: 'Earthquake of magnitude 7.2 strikes southern Haiti', outlets: 9, reports: [] },
      { id: 'rates', title: 'Central bank holds rates as inflation eases', outlets: 6, reports: [] },
    ],
    maybe: [
      { id: 'summit', title: 'Trump and Putin meet in Alaska without a ceasefire deal', reportCount: 6 },
      { id: 'sanctions', title: 'Sanctions on Russian oil tighten', reportCount: 2 },
    ],
    library: { stories: 412, sources: 16, refreshedAt: new Date(Date.now() - 40 * 60_000).toISOString() },
  },
  // A news page opened before Storyline was there (switched back on): one reload from it.
  'reload-needed': {
    scriptable: false, reloadable: true, story: null, otherReports: 0, host: null, siteOff: false, autoOpen: false, maybe: [], surface: 'page',
    followed: [], top: [{ id: 'rates', title: 'Central bank holds rates as inflation eases', outlets: 6, reports: [] }], recent: [],
    library: { stories: 412, sources: 16, refreshedAt: new Date(Date.now() - 40 * 60_000).toISOString() },
  },
  // A tab Storyline cannot run in (a browser page): the lists are there to read, not to open.
  'not-scriptable': {
    scriptable: false, reloadable: false, story: null, otherReports: 0, host: null, siteOff: false, autoOpen: false, maybe: [], surface: 'page',
    followed: [{ id: 'quake', title: 'Earthquake of magnitude 7.2 strikes southern Haiti', reportCount: 9, newReports: 1 }],
    top: [{ id: 'rates', title: 'Central bank holds rates as inflation eases', outlets: 6, reports: [] }],
    recent: [
      { id: 'summit', title: 'Trump and Putin meet in Alaska without a ceasefire deal', reportCount: 6 },
      { id: 'sanctions', title: 'Sanctions on Russian oil tighten', reportCount: 2 },
    ],
    library: { stories: 412, sources: 16, refreshedAt: null },
  },
};

// As many hits as the background gives (src/background/search.ts), for `&search=long`: the popup's
// list scrolls.
const LONG_SEARCH: SearchHit[] = [
  ...SEARCH_HITS,
  ...['Oil prices slip as the summit ends without a deal', 'Kyiv says it was left out of the room', 'European leaders call for new talks', 'Senators split over the summit', 'What the Anchorage meeting means for sanctions', 'Alaska hosts its first summit since the Cold War'].map((title, i) => ({
    storyId: `long-${i}`,
    title,
    summary: 'Reports from several outlets on what followed the Alaska summit.',
    reportCount: 6 - i,
    score: 0.2 - i * 0.02,
    shared: ['putin'],
  })),
];

function answer(type: string): unknown {
  switch (type) {
    case 'sidebar/view': {
      const view = SIDEBAR[scenario] ?? SIDEBAR['story'];
      if (view instanceof Error) throw view;
      return view;
    }
    case 'sidebar/story':
      return { ...(scenario === 'civic' ? CIVIC_STORY : STORY), why: null };
    case 'popup/state':
      return POPUP[scenario] ?? POPUP_STORY;
    case 'search/stories':
      return params.get('search') === 'long' ? LONG_SEARCH : SEARCH_HITS;
    // The letter step reads the reader's place: a fresh install's settings.
    case 'settings/get':
      return DEFAULT_SETTINGS;
    case 'story/set-categories': {
      // Whatever was chosen, the preview shows the story filed by the reader.
      const filed = SIDEBAR['filed'] as Extract<SidebarView, { kind: 'story' }>;
      return { categories: filed.story.categories, categoryChoice: filed.story.categoryChoice, actions: filed.story.actions };
    }
    default:
      return null;
  }
}

const i18n = catalogSource(messages as Record<string, CatalogEntry>, params.get('lang') ?? 'en-US');
const stub = {
  runtime: {
    id: 'storyline-preview',
    async sendMessage(message: { type: string }) {
      try {
        return { ok: true, value: answer(message.type) };
      } catch (error) {
        return { ok: false, error: (error as Error).message };
      }
    },
  },
  i18n,
  // The side panel's own window and tab follow (src/sidebar/panel.ts): events that never fire.
  windows: { getLastFocused: async () => ({ id: 1, type: 'normal' }), getCurrent: async () => ({ id: 1, type: 'normal' }), getAll: async () => [{ id: 1, type: 'normal' }], onFocusChanged: silentEvent() },
  tabs: { query: async () => [{ id: 42 }], onActivated: silentEvent() },
  storage: { onChanged: silentEvent(), local: { get: async () => ({}), set: async () => undefined } },
};

function silentEvent() {
  return { addListener() {}, removeListener() {}, hasListener: () => false };
}

// The polyfill hands back `globalThis.browser` as is when it looks like an extension namespace.
Object.assign(globalThis, { browser: stub, chrome: stub });
