import { useEffect, useRef } from 'preact/hooks';
import { formatCount, formatNumber } from '../../shared/format';
import { t } from '../../shared/i18n';
import { feedErrorText } from '../../shared/feed-error-text';
import type { FeedBatchResult, FeedProgress, TopStory } from '../../contracts/views';
import { TopStories } from './TopStories';

export interface SourceLabel {
  name: string;
  opinion: boolean;
}

function stateText(p: FeedProgress, stopped: boolean): string {
  switch (p.state) {
    case 'waiting':
      return stopped ? t('welcomeNotFetched') : t('welcomeWaiting');
    case 'fetching':
      return t('welcomeFetching');
    case 'done':
      return formatCount('feedItemCount', p.items);
    case 'failed':
      return t('welcomeFailed', feedErrorText(p.error ?? 'network'));
  }
}

interface Props {
  labels: ReadonlyMap<string, SourceLabel>;
  progress: FeedProgress[];
  /** What is stored while slow sources are still out (feed-batch.ts stores in waves). */
  landed: FeedBatchResult | null;
  result: FeedBatchResult | null;
  /** Why the batch could not run at all (access refused, the background failed). */
  failure: string | null;
  /** Once stories are stored: the stories most of the sources cover now (shown before the list of sources). */
  top: readonly TopStory[];
  /** Asks for access again and fetches these sources (those that failed, or all not fetched when the batch could not run). */
  retry(urls: string[]): void;
  openOptions(): void;
}

/** The first fetch, source by source; a failed source is listed with its reason and never blocks the others. */
export function IngestProgress({ labels, progress, landed, result, failure, top, retry, openOptions }: Props) {
  const finished = progress.filter((p) => p.state === 'done' || p.state === 'failed').length;
  const failed = progress.filter((p) => p.state === 'failed');
  // Shown in place of the picker whose Save button had the focus, and again after a retry whose
  // button goes: the focus comes to this heading, not to the page's body.
  const heading = useRef<HTMLHeadingElement>(null);
  const fetching = failure === null && result === null;
  useEffect(() => {
    if (fetching) heading.current?.focus({ preventScroll: true });
  }, [fetching]);
  // Every source failed (offline, a captive portal): nothing is "ready", and there are no others.
  const noneIn = result !== null && result.sources === 0 && result.failed > 0;
  const title = failure ? t('welcomeStoppedTitle') : noneIn ? t('welcomeNoneInTitle') : result ? t('welcomeReadyTitle') : t('welcomeFetchingTitle');
  return (
    <section class="panel" aria-labelledby="progress-title" data-testid="ingest">
      <h2 id="progress-title" tabIndex={-1} ref={heading}>{title}</h2>
      {failure ? (
        <p class="message-error" role="alert">
          {failure}
        </p>
      ) : noneIn ? (
        <p class="message-error" role="alert" data-testid="welcome-none-in">
          {t('welcomeNoneIn')}
        </p>
      ) : result ? (
        <div role="status">
          <p class="ready" data-testid="welcome-done">
            {t('welcomeReady', [formatCount('storyCount', result.stories), formatCount('sourceCount', result.sources)])}
          </p>
          {result.failed > 0 && <p>{formatCount('welcomeSomeFailed', result.failed)}</p>}
          <p class="muted">{t('welcomeNext')}</p>
        </div>
      ) : (
        <>
          {/* Read out as stories land (a few waves); the count of sources below changes with every
              source, about 25 times for the recommended set: shown, not read out. */}
          <div role="status">
            {landed && (
              <p class="ready" data-testid="welcome-landed">
                {t('welcomeLanded', [formatCount('storyCount', landed.stories), formatCount('sourceCount', landed.sources)])}
              </p>
            )}
          </div>
          <p class="muted" data-testid="welcome-progress">
            {/* Stories are clustered once every source has answered (feed-batch.ts): say so, or the line stands still at "N of N". */}
            {progress.length > 0 && finished === progress.length ? t('welcomeBuilding') : t('welcomeProgress', [formatNumber(finished), formatNumber(progress.length)])}
          </p>
        </>
      )}
      {(result ?? landed) && <TopStories stories={top} />}
      <ul class="rows progress-list">
        {progress.map((p) => {
          const label = labels.get(p.url);
          return (
            <li key={p.url} class="row" data-source={p.url} data-state={p.state}>
              <span class="row-title row-main">{label ? (label.opinion ? t('welcomeOpinionFeed', label.name) : label.name) : p.url}</span>
              {/* Plain words for the reader; the technical reason on hover, for whoever looks closer. */}
              <span class={p.state === 'failed' ? 'message-error source-state' : 'row-count source-state'} title={p.detail ?? undefined}>
                {stateText(p, failure !== null)}
              </span>
            </li>
          );
        })}
      </ul>
      {result && failed.length > 0 && <p class="muted">{t('welcomeRetryHint')}</p>}
      <div class="picker-actions">
        {failure && (
          // The batch could not run (access refused, the background failed): every source not in yet, asked for again.
          <button type="button" class="button primary" data-testid="retry-all" onClick={() => retry(progress.filter((p) => p.state !== 'done').map((p) => p.url))}>
            {t('welcomeTryAgain')}
          </button>
        )}
        {!failure && result && failed.length > 0 && (
          // The reader's click: Firefox grants host access again only while it handles one.
          <button type="button" class="button primary" data-testid="retry-failed" onClick={() => retry(failed.map((p) => p.url))}>
            {t('welcomeRetry')}
          </button>
        )}
        <button type="button" class="button" onClick={openOptions}>
          {t('welcomeOpenOptions')}
        </button>
      </div>
    </section>
  );
}
