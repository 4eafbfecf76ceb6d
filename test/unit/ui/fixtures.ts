// Fixture views for the UI tests and the preview harness: the shape the background sends, with text
// written for the tests (not taken from any seed page).
import civicPack from '../../../assets/packs/civic.json';
import type { Pack } from '../../../src/formats/model';
import type { FeedView, PopupState, SearchHit, SidebarView, SourcesState, StoryView } from '../../../src/contracts/views';
import type { OptionsPlatform } from '../../../src/options/platform';

export const STORY: StoryView = {
  id: 'alaska-summit-2025',
  title: 'Trump and Putin meet in Alaska without a ceasefire deal',
  summary:
    'The two presidents talked for close to three hours at a military base near Anchorage. Both called the meeting useful, yet no agreement on the war in Ukraine was announced, and outlets framed the outcome very differently.',
  span: { from: '2025-08-15T19:56:54-04:00', to: '2025-08-16T18:24:00+05:30' },
  following: false,
  categories: [
    { id: 'foreign-policy', name: 'Foreign Policy & International Relations' },
    { id: 'us-russia', name: 'U.S.–Russia Relations' },
  ],
  reports: [
    {
      id: 'r-7news',
      title: "'No deal' as talks between Trump and Putin finish up at summit",
      outletName: '7NEWS',
      published: '2025-08-15T19:56:54-04:00',
      kind: 'report',
      excerpt: 'The leaders met at an air base in Anchorage; no ceasefire was announced afterwards.',
      current: true,
    },
    {
      id: 'r-socialnews',
      title: 'Trump, Putin announce breakthrough on Ukraine after three hours of talks',
      outletName: 'SocialNews.XYZ',
      url: 'https://www.socialnews.xyz/example',
      published: '2025-08-15T20:28:43-04:00',
      kind: 'report',
      excerpt: 'A report that leads with the word "breakthrough" while quoting both leaders.',
      current: false,
    },
    {
      id: 'r-hotbuzz',
      title: 'Trump and Putin End "Productive" Talks without Results',
      outletName: 'Hot Buzz',
      published: '2025-08-16T18:24:00+05:30',
      kind: 'analysis',
      current: false,
    },
    {
      id: 'r-undated',
      title: "Trump Snubs Reports of 'Major Defeat' After Talks With Putin",
      outletName: 'World Affairs Desk',
      kind: 'opinion',
      current: false,
    },
  ],
  opinions: [
    {
      id: 'o-1',
      title: 'A summit of pictures, not of promises',
      author: 'A. Columnist',
      source: 'Example Review',
      summary: 'Argues that the staging of the meeting mattered more to both sides than any concrete outcome.',
      url: 'https://example.org/opinion',
    },
    {
      id: 'o-2',
      title: 'Why talking still beats not talking',
      author: 'B. Writer',
      summary: 'Holds that direct contact lowers the risk of miscalculation, even when it yields no deal.',
    },
  ],
  actions: [
    {
      id: 'a-petition',
      kind: 'petition',
      title: 'Sign a petition for continued aid to Ukraine',
      details: 'Adds your name to a public call for humanitarian and defensive support.',
      url: 'https://example.org/petition',
      done: true,
      curatedBy: 'Example Editors',
      checked: '2025-08-20',
    },
    {
      id: 'a-letter',
      kind: 'contact-official',
      title: 'Write to your senator',
      details: 'Ask where your senator stands on support for Ukraine.',
      template: { subject: 'Support for Ukraine', body: 'Dear {representative},\n\nI am writing as a constituent about…\n\nSincerely,\n{name}' },
      contacts: [{ name: 'Senate switchboard', role: 'Front desk', url: 'https://example.org/senate', checked: '2025-08-20' }],
      done: false,
    },
    {
      id: 'a-share',
      kind: 'share',
      title: 'Share a fact-checked summary',
      details: 'Post a short, sourced summary rather than a headline.',
      hashtags: ['AlaskaSummit', 'Ukraine'],
      done: false,
    },
    {
      id: 'a-learn',
      kind: 'learn',
      title: 'Read a primer on the war',
      details: 'A short background read on how the war began and where it stands.',
      fromCategory: 'U.S.–Russia Relations',
      done: true,
    },
  ],
  why: { score: 0.962, shared: ['putin', 'alaska', 'summit', 'ceasefire'], close: true },
};

export const SEARCH_HITS: SearchHit[] = [
  {
    storyId: STORY.id,
    title: STORY.title,
    summary: STORY.summary,
    reportCount: 4,
    score: 0.61,
    shared: ['putin', 'anchorage'],
  },
  {
    storyId: 'other-story',
    title: 'Sanctions on Russian oil tighten',
    summary: 'New measures target the buyers of Russian crude.',
    reportCount: 1,
    score: 0.22,
    shared: ['russia'],
  },
];

export const SEARCH_VIEW: SidebarView = { kind: 'search', query: 'Putin Anchorage meeting', source: 'selection', hits: SEARCH_HITS };

export const POPUP_STORY: PopupState = {
  scriptable: true,
  reloadable: false,
  otherReports: 3,
  host: '7news.com.au',
  siteOff: false,
  autoOpen: false,
  recent: [{ id: 'older', title: 'Senate passes the budget bill', reportCount: 3 }],
  maybe: [],
  surface: 'page',
  followed: [{ id: 'older', title: 'Senate passes the budget bill', reportCount: 5, newReports: 2 }],
  top: [],
  library: { stories: 42, sources: 6, refreshedAt: '2025-08-16T06:00:00Z' },
  story: {
    id: STORY.id,
    title: STORY.title,
    summary: STORY.summary,
    reportCount: 4,
    opinionCount: 2,
    actionCount: 4,
    actionsDone: 2,
  },
};

/** The civic pack's standing steps of `ids`, as the background lists them (story-views.ts). */
function standingSteps(ids: string[]): { categories: StoryView['categories']; actions: StoryView['actions'] } {
  const categories = (civicPack as Pack).categories.filter((c) => ids.includes(c.id));
  return {
    categories: categories.map((c) => ({ id: `civic/${c.id}`, name: c.name })),
    actions: categories.flatMap((c) => c.actions.map((step) => ({ ...step, id: `civic/${c.id}#${step.id}`, done: false, fromCategory: c.name }))),
  };
}

const civic = standingSteps(['world', 'foreign-policy', 'war-peace']);

/** A story filed under three civic categories: two steps of its own, then each category's standing steps. */
export const CIVIC_STORY: StoryView = {
  ...STORY,
  id: 'civic-story',
  categories: civic.categories,
  actions: [...STORY.actions.slice(0, 2), ...civic.actions],
};

/** The options page's sources with nothing but `feeds` (each taken to hold three items in two stories). */
export function sourcesState(feeds: readonly FeedView[] = []): SourcesState {
  return {
    subscriptions: [],
    feeds: [...feeds],
    history: [],
    historyTotal: 0,
    pageAnswers: 0,
    answersAway: [],
    networkLog: [],
    prefs: { refreshHours: 6, retentionDays: 90, feedRetentionDays: 30 },
    feedStore: { items: feeds.length * 3, stories: feeds.length * 2, bytes: feeds.length * 9_000 },
    scheduled: true,
  };
}

/**
 * An options platform that grants every access and hears nothing but "sources changed", whose
 * listeners the test calls to say another page changed them.
 */
export function sourcesPlatform(): { platform: OptionsPlatform; listeners: Set<() => void> } {
  const listeners = new Set<() => void>();
  const platform: OptionsPlatform = {
    requestAccess: async () => true,
    onImportProgress: () => () => undefined,
    onSourcesChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onSettingsChanged: () => () => undefined,
  };
  return { platform, listeners };
}

const abroad = standingSteps(['elections', 'world']);

/** A story about France's election, filed under two civic categories: the U.S. steps held back (steps-elsewhere.ts). */
export const ABROAD_STORY: StoryView = {
  ...STORY,
  id: 'abroad-story',
  title: 'France votes in a tight presidential runoff',
  categories: abroad.categories,
  actions: abroad.actions.filter((a) => !a.country),
  heldBack: { actions: abroad.actions.filter((a) => a.country === 'US'), countries: ['US'], about: 'FR' },
};
