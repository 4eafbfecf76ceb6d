import { useState } from 'preact/hooks';
import { formatCount, formatDateTime } from '../../shared/format';
import { t, type MessageKey } from '../../shared/i18n';
import type { Settings } from '../../formats/settings';
import type { SourcePrefs } from '../../formats/source-prefs';
import type { HistoryView } from '../../contracts/views';
import type { Call } from '../App';
import { datedName, downloadJson } from '../download';
import { useAction } from '../use-action';
import { OutcomeLine } from './OutcomeLine';

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
  history: HistoryView[];
  total: number;
  /** The reader's answers about pages, each stored with the page's address. */
  answers: number;
  prefs: SourcePrefs;
  /** Whether articles read are recorded (a setting, so the background reads it with the others). */
  recording: boolean;
  update(change: Partial<Settings>): Promise<void>;
  call: Call;
  changed(): void;
}

/** The articles the reader opened: listed, exported as JSON, cleared, kept for a chosen number of days. */
export function HistorySection({ history, total, answers, prefs, recording, update, call, changed }: Props) {
  const [days, setDays] = useState(String(prefs.retentionDays));
  const { busy, outcome, run } = useAction();

  const switchHistory = (on: boolean): Promise<void> =>
    run(async () => {
      await update({ history: on });
      return '';
    });

  const exportAll = (): Promise<void> =>
    run(async () => {
      const entries = await call('history/export', {});
      downloadJson(datedName('history'), entries);
      return formatCount('historyExported', entries.length);
    });

  /** One change to what is kept: asked first when `ask` names the question, made, then said. */
  const change = (make: () => Promise<unknown>, done: () => string, ask?: MessageKey): Promise<void> =>
    run(async () => {
      if (ask && !confirm(t(ask))) return '';
      await make();
      changed();
      return done();
    });

  const clear = (): Promise<void> => change(() => call('history/clear', {}), () => t('historyCleared'), 'historyClearConfirm');
  // Answers hold pages' addresses as history does, and are kept apart from it: the reader's word
  // on a page outlasts its history entry, but not their wish to leave no address behind.
  const forgetAnswers = (): Promise<void> => change(() => call('answers/clear', {}), () => t('pageAnswersForgotten'), 'pageAnswersForgetConfirm');
  const forgetAnswer = (entry: HistoryView): Promise<void> =>
    change(() => call('answers/forget', { pageKey: entry.pageKey }), () => t('historyAnswerForgotten', entry.title));
  const remove = (entry: HistoryView): Promise<void> => change(() => call('history/remove', { pageKey: entry.pageKey }), () => t('historyRemoved', entry.title));

  const keep = (event: Event): Promise<void> => {
    event.preventDefault();
    return run(async () => {
      const retentionDays = Number(days);
      if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 3650) throw new Error(t('historyRetentionInvalid'));
      await call('sources/prefs', { retentionDays });
      changed();
      return formatCount('historyRetentionSaved', retentionDays);
    });
  };

  return (
    <section class="panel" aria-labelledby="history-title" data-testid="history">
      <h2 id="history-title">{t('historyTitle')}</h2>
      <p class="muted">{t('historyIntro')}</p>
      <label class="switch history-switch">
        <input type="checkbox" role="switch" data-testid="history-switch" checked={recording} onChange={(e) => void switchHistory(e.currentTarget.checked)} />
        <span>{t('historyKeep')}</span>
      </label>
      {!recording && <p class="muted">{t('historyKeepOff')}</p>}
      {history.length === 0 ? (
        <p>{t('historyEmpty')}</p>
      ) : (
        <>
          <p class="muted">{history.length < total ? t('historyShowing', [history.length, total]) : formatCount('historyCount', total)}</p>
          <ul class="rows history-list">
            {history.map((entry) => (
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
                    <button type="button" class="button" disabled={busy} aria-label={t('historyAnswerForgetLabel', entry.title)} onClick={() => void forgetAnswer(entry)}>
                      {t('historyAnswerForget')}
                    </button>
                  )}
                  <button type="button" class="button" disabled={busy} aria-label={t('historyRemoveLabel', entry.title)} onClick={() => void remove(entry)}>
                    {t('historyRemove')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <div class="inline-form">
        <button type="button" class="button" disabled={busy || total === 0} onClick={() => void exportAll()}>
          {t('historyExport')}
        </button>
        <button type="button" class="button" disabled={busy || total === 0} onClick={() => void clear()}>
          {t('historyClear')}
        </button>
      </div>
      {answers > 0 && (
        <div class="inline-form" data-testid="page-answers">
          <p class="muted">{formatCount('pageAnswersCount', answers)}</p>
          <button type="button" class="button" disabled={busy} onClick={() => void forgetAnswers()}>
            {t('pageAnswersForget')}
          </button>
        </div>
      )}
      <form class="inline-form" onSubmit={(event) => void keep(event)}>
        <label for="history-days">{t('historyRetentionLabel')}</label>
        <input id="history-days" class="narrow" type="number" min={1} max={3650} value={days} onInput={(e) => setDays(e.currentTarget.value)} />
        <button type="submit" class="button" disabled={busy}>
          {t('historyRetentionSave')}
        </button>
      </form>
      <OutcomeLine outcome={outcome} />
    </section>
  );
}
