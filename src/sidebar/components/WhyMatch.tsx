import { t } from '../../shared/i18n';
import type { StoryView } from '../../contracts/views';
import { AnswerButton, type ReplaceView } from './PageAnswer';

interface Props {
  storyId: string;
  why: NonNullable<StoryView['why']>;
  /** Shows the view that replaces this one after "Not this story"; without it there is no such button. */
  onReplace?: ReplaceView | undefined;
  /** The page is in a private window (its answer is not saved). */
  privatePage?: boolean | undefined;
}

/** The match explained: matching is local and term-based, so the terms themselves are the reason. */
export function WhyMatch({ storyId, why, onReplace, privatePage }: Props) {
  return (
    <details class="why" data-testid="why">
      <summary>{t('whyTitle')}</summary>
      <div class="why-body">
        {why.shared.length > 0 ? (
          <>
            <p>{t('whyShared')}</p>
            <ul class="terms">
              {why.shared.map((term) => (
                <li key={term}>{term}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('whyNoTerms')}</p>
        )}
        {/* How close in words: the score is a calibrated probability whose decimals mean nothing to a reader. */}
        <p class="why-strength" data-score={why.score}>
          {t(why.close ? 'whyClose' : 'whyLoose')}
        </p>
        {onReplace && <AnswerButton storyId={storyId} onReplace={onReplace} answer="reject" privatePage={privatePage} />}
      </div>
    </details>
  );
}
