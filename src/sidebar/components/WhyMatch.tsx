import { t } from '../../shared/i18n';
import { formatNumber } from '../../shared/format';
import { AnswerButton, type ReplaceView } from './PageAnswer';

interface Props {
  storyId: string;
  why: { score: number; shared: string[] };
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
        <p class="why-score">{t('whyScore', formatNumber(why.score, { maximumFractionDigits: 2 }))}</p>
        {onReplace && <AnswerButton storyId={storyId} onReplace={onReplace} answer="reject" privatePage={privatePage} />}
      </div>
    </details>
  );
}
