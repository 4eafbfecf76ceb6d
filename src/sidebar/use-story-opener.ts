// Opening one story of a list (search hits, a page's "maybe related") inside the sidebar, with the
// way back: which hit is loading, the story once loaded, the hit to focus on return, and what failed.
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { SearchHit, StoryView } from '../contracts/views';
import { errorDetail, useCall } from './api';

export interface StoryOpener {
  /** The opened story; null while the list is shown. */
  story: StoryView | null;
  /** The hit being loaded, shown busy; null when idle. */
  opening: string | null;
  /** The hit to focus when the list comes back, so the reader continues where they were. */
  returnTo: string | null;
  /** The list gave the focus back (once: a list made again later, by another search, must not take it). */
  returned(): void;
  error: string | null;
  open(hit: SearchHit): void;
  back(): void;
}

export function useStoryOpener(): StoryOpener {
  const call = useCall();
  const [story, setStory] = useState<StoryView | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const open = (hit: SearchHit): void => {
    if (opening) return;
    setOpening(hit.storyId);
    setError(null);
    call('sidebar/story', { storyId: hit.storyId })
      .then((found) => {
        if (found) {
          setReturnTo(hit.storyId);
          setStory(found);
        } else {
          setError(t('searchStoryGone'));
        }
      })
      .catch((err: unknown) => setError(`${t('errorLoad')} ${errorDetail(err)}`))
      .finally(() => setOpening(null));
  };
  return { story, opening, returnTo, error, open, back: () => setStory(null), returned: () => setReturnTo(null) };
}
