import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { SearchHit, SidebarView, StoryView } from '../../contracts/views';
import { errorDetail, useCall } from '../api';
import { SearchResults } from './SearchResults';
import { StoryPage } from './StoryPage';

type SearchView = Extract<SidebarView, { kind: 'search' }>;

/** Search results, and a hit's story in full with a way back to the results. */
export function SearchFlow({ view }: { view: SearchView }) {
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

  if (story) {
    return (
      <>
        <button type="button" class="back" onClick={() => setStory(null)}>
          <span aria-hidden="true" class="back-arrow">
            ←
          </span>
          {t('backToResults')}
        </button>
        <StoryPage story={story} />
      </>
    );
  }
  return <SearchResults view={view} onOpen={open} opening={opening} returnTo={returnTo} error={error} />;
}
