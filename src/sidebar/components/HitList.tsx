import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { formatCount } from '../../shared/format';
import type { SearchHit } from '../../contracts/views';
import type { StoryOpener } from '../use-story-opener';

interface Props {
  hits: readonly SearchHit[];
  opener: Pick<StoryOpener, 'open' | 'opening' | 'returnTo' | 'returned'>;
  testId: string;
}

/** Stories as buttons that open them: title, summary, report count and the words they share. */
export function HitList({ hits, opener, testId }: Props) {
  const returnRef = useRef<HTMLButtonElement>(null);
  // Back from a story: focus returns to the hit it was opened from, that once (the same list made
  // again, as a search's hits come back while the reader types, leaves the focus in the box).
  useEffect(() => {
    if (!returnRef.current) return;
    returnRef.current.focus();
    opener.returned();
  }, []);
  return (
    <ul class="hits" data-testid={testId}>
      {hits.map((hit) => (
        <li key={hit.storyId}>
          <button
            type="button"
            class="hit"
            aria-busy={opener.opening === hit.storyId}
            ref={hit.storyId === opener.returnTo ? returnRef : undefined}
            onClick={() => opener.open(hit)}
          >
            <span class="hit-title" dir="auto">{hit.title}</span>
            <span class="hit-summary" dir="auto">{hit.summary}</span>
            <span class="hit-meta">{formatCount('reportCount', hit.reportCount)}</span>
            {hit.shared.length > 0 && <span class="hit-terms">{t('searchShared', hit.shared.join(', '))}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
