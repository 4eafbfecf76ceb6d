import { useEffect, useState } from 'preact/hooks';
import { BusyButton } from '../../ui/busy-button';
import { useFocusAfterRemoval } from '../../ui/focus-after-removal';
import { formatCount, formatNumber } from '../../shared/format';
import { t, type MessageKey } from '../../shared/i18n';
import type { Settings } from '../../formats/settings';
import type { SourcePrefs } from '../../formats/source-prefs';
import type { HistoryView, PageAnswerView } from '../../contracts/views';
import type { Call } from '../App';
import { datedName, downloadJson } from '../download';
import { useAction } from '../use-action';
import { useHistoryFind, type HistoryFind } from '../use-history-find';
import { AnswersAway, HistoryRows } from './HistoryRows';
import { OutcomeLine } from './OutcomeLine';
import { SearchBox } from './SearchBox';

interface Props {
  history: HistoryView[];
  total: number;
  /** The reader's answers about pages, each stored with the page's address. */
  answers: number;
  /** Those of them about pages with no history entry. */
  answersAway: PageAnswerView[];
  prefs: SourcePrefs;
  /** Whether articles read are recorded (a setting, so the background reads it with the others). */
  recording: boolean;
  update(change: Partial<Settings>): Promise<void>;
  call: Call;
  changed(): void;
}

/** The articles the reader opened: listed, exported as JSON, cleared, kept for a chosen number of days. */
export function HistorySection({ history, total, answers, answersAway, prefs, recording, update, call, changed }: Props) {
  // The reader's edit of the days kept; null: the field shows the value stored, as it changes
  // (another options tab, an import of the reader's data), as the place form's fields do. A saved
  // edit stays shown until the stored value changes (the page reads it again a moment later), so
  // the field does not show the old value meanwhile.
  const [daysEdit, setDaysEdit] = useState<{ value: string; saved: boolean } | null>(null);
  useEffect(() => setDaysEdit((edit) => (edit?.saved ? null : edit)), [prefs.retentionDays]);
  const days = daysEdit?.value ?? String(prefs.retentionDays);
  const { busy, outcome, run } = useAction();
  const finder = useHistoryFind(call);
  // Every button here that removes something, or that is gone or disabled once it did (a row's
  // "Forget answer", "Clear history", "Forget these answers"), hands the focus on rather than to the body.
  const section = useFocusAfterRemoval<HTMLElement>(history, total, answers, answersAway, finder.found);

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
      // A search shown stays the reader's view, brought up to date.
      await finder.again();
      return done();
    });

  const clear = (): Promise<void> => change(() => call('history/clear', {}), () => t('historyCleared'), 'historyClearConfirm');
  // Answers hold pages' addresses as history does, and are kept apart from it: the reader's word
  // on a page outlasts its history entry, but not their wish to leave no address behind.
  const forgetAnswers = (): Promise<void> => change(() => call('answers/clear', {}), () => t('pageAnswersForgotten'), 'pageAnswersForgetConfirm');
  const forgetAnswer = (entry: HistoryView): Promise<void> =>
    change(() => call('answers/forget', { pageKey: entry.pageKey }), () => t('historyAnswerForgotten', entry.title));
  const forgetAnswerAway = (entry: PageAnswerView): Promise<void> =>
    change(() => call('answers/forget', { pageKey: entry.pageKey }), () => t('historyAnswerForgotten', entry.pageKey));
  const remove = (entry: HistoryView): Promise<void> => change(() => call('history/remove', { pageKey: entry.pageKey }), () => t('historyRemoved', entry.title));
  // The rows' buttons, the newest entries' and a search's alike.
  const rowActions = { busy, forgetAnswer: (e: HistoryView) => void forgetAnswer(e), remove: (e: HistoryView) => void remove(e) };

  const keep = (event: Event): Promise<void> => {
    event.preventDefault();
    // A change under way: Enter in the field submits again, and is not sent twice.
    if (busy) return Promise.resolve();
    return run(async () => {
      const retentionDays = Number(days);
      if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 3650) throw new Error(t('historyRetentionInvalid'));
      await call('sources/prefs', { retentionDays });
      // Saved: the field follows the stored value again once it changes.
      setDaysEdit({ value: String(retentionDays), saved: true });
      changed();
      return formatCount('historyRetentionSaved', retentionDays);
    });
  };

  return (
    <section class="panel" aria-labelledby="history-title" data-testid="history" ref={section}>
      <h2 id="history-title" tabIndex={-1} data-removal-fallback>
        {t('historyTitle')}
      </h2>
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
          <FindBox finder={finder} />
          {finder.found ? (
            <FoundRows found={finder.found} {...rowActions} />
          ) : (
            <>
              <p class="muted">{history.length < total ? t('historyShowing', [formatNumber(history.length), formatNumber(total)]) : formatCount('historyCount', total)}</p>
              <HistoryRows entries={history} {...rowActions} />
            </>
          )}
        </>
      )}
      <div class="inline-form">
        <BusyButton type="button" class="button" busy={busy} disabled={total === 0} onClick={() => void exportAll()}>
          {t('historyExport')}
        </BusyButton>
        <button type="button" class="button" data-testid="history-clear" data-removes="history-clear" disabled={busy || total === 0} onClick={() => void clear()}>
          {t('historyClear')}
        </button>
      </div>
      {answers > 0 && (
        <div class="inline-form" data-testid="page-answers">
          <p class="muted">{formatCount('pageAnswersCount', answers)}</p>
          <button type="button" class="button" data-removes="answers-all" disabled={busy} onClick={() => void forgetAnswers()}>
            {t('pageAnswersForget')}
          </button>
        </div>
      )}
      <AnswersAway entries={answersAway} busy={busy} forget={(entry) => void forgetAnswerAway(entry)} />
      <form class="inline-form" onSubmit={(event) => void keep(event)}>
        <label for="history-days">{t('historyRetentionLabel')}</label>
        <input id="history-days" class="narrow" type="number" min={1} max={3650} value={days} onInput={(e) => setDaysEdit({ value: e.currentTarget.value, saved: false })} />
        {/* Busy, not disabled: the focus stays on it while the days are saved (busy-button.tsx). */}
        <BusyButton type="submit" class="button" busy={busy}>
          {t('historyRetentionSave')}
        </BusyButton>
      </form>
      <OutcomeLine outcome={outcome} />
    </section>
  );
}

/** What a search found, in words; empty before one. */
function foundText(found: HistoryFind['found']): string {
  if (!found) return '';
  const query = found.query.trim();
  if (found.matched === 0) return t('historyFoundNone', query);
  return found.matched > found.entries.length
    ? t('historyFoundSome', [formatNumber(found.entries.length), formatNumber(found.matched), query])
    : formatCount('historyFound', found.matched, [query]);
}

function FindBox({ finder }: { finder: HistoryFind }) {
  return (
    <>
      <SearchBox id="history-find" label="historyFindLabel" placeholder="historyFindPlaceholder" value={finder.query} onSearch={finder.search} />
      {/* In place from the start, empty until a search: a live region made with its text is often not read out. */}
      <p class="muted" role="status" data-testid="history-found">
        {foundText(finder.found)}
      </p>
      {finder.failed && (
        <p class="message-error" role="alert">
          {finder.failed}
        </p>
      )}
    </>
  );
}

interface FoundProps {
  found: NonNullable<HistoryFind['found']>;
  busy: boolean;
  forgetAnswer(entry: HistoryView): void;
  remove(entry: HistoryView): void;
}

/** A search's entries (FindBox says how many). */
function FoundRows({ found, busy, forgetAnswer, remove }: FoundProps) {
  if (found.entries.length === 0) return null;
  return <HistoryRows entries={found.entries} busy={busy} label={t('historyFoundLabel', found.query.trim())} forgetAnswer={forgetAnswer} remove={remove} />;
}
