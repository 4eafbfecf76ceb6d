import { useId } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { StorySearchBox } from '../../ui/story-search-box';
import { searchHits, searchStatusText, type SearchState } from '../../ui/use-story-search';
import type { StoryOpener } from '../use-story-opener';
import { HitList } from './HitList';

interface Props {
  query: string;
  onQuery(query: string): void;
  /** The search's state, kept by the caller: it outlives a story opened from the hits and closed again. */
  state: SearchState;
  opener: Pick<StoryOpener, 'open' | 'opening' | 'returnTo' | 'returned'>;
}

/** A search of the stored stories, for a page that matches none: the reader looks for its story by name. */
export function StoredSearch({ query, onQuery, state, opener }: Props) {
  const inputId = useId();
  const statusId = useId();
  const hits = searchHits(state);
  return (
    <section class="stored-search" aria-labelledby={`${inputId}-label`}>
      <h2 class="section-title">
        <label id={`${inputId}-label`} for={inputId}>
          {t('searchStoredLabel')}
        </label>
      </h2>
      <StorySearchBox id={inputId} class="text-field" testId="stored-search" describedBy={statusId} value={query} onQuery={onQuery} />
      <p id={statusId} class="stored-search-status" role="status">
        {searchStatusText(state)}
      </p>
      {hits.length > 0 && <HitList hits={hits} opener={opener} testId="stored-search-hits" />}
    </section>
  );
}
