import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n';
import { formatCount } from '../../shared/format';
import type { SearchHit, SidebarView } from '../../contracts/views';
import { useAutoFocus } from '../focus';

type SearchView = Extract<SidebarView, { kind: 'search' }>;

const SOURCE_LABEL: Record<SearchView['source'], MessageKey> = {
  selection: 'searchFromSelection',
  link: 'searchFromLink',
  page: 'searchFromPage',
};

/** Long selections make unreadable headings: the heading quotes the start only. */
const QUOTE_MAX = 80;

interface Props {
  view: SearchView;
  onOpen(hit: SearchHit): void;
  /** The hit being loaded, shown busy; null when idle. */
  opening: string | null;
  /** The hit to focus on return from its story (Back), so the reader continues where they were. */
  returnTo: string | null;
  error: string | null;
}

export function SearchResults({ view, onOpen, opening, returnTo, error }: Props) {
  const headingRef = useAutoFocus<HTMLHeadingElement>(returnTo === null);
  const returnRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    returnRef.current?.focus();
  }, []);
  const quote = view.query.length > QUOTE_MAX ? `${view.query.slice(0, QUOTE_MAX - 1).trimEnd()}…` : view.query;

  return (
    <section class="search" aria-labelledby="search-title">
      <header class="story-header">
        <p class="eyebrow">{t(SOURCE_LABEL[view.source])}</p>
        <h1 id="search-title" class="story-title" tabIndex={-1} ref={headingRef}>
          {t('searchTitle', quote)}
        </h1>
      </header>
      {view.hits.length === 0 ? (
        <p class="empty notice-calm" role="status">
          {t('searchNoHits')}
        </p>
      ) : (
        <ul class="hits" data-testid="search-hits">
          {view.hits.map((hit) => (
            <li key={hit.storyId}>
              <button
                type="button"
                class="hit"
                aria-busy={opening === hit.storyId}
                ref={hit.storyId === returnTo ? returnRef : undefined}
                onClick={() => onOpen(hit)}
              >
                <span class="hit-title" dir="auto">{hit.title}</span>
                <span class="hit-summary" dir="auto">{hit.summary}</span>
                <span class="hit-meta">{formatCount('reportCount', hit.reportCount)}</span>
                {hit.shared.length > 0 && (
                  <span class="hit-terms">{t('searchShared', hit.shared.join(', '))}</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="status-line" role="alert">
        {error ?? ''}
      </p>
    </section>
  );
}
