import { t } from '../../shared/i18n';
import type { SearchHit } from '../../contracts/views';
import { useStoryOpener } from '../use-story-opener';
import { HitList } from './HitList';
import { Notice } from './Notice';
import { OpenedStory } from './OpenedStory';
import type { ReplaceView } from './PageAnswer';

/**
 * No stored story matches the page. The stories that came closest (decision.ts, "maybe related")
 * follow, said to be unsure; one opens in place, with the way back, and the reader may say the
 * page is about it (`onReplace` shows the page's story then).
 */
export function NoMatch({ maybe, onReplace }: { maybe: readonly SearchHit[]; onReplace: ReplaceView }) {
  const opener = useStoryOpener();
  if (opener.story) return <OpenedStory story={opener.story} back="backToMaybe" onBack={opener.back} onReplace={onReplace} />;
  return (
    <>
      <Notice role="status" title={t('noneTitle')} detail={t('noneDetail')} />
      {maybe.length > 0 && (
        <section class="maybe" aria-labelledby="maybe-title">
          <h2 id="maybe-title" class="section-title">
            {t('maybeTitle')}
          </h2>
          <p class="maybe-note">{t('maybeNote')}</p>
          <HitList hits={maybe} opener={opener} testId="maybe-hits" />
          <p class="status-line" role="alert">
            {opener.error ?? ''}
          </p>
        </section>
      )}
    </>
  );
}
