import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { quoteStart } from '../../shared/format';
import type { MessageKey } from '../../shared/i18n';
import type { SidebarView } from '../../contracts/views';
import { useAutoFocus } from '../focus';
import type { StoryOpener } from '../use-story-opener';
import { HitList } from './HitList';

type SearchView = Extract<SidebarView, { kind: 'search' }>;

const SOURCE_LABEL: Record<SearchView['source'], MessageKey> = {
  selection: 'searchFromSelection',
  link: 'searchFromLink',
  page: 'searchFromPage',
};

interface Props {
  view: SearchView;
  opener: Pick<StoryOpener, 'open' | 'opening' | 'returnTo' | 'returned' | 'error'>;
}

export function SearchResults({ view, opener }: Props) {
  // The heading takes the focus when the results first show, not on the way back from a story
  // (the hit it came from takes it then), nor once that hit has.
  const [fresh] = useState(opener.returnTo === null);
  const headingRef = useAutoFocus<HTMLHeadingElement>(fresh);
  // Long selections make unreadable headings: the heading quotes the start only.
  const quote = quoteStart(view.query);

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
        <HitList hits={view.hits} opener={opener} testId="search-hits" />
      )}
      <p class="status-line" role="alert">
        {opener.error ?? ''}
      </p>
    </section>
  );
}
