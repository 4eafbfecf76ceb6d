import { useEffect, useRef, useState } from 'preact/hooks';
import { formatCount, formatNumber } from '../../shared/format';
import { t } from '../../shared/i18n';
import { errorText } from '../../shared/error-text';
import { MAX_PACK_TEXT } from '../../contracts/source-events';
import { parsePackJson } from '../../formats/pack-signature';
import { PACK_TEXT_LIMITS } from '../../formats/pack-validate';
import { wasInterrupted } from '../../contracts/call-result';
import type { Call } from '../App';
import type { PackSummary } from '../../contracts/views';
import type { OptionsPlatform } from '../platform';
import { useAction } from '../use-action';
import { JsonFileButton } from './JsonFileButton';
import { OutcomeLine } from './OutcomeLine';

interface Props {
  call: Call;
  platform: OptionsPlatform;
  changed(): void;
}

/**
 * After an import was cut short: the file's pack if it landed after all. A worker can stop after the
 * pack's one transaction committed and before its answer reached the page; the pack is then in
 * (installed at or after `since`, the page's clock and the background's being the machine's), and
 * "nothing changed" would be false. Null when the file names no pack or it is not there.
 */
async function landedAfterAll(call: Call, text: string, since: number): Promise<PackSummary | null> {
  let id: unknown;
  try {
    id = (parsePackJson(text) as { id?: unknown } | null)?.id;
  } catch {
    return null;
  }
  if (typeof id !== 'string') return null;
  const { packs } = await call('options/state', {});
  return packs.find((pack) => pack.id === id && Date.parse(pack.installedAt) >= since) ?? null;
}

/** Import a pack file by picker or drag-and-drop: checked whole, then installed all at once. */
export function ImportSection({ call, platform, changed }: Props) {
  const { busy, outcome, run } = useAction();
  const [progress, setProgress] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);
  /** A file whose import was cut short (not refused): offered again with one click. */
  const [retry, setRetry] = useState<File | null>(null);
  /** This page's import under way: its id, which its progress carries back. */
  const importing = useRef<string | null>(null);
  // Every options tab hears every import's progress: this one shows its own import's alone.
  useEffect(
    () =>
      platform.onImportProgress(({ importId, done, total }) => {
        if (importId !== undefined && importId === importing.current) setProgress(total ? done / total : 1);
      }),
    [platform],
  );

  const importFile = (file: File): Promise<void> =>
    run(async () => {
      setRetry(null);
      if (file.size > MAX_PACK_TEXT) throw new Error(t('importTooLarge', file.name));
      setProgress(0);
      const text = await file.text();
      const since = Date.now();
      const importId = crypto.randomUUID();
      importing.current = importId;
      try {
        const result = await call('pack/import', { text, importId });
        changed();
        return t('importDone', [result.publisher, formatCount('storyCount', result.stories)]);
      } catch (error) {
        // A worker stopped mid-import gives the browser's own words ("message port closed"): the
        // reader gets ours, and the pack, written all at once or not at all, can be tried again,
        // unless it was written after all (the stop came between the commit and the answer).
        if (wasInterrupted(error)) {
          const landed = await landedAfterAll(call, text, since).catch(() => null);
          if (landed) {
            changed();
            return t('importDone', [landed.publisher, formatCount('storyCount', landed.stories)]);
          }
          setRetry(file);
          throw new Error(t('importInterrupted', file.name));
        }
        throw new Error(t('importFailed', [file.name, errorText(error)]));
      } finally {
        importing.current = null;
        setProgress(null);
      }
    });

  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file && !busy) void importFile(file);
  };

  return (
    <section class="panel" aria-labelledby="import-title" data-testid="import">
      <h2 id="import-title">{t('importTitle')}</h2>
      <p class="muted">{t('importIntro')}</p>
      <p class="muted" data-testid="import-limits">
        {t('importLimits', [formatNumber(MAX_PACK_TEXT), formatNumber(PACK_TEXT_LIMITS['title'] ?? 0), formatNumber(PACK_TEXT_LIMITS['summary'] ?? 0)])}
      </p>
      <div
        class={dragging ? 'drop-zone is-dragging' : 'drop-zone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t('importDrop')}</p>
        <JsonFileButton variant="primary" busy={busy} testId="import-file" onFile={(file) => void importFile(file)}>
          {t('importChoose')}
        </JsonFileButton>
      </div>
      {progress !== null && (
        <progress class="import-progress" max={1} value={progress} aria-label={t('importProgress')} />
      )}
      <OutcomeLine outcome={outcome} />
      {retry && !busy && (
        <button type="button" class="button" data-testid="import-retry" onClick={() => void importFile(retry)}>
          {t('importRetry')}
        </button>
      )}
    </section>
  );
}
