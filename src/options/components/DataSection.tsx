import { useState } from 'preact/hooks';
import { formatCount, formatList, formatNumber } from '../../shared/format';
import { t, type PluralKey } from '../../shared/i18n';
import { errorText } from '../../shared/error-text';
import { wasInterrupted } from '../../contracts/call-result';
import { MAX_READER_DATA_CHARS, type ReaderDataMerge } from '../../formats/reader-data';
import type { Call } from '../App';
import { datedName, downloadJson } from '../download';
import { BusyButton } from '../../ui/busy-button';
import { useAction } from '../use-action';
import { JsonFileButton } from './JsonFileButton';
import { OutcomeLine } from './OutcomeLine';

interface Props {
  call: Call;
  changed(): void;
}

const COUNTS: Record<Exclude<keyof ReaderDataMerge, 'historyTooOld'>, PluralKey> = {
  subscriptions: 'dataCountSubscriptions',
  feeds: 'dataCountFeeds',
  history: 'dataCountHistory',
  actions: 'dataCountActions',
  rejections: 'dataCountRejections',
  following: 'dataCountFollowing',
  categories: 'dataCountCategories',
  confirmations: 'dataCountConfirmations',
};

/** "Added: 2 feeds and 120 history entries", or that nothing was new; and the history too old to keep. */
export function importSummary(added: ReaderDataMerge): string {
  const parts = (Object.keys(COUNTS) as (keyof typeof COUNTS)[]).filter((key) => added[key] > 0).map((key) => formatCount(COUNTS[key], added[key]));
  const summary = parts.length === 0 ? t('dataImportedNothingNew') : t('dataImported', formatList(parts));
  return added.historyTooOld > 0 ? `${summary} ${formatCount('dataHistoryTooOld', added.historyTooOld)}` : summary;
}

/** Export everything that belongs to the reader as one JSON file, or merge such a file back in. */
export function DataSection({ call, changed }: Props) {
  const { busy, outcome, run } = useAction();

  const exportAll = (): Promise<void> =>
    run(async () => {
      const name = datedName('data');
      downloadJson(name, await call('data/export', {}));
      return t('dataExported', name);
    });

  /** A file whose import was cut short (not refused): offered again with one click. */
  const [retry, setRetry] = useState<File | null>(null);

  const importFile = (file: File): Promise<void> =>
    run(async () => {
      setRetry(null);
      // The limit is in characters: a file in another script takes up to three bytes for one.
      const tooLarge = (): Error => new Error(t('dataImportFailed', [file.name, t('importTooLarge', file.name)]));
      if (file.size > MAX_READER_DATA_CHARS * 3) throw tooLarge();
      const text = await file.text();
      if (text.length > MAX_READER_DATA_CHARS) throw tooLarge();
      // The background keeps a receipt under this id: a stop that cut the answer short after the
      // import landed leaves it to ask for, rather than a retry that would report "nothing new".
      const receipt = crypto.randomUUID();
      try {
        const added = await call('data/import', { text, receipt });
        changed();
        return importSummary(added);
      } catch (error) {
        if (!wasInterrupted(error)) throw new Error(t('dataImportFailed', [file.name, errorText(error)]));
        const landed = await call('data/import-receipt', { receipt }).catch(() => null);
        if (landed) {
          changed();
          return importSummary(landed);
        }
        // Cut short before it landed: the browser's own words would mean nothing to the reader.
        setRetry(file);
        throw new Error(t('importInterrupted', file.name));
      }
    });

  return (
    <section class="panel" id="data" aria-labelledby="data-title" data-testid="reader-data">
      <h2 id="data-title">{t('dataTitle')}</h2>
      <p class="muted">{t('dataIntro')}</p>
      <p class="muted" data-testid="data-limits">
        {t('dataLimits', formatNumber(MAX_READER_DATA_CHARS))}
      </p>
      <div class="inline-form">
        {/* Busy, not disabled: the focus stays on the control pressed while its work is under way (busy-button.tsx). */}
        <BusyButton type="button" class="button primary" busy={busy} data-testid="data-export" onClick={() => void exportAll()}>
          {t('dataExport')}
        </BusyButton>
        <JsonFileButton busy={busy} testId="data-import" onFile={(file) => void importFile(file)}>
          {t('dataImport')}
        </JsonFileButton>
      </div>
      <OutcomeLine outcome={outcome} />
      {retry && !busy && (
        <button type="button" class="button" data-testid="data-import-retry" onClick={() => void importFile(retry)}>
          {t('importRetry')}
        </button>
      )}
    </section>
  );
}
