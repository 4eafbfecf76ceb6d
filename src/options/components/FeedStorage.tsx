import { useEffect, useState } from 'preact/hooks';
import { formatCount, formatNumber } from '../../shared/format';
import { t } from '../../shared/i18n';
import { BusyButton } from '../../ui/busy-button';
import { SOURCE_PREF_BOUNDS } from '../../formats/source-prefs';
import type { FeedStoreView } from '../../contracts/views';
import type { Call } from '../App';
import { useAction } from '../use-action';
import { OutcomeLine } from './OutcomeLine';

interface Props {
  store: FeedStoreView;
  windowDays: number;
  call: Call;
  changed(): void;
}

/** "4.2 MB", "310 kB": a size in the reader's language, to one decimal at most. */
function formatSize(bytes: number): string {
  const [value, unit] = bytes >= 1e6 ? [bytes / 1e6, 'megabyte'] : [Math.max(bytes, 1000) / 1e3, 'kilobyte'];
  return formatNumber(value, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 });
}

const [MIN_DAYS, MAX_DAYS] = SOURCE_PREF_BOUNDS.feedRetentionDays;

/** What the feeds hold on this device, and how long articles their feeds no longer list are kept. */
export function FeedStorage({ store, windowDays, call, changed }: Props) {
  const [days, setDays] = useState(String(windowDays));
  useEffect(() => setDays(String(windowDays)), [windowDays]);
  const { busy, outcome, run } = useAction();

  const keep = (event: Event): Promise<void> => {
    event.preventDefault();
    // Enter in the field while the last save is under way: not again.
    if (busy) return Promise.resolve();
    return run(async () => {
      const feedRetentionDays = Number(days);
      if (!Number.isInteger(feedRetentionDays) || feedRetentionDays < MIN_DAYS || feedRetentionDays > MAX_DAYS) throw new Error(t('feedRetentionInvalid'));
      await call('sources/prefs', { feedRetentionDays });
      changed();
      return formatCount('feedRetentionSaved', feedRetentionDays);
    });
  };

  return (
    <div class="feed-storage" data-testid="feed-storage">
      {store.items > 0 && (
        <p class="muted" data-testid="feed-store-size">
          {t('feedStoreSize', [formatCount('feedStoreItems', store.items), formatCount('feedStoreStories', store.stories), formatSize(store.bytes)])}
        </p>
      )}
      <form class="inline-form" onSubmit={(event) => void keep(event)}>
        <label for="feed-days">{t('feedRetentionLabel')}</label>
        <input id="feed-days" class="narrow" type="number" min={MIN_DAYS} max={MAX_DAYS} value={days} aria-describedby="feed-days-help" onInput={(e) => setDays(e.currentTarget.value)} />
        <BusyButton type="submit" class="button" busy={busy}>
          {t('feedRetentionSave')}
        </BusyButton>
      </form>
      <p id="feed-days-help" class="muted">
        {t('feedRetentionHelp')}
      </p>
      <OutcomeLine outcome={outcome} />
    </div>
  );
}
