// The reader's officials for the story shown: the shipped directory (loaded once per sidebar, and only
// for a story with a letter or contact step), the reader's place and name from settings, and the
// story's title and categories for filling letters. One provider per story page, so every contact
// step shares one lookup and an inline place change updates them all; a change made elsewhere
// (the options page, another sidebar) updates them too.
import { createContext } from 'preact';
import type { ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { letterFill, type LetterFill } from './letter';
import { civicCategoryIds, officialsFor } from './officials';
import type { CivicCategoryId, OfficialsDirectory } from '../formats/officials-format';
import type { ReaderPlace, Settings } from '../formats/settings';
import type { StoryView } from '../contracts/views';
import type { PlaceChange } from '../ui/place-form';
import { useCall } from './api';

/** Loads the directory; index.tsx gives one that fetches the extension's own file once. */
export interface DirectoryLoader {
  (): Promise<OfficialsDirectory>;
  /**
   * Hears the reader's settings change in any process (storage events: the sidebar is an extension
   * page, on the article as in the side panel); answers "stop". Carried by the loader because App,
   * which passes it down, takes the officials as one value. Absent (tests, previews): the settings
   * are read once per story, and a save sends only the fields the reader changed.
   */
  onSettingsChanged?(listener: (settings: Settings) => void): () => void;
}

export const DirectoryContext = createContext<DirectoryLoader>(() => Promise.reject(new Error('no directory in this view')));

/** The reader's day, YYYY-MM-DD in their own time zone: terms end on a calendar day. */
export function localDay(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Today, for judging whose term is over; a test gives a fixed day. */
export const TodayContext = createContext<() => string>(() => localDay());

export type OfficialsState =
  | { status: 'idle' | 'loading' }
  | { status: 'ready'; directory: OfficialsDirectory | null; place: ReaderPlace | null; readerName: string; today: string };

export interface StoryOfficials {
  story: Pick<StoryView, 'title' | 'categories'>;
  /** The first contact step in reading order: the one that asks for the place inline. */
  firstContactId: string | null;
  state: OfficialsState;
  savePlace(change: PlaceChange): Promise<void>;
}

const OfficialsContext = createContext<StoryOfficials | null>(null);

export function useStoryOfficials(): StoryOfficials | null {
  return useContext(OfficialsContext);
}

const FILLED = /\{(?:name|representative|senators)\}/i;

/** Whether the story has a step that needs the directory or the reader's place. */
export function needsOfficials(story: Pick<StoryView, 'actions'>): boolean {
  return story.actions.some((a) => a.kind === 'contact-official' || FILLED.test(`${a.template?.subject ?? ''} ${a.template?.body ?? ''}`));
}

interface Props {
  story: StoryView;
  firstContactId: string | null;
  children: ComponentChildren;
}

export function OfficialsProvider({ story, firstContactId, children }: Props) {
  const call = useCall();
  const load = useContext(DirectoryContext);
  const today = useContext(TodayContext);
  const [state, setState] = useState<OfficialsState>({ status: 'idle' });
  const needed = needsOfficials(story);
  // Settings heard while the first read was on its way are newer than its answer.
  const heard = useRef<Pick<Settings, 'place' | 'readerName'> | null>(null);
  const feed = load.onSettingsChanged;

  useEffect(() => {
    if (!needed || !feed) return undefined;
    return feed(({ place, readerName }) => {
      heard.current = { place, readerName };
      setState((current) => (current.status === 'ready' ? { ...current, place, readerName, today: today() } : current));
    });
  }, [needed, feed, today]);

  useEffect(() => {
    if (!needed) return undefined;
    let live = true;
    setState({ status: 'loading' });
    // Settings that cannot be read count as no place: the step then offers blanks, never a guess.
    const settings = call('settings/get', {}).then(
      (s) => ({ place: s.place, readerName: s.readerName }),
      () => ({ place: null, readerName: '' }),
    );
    const directory = load().then(
      (d: OfficialsDirectory | null) => ({ directory: d }),
      // What failed is the loader's to log (officials-load.ts): the reader is told what it means.
      () => ({ directory: null }),
    );
    void Promise.all([settings, directory]).then(([s, d]) => {
      if (live) setState({ status: 'ready', ...(heard.current ?? s), ...d, today: today() });
    });
    return () => {
      live = false;
    };
  }, [needed, call, load, today]);

  const savePlace = useCallback(
    async (change: PlaceChange) => {
      const saved = await call('settings/update', { change });
      heard.current = { place: saved.place, readerName: saved.readerName };
      setState((current) => (current.status === 'ready' ? { ...current, place: saved.place, readerName: saved.readerName } : current));
    },
    [call],
  );

  const value = useMemo(
    () => ({ story: { title: story.title, categories: story.categories }, firstContactId, state, savePlace }),
    [story.title, story.categories, firstContactId, state, savePlace],
  );
  return <OfficialsContext.Provider value={value}>{children}</OfficialsContext.Provider>;
}

/** What Storyline fills in a letter of this story: its title always, the rest once known. */
export function useLetterFill(): LetterFill | undefined {
  const officials = useStoryOfficials();
  return useMemo(() => {
    if (!officials) return undefined;
    const { state, story } = officials;
    if (state.status !== 'ready') return letterFill({ story: story.title, today: '' });
    return letterFill({
      story: story.title,
      name: state.readerName,
      today: state.today,
      ...(state.directory ? { officials: officialsFor(state.directory, state.place) } : {}),
    });
  }, [officials]);
}

/** The civic categories a step is about: its own category for a standing step, else all the story's. */
export function stepCategories(story: Pick<StoryView, 'categories'>, fromCategory: string | undefined): { id: CivicCategoryId; name: string }[] {
  const civic = story.categories.flatMap((c) => civicCategoryIds([c.id]).map((id) => ({ id, name: c.name })));
  const own = fromCategory === undefined ? [] : civic.filter((c) => c.name === fromCategory);
  return own.length > 0 ? own : civic;
}
