// Reading history entries as the options page lists them: the page, when it was read, its story and
// the reader's answer about it, with "Forget answer" and "Remove".
import { formatDateTime } from '../../shared/format';
import { t } from '../../shared/i18n';
import type { HistoryView } from '../../contracts/views';

/**
 * The entry's story, and the reader's own answer about the page where they gave one: the answer
 * says it for a story the reader gave the page, so the story is not named twice.
 */
function storyLine({ storyTitle, answer }: HistoryView): (string | null)[] {
  if (!answer) return [storyTitle && t('historyInStory', storyTitle)];
  const said =
    answer.kind === 'confirmed'
      ? answer.storyTitle ? t('historyAnswerAbout', answer.storyTitle) : t('historyAnswerAboutGone')
      : answer.storyTitle ? t('historyAnswerNot', answer.storyTitle) : t('historyAnswerNotGone');
  const sameStory = answer.kind === 'confirmed' && answer.storyTitle === storyTitle;
  return [storyTitle && !sameStory ? t('historyInStory', storyTitle) : null, said];
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
            <p class="row-title">
              <a href={entry.url} target="_blank" rel="noreferrer noopener">
                {entry.title}
              </a>
            </p>
            <p class="muted">{[entry.siteName, formatDateTime(entry.readAt), ...storyLine(entry)].filter(Boolean).join(' · ')}</p>
          </div>
          <div class="row-actions">
            {entry.answer && (
              <button type="button" class="button" disabled={busy} aria-label={t('historyAnswerForgetLabel', entry.title)} onClick={() => forgetAnswer(entry)}>
                {t('historyAnswerForget')}
              </button>
            )}
            <button type="button" class="button" disabled={busy} aria-label={t('historyRemoveLabel', entry.title)} onClick={() => remove(entry)}>
              {t('historyRemove')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
