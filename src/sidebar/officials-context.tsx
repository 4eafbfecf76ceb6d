// The reader's officials for the story shown: the shipped directory (loaded once per sidebar, and only
// for a story with a letter or contact step), the reader's place and name from settings, and the
// story's title and categories for filling letters. One provider per story page, so every contact
// step shares one lookup and an inline place change updates them all.
import { createContext } from 'preact';
import type { ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { letterValues } from './letter';
import { civicCategoryIds, officialsFor } from './officials';
import type { CivicCategoryId, OfficialsDirectory } from '../formats/officials-format';
import type { ReaderPlace } from '../formats/settings';
import type { StoryView } from '../contracts/views';
import { errorDetail, useCall } from './api';

/** Loads the directory; index.tsx gives one that fetches the extension's own file once. */
export type DirectoryLoader = () => Promise<OfficialsDirectory>;

export const DirectoryContext = createContext<DirectoryLoader>(() => Promise.reject(new Error('no directory in this view')));

export type OfficialsState =
  | { status: 'idle' | 'loading' }
  | { status: 'ready'; directory: OfficialsDirectory | null; error: string | null; place: ReaderPlace | null; readerName: string };

export interface StoryOfficials {
  story: Pick<StoryView, 'title' | 'categories'>;
  /** The first contact step in reading order: the one that asks for the place inline. */
  firstContactId: string | null;
  state: OfficialsState;
  savePlace(place: ReaderPlace | null, readerName: string): Promise<void>;
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
  const [state, setState] = useState<OfficialsState>({ status: 'idle' });
  const needed = needsOfficials(story);

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
      (d) => ({ directory: d, error: null }),
      (error: unknown) => ({ directory: null, error: errorDetail(error) }),
    );
    void Promise.all([settings, directory]).then(([s, d]) => {
      if (live) setState({ status: 'ready', ...s, ...d });
    });
    return () => {
      live = false;
    };
  }, [needed, call, load]);

  const savePlace = useCallback(
    async (place: ReaderPlace | null, readerName: string) => {
      const saved = await call('settings/update', { change: { place, readerName } });
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

/** Values Storyline fills in a letter of this story: its title always, the rest once known. */
export function useLetterValues(): Record<string, string> {
  const officials = useStoryOfficials();
  return useMemo(() => {
    if (!officials) return {};
    const { state, story } = officials;
    if (state.status !== 'ready') return letterValues({ story: story.title });
    return letterValues({
      story: story.title,
      name: state.readerName,
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
