// Reading history entries as the options page lists them: the page, when it was read, its story and
// the reader's answer about it, with "Forget answer" and "Remove"; and the answers about pages no
// longer in history, by address.
import { formatCount, formatDateTime } from '../../shared/format';
import { t, uiLocale } from '../../shared/i18n';
import type { HistoryView, PageAnswerView } from '../../contracts/views';

/**
 * The entry's story, and the reader's own answer about the page where they gave one: the answer
 * says it for a story the reader gave the page, so the story is not named twice.
 */
function storyLine({ storyTitle, answer }: HistoryView): (string | null)[] {
  if (!answer) return [storyTitle && t('historyInStory', storyTitle)];
  const said = saidLine(answer);
  const sameStory = answer.kind === 'confirmed' && answer.storyTitle === storyTitle;
  return [storyTitle && !sameStory ? t('historyInStory', storyTitle) : null, said];
}

/** What the reader said about a page: "you said it is (not) about “story”". */
export function saidLine(answer: NonNullable<HistoryView['answer']>): string {
  if (answer.kind === 'confirmed') return answer.storyTitle ? t('historyAnswerAbout', answer.storyTitle) : t('historyAnswerAboutGone');
  return answer.storyTitle ? t('historyAnswerNot', answer.storyTitle) : t('historyAnswerNotGone');
}

/** A fragment made to follow " · " in a line, standing alone: its first letter in capitals. */
const sentence = (fragment: string): string => fragment.charAt(0).toLocaleUpperCase(uiLocale()) + fragment.slice(1);

/** The reader's answers about pages with no history entry: by address, each with "Forget answer". */
export function AnswersAway({ entries, busy, forget }: { entries: readonly PageAnswerView[]; busy: boolean; forget(entry: PageAnswerView): void }) {
  if (entries.length === 0) return null;
  return (
    <div class="answers-away">
      <p class="muted">{formatCount('pageAnswersAway', entries.length)}</p>
      <ul class="rows history-list" aria-label={t('pageAnswersAwayLabel')} data-testid="answers-away">
        {entries.map((entry) => (
          <li key={entry.pageKey} class="row" data-answer-away={entry.pageKey}>
            <div class="row-main">
              <p class="row-title break">{entry.pageKey}</p>
              <p class="muted">{sentence(saidLine(entry.answer))}</p>
            </div>
            <div class="row-actions">
              <button type="button" class="button" data-removes="answers-away" disabled={busy} aria-label={t('historyAnswerForgetLabel', entry.pageKey)} onClick={() => forget(entry)}>
                {t('historyAnswerForget')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface Props {
  entries: readonly HistoryView[];
  /** A change is under way: the buttons wait. */
  busy: boolean;
  /** `label`: what the list is (the newest entries, or a search's). */
  label?: string | undefined;
  forgetAnswer(entry: HistoryView): void;
  remove(entry: HistoryView): void;
}

export function HistoryRows({ entries, busy, label, forgetAnswer, remove }: Props) {
  return (
    <ul class="rows history-list" aria-label={label}>
      {entries.map((entry) => (
        <li key={entry.pageKey} class="row" data-history={entry.pageKey}>
          <div class="row-main">
            <p class="row-title long-words">
              <a href={entry.url} target="_blank" rel="noreferrer noopener">
                {entry.title}
              </a>
            </p>
            <p class="muted">{[entry.siteName, formatDateTime(entry.readAt), ...storyLine(entry)].filter(Boolean).join(' · ')}</p>
          </div>
          <div class="row-actions">
            {entry.answer && (
              // Goes with the answer while the row stays: the focus moves on to "Remove" (focus-after-removal.ts).
              <button type="button" class="button" data-removes="answer" disabled={busy} aria-label={t('historyAnswerForgetLabel', entry.title)} onClick={() => forgetAnswer(entry)}>
                {t('historyAnswerForget')}
              </button>
            )}
            <button type="button" class="button" data-removes="history" disabled={busy} aria-label={t('historyRemoveLabel', entry.title)} onClick={() => remove(entry)}>
              {t('historyRemove')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
