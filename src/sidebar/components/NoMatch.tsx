import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { LibraryView, SearchHit } from '../../contracts/views';
import { libraryText } from '../../ui/library-text';
import { useStorySearch } from '../../ui/use-story-search';
import { useCall } from '../api';
import { useStoryOpener } from '../use-story-opener';
import { HitList } from './HitList';
import { Notice } from './Notice';
import { OpenedStory } from './OpenedStory';
import type { ReplaceView } from './PageAnswer';
import { StoredSearch } from './StoredSearch';

interface Props {
  maybe: readonly SearchHit[];
  library?: LibraryView | undefined;
  onReplace: ReplaceView;
}

/**
 * No stored story matches the page. Not a dead end: what Storyline knows (and, with no sources,
 * the way to choose some), the stories that came closest (decision.ts, "maybe related"), said to
 * be unsure, and a search of every stored story. A story opens in place, with the way back to the
 * list it came from; one offered for the page, the reader may say the page is about
 * (`onReplace` shows the page's story then).
 */
export function NoMatch({ maybe, library, onReplace }: Props) {
  const opener = useStoryOpener();
  const [query, setQuery] = useState('');
  const search = useStorySearch(useCall(), query);
  // Which list the open story came from: the way back names it, and focus returns to its hit there.
  const [from, setFrom] = useState<'maybe' | 'search'>('maybe');
  const openFrom = (list: 'maybe' | 'search') => ({
    ...opener,
    returnTo: from === list ? opener.returnTo : null,
    open(hit: SearchHit) {
      // One story opens at a time (the opener ignores a click while one loads): the list it will
      // return to is the one whose click it took.
      if (opener.opening) return;
      setFrom(list);
      opener.open(hit);
    },
  });
  if (opener.story) return <OpenedStory story={opener.story} back={from === 'maybe' ? 'backToMaybe' : 'backToResults'} onBack={opener.back} onReplace={onReplace} />;
  return (
    <>
      <Notice
        role="status"
        title={t('noneTitle')}
        detail={t('noneDetail')}
        after={
          library && (
            <p class="library" data-testid="library">
              {libraryText(library)}
              {library.sources === 0 && (
                <>
                  <br />
                  {/* The welcome page is where sources are chosen (a tab of its own, as from the popup and options). */}
                  <a class="library-link" href="welcome.html" target="_blank" rel="noopener" data-testid="choose-sources">
                    {t('chooseSources')}
                    <span class="visually-hidden"> {t('opensInNewTab')}</span>
                  </a>
                </>
              )}
            </p>
          )
        }
      />
      {maybe.length > 0 && (
        <section class="maybe" aria-labelledby="maybe-title">
          <h2 id="maybe-title" class="section-title">
            {t('maybeTitle')}
          </h2>
          <p class="maybe-note">{t('maybeNote')}</p>
          <HitList hits={maybe} opener={openFrom('maybe')} testId="maybe-hits" />
        </section>
      )}
      <StoredSearch query={query} onQuery={setQuery} state={search} opener={openFrom('search')} />
      <p class="status-line" role="alert">
        {opener.error ?? ''}
      </p>
    </>
  );
}
