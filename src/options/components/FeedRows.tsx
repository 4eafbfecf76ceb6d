// The reader's feeds as listed on the options page: each with its address, articles, last refresh
// (and why it failed), access, "Refresh now" and "Remove"; with how many there are, how many need
// attention (listed first), access for all asked at once when several lack it, and a filter once
// the list is long.
import { useState } from 'preact/hooks';
import { formatCount } from '../../shared/format';
import { t, uiLocale } from '../../shared/i18n';
import type { FeedView } from '../../contracts/views';
import { BusyButton } from '../../ui/busy-button';
import { filterFeeds, needsAttention, orderFeeds } from '../feed-list';
import { RefreshStatus } from './RefreshStatus';
import { SearchBox } from './SearchBox';
import { GrantAllAccess, SourceAccess } from './SourceAccess';

/** From this many feeds (a directory's recommended set is more) the list gets a filter. */
export const FILTER_FROM = 8;

interface Props {
  feeds: readonly FeedView[];
  busy: boolean;
  refresh(url: string): void;
  remove(url: string): void;
  /** Asks for the access of `urls` (one row's, or every feed's without it) in one prompt. */
  grant(urls: readonly string[]): void;
}

export function FeedRows({ feeds, busy, refresh, remove, grant }: Props) {
  const [filter, setFilter] = useState('');
  const troubled = feeds.filter(needsAttention).length;
  const shown = filterFeeds(orderFeeds(feeds, uiLocale()), filter);
  const query = filter.trim();
  return (
    <>
      <p class="muted" data-testid="feeds-summary">
        {troubled > 0 ? `${formatCount('feedsCount', feeds.length)} ${formatCount('feedsTroubled', troubled)}` : formatCount('feedsCount', feeds.length)}
      </p>
      {/* Every feed without access, the filter's or not: one prompt for all. */}
      <GrantAllAccess urls={feeds.filter((feed) => !feed.access).map((feed) => feed.url)} busy={busy} onGrant={grant} />
      {feeds.length >= FILTER_FROM && <SearchBox id="feed-filter" label="feedsFilterLabel" placeholder="feedsFilterPlaceholder" value={filter} onSearch={setFilter} />}
      {/* Said as it changes, so that a screen reader hears what the filter left; in place, empty,
          before the first word (a live region made with its text is often not read out). */}
      {feeds.length >= FILTER_FROM && (
        <p class="muted" role="status" data-testid="feed-filter-count">
          {!query ? '' : shown.length === 0 ? t('feedsFilterNone', query) : formatCount('feedsFilterCount', shown.length, [query])}
        </p>
      )}
      {query && shown.length === 0 ? null : (
        <ul class="rows" aria-label={query ? t('feedsFilterResults', query) : undefined}>
          {shown.map((feed) => (
            <li key={feed.url} class="row" data-feed={feed.url}>
              <div class="row-main">
                <p class="row-title long-words">{feed.title ?? feed.url}</p>
                <p class="muted break">
                  {feed.url} · {formatCount('feedItemCount', feed.itemCount)}
                </p>
                <RefreshStatus state={feed} kept={feed.okAt !== null && feed.itemCount > 0} />
                {!feed.access && <SourceAccess url={feed.url} busy={busy} onGrant={() => grant([feed.url])} />}
              </div>
              <div class="row-actions">
                {/* Without access a refresh can only fail: "Grant access again" refreshes once it is granted.
                    Busy, not disabled: the focus stays on it while the feed refreshes (busy-button.tsx). */}
                {feed.access && (
                  <BusyButton type="button" class="button" busy={busy} onClick={() => refresh(feed.url)}>
                    {t('sourceRefresh')}
                  </BusyButton>
                )}
                <button type="button" class="button" data-removes="feeds" disabled={busy} aria-label={t('sourceRemoveLabel', feed.url)} onClick={() => remove(feed.url)}>
                  {t('sourceRemove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
