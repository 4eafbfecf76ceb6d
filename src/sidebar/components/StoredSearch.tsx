import { useId } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { MAX_QUERY_TEXT } from '../../contracts/messages';
import { searchHits, searchStatusText, type SearchState } from '../../ui/use-story-search';
import type { StoryOpener } from '../use-story-opener';
import { HitList } from './HitList';

interface Props {
  query: string;
  onQuery(query: string): void;
  /** The search's state, kept by the caller: it outlives a story opened from the hits and closed again. */
  state: SearchState;
  opener: Pick<StoryOpener, 'open' | 'opening' | 'returnTo'>;
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
      <input
        id={inputId}
        type="search"
        data-testid="stored-search"
        autocomplete="off"
        spellcheck={false}
        dir="auto"
        maxLength={MAX_QUERY_TEXT}
        placeholder={t('searchStoredPlaceholder')}
        aria-describedby={statusId}
        value={query}
        onInput={(event) => onQuery(event.currentTarget.value)}
      />
      <p id={statusId} class="stored-search-status" role="status">
        {searchStatusText(state)}
      </p>
      {hits.length > 0 && <HitList hits={hits} opener={opener} testId="stored-search-hits" />}
    </section>
  );
}
