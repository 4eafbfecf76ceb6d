import { useState } from 'preact/hooks';
import { BusyButton } from '../../ui/busy-button';
import { useFocusAfterRemoval } from '../../ui/focus-after-removal';
import { formatCount } from '../../shared/format';
import { t } from '../../shared/i18n';
import { parseHttpUrl } from '../../formats/url';
import type { DiscoveryView, FeedStoreView, FeedView } from '../../contracts/views';
import type { Call } from '../App';
import { grantAccess } from '../grant-access';
import type { OptionsPlatform } from '../platform';
import { useAction } from '../use-action';
import { FeedStorage } from './FeedStorage';
import { OutcomeLine } from './OutcomeLine';
import { FeedRows } from './FeedRows';
import { RefreshInterval } from './RefreshInterval';

interface Props {
  feeds: FeedView[];
  store: FeedStoreView;
  /** The reader's window for feed articles, in days. */
  windowDays: number;
  /** How often subscriptions and feeds refresh, in hours; `scheduled` false when nothing refreshes by itself. */
  refreshHours: number;
  scheduled: boolean;
  call: Call;
  platform: OptionsPlatform;
  changed(): void;
}

/**
 * RSS, Atom and JSON feeds: added by URL or found on the current tab; their items become stories.
 * The refresh period opens the section, beside the sources it governs and their "Refresh now" (its
 * label names the subscriptions above too).
 */
export function FeedsSection({ feeds, store, windowDays, refreshHours, scheduled, call, platform, changed }: Props) {
  const [url, setUrl] = useState('');
  const [found, setFound] = useState<DiscoveryView | null>(null);
  const { busy, outcome, run } = useAction();
  const section = useFocusAfterRemoval<HTMLElement>(feeds);

  const add = (raw: string): Promise<void> =>
    run(async () => {
      const address = parseHttpUrl(raw)?.href;
      if (!address) throw new Error(t('sourceInvalidUrl'));
      if (!(await platform.requestAccess(address))) throw new Error(t('sourceAccessRefused', address));
      const added = await call('feed/add', { url: address });
      setUrl('');
      // A web page's address adds nothing: the feeds it names are listed to add, as "Find feeds" lists a tab's.
      if ('page' in added) {
        setFound(added.page);
        return added.page.feeds.length ? t('feedAddressIsPage', added.page.pageTitle) : t('feedAddressIsPageWithout', added.page.pageTitle);
      }
      // The discovered list stays: a page often declares several feeds worth adding.
      changed();
      return added.error ? t('feedAddedWithError', address) : t('feedAdded', [added.title ?? address, formatCount('feedItemCount', added.itemCount)]);
    });

  const discover = (): Promise<void> =>
    run(async () => {
      const view = await call('feed/discover', {});
      setFound(view);
      return view.feeds.length ? t('feedDiscovered', view.pageTitle) : t('feedNoneDiscovered', view.pageTitle);
    });

  const act = (work: () => Promise<unknown>, done: string): Promise<void> =>
    run(async () => {
      await work();
      changed();
      return done;
    });

  // grantAccess asks first thing in the click: Firefox grants only while it handles the click.
  const grant = (addresses: readonly string[]): Promise<void> =>
    run(async () => {
      const done = await grantAccess(platform, addresses, (address) => call('feed/refresh', { url: address }));
      changed();
      return done;
    });

  const known = new Set(feeds.map((f) => f.url));
  return (
    <section class="panel" aria-labelledby="feeds-title" data-testid="feeds" ref={section}>
      <h2 id="feeds-title">{t('feedsTitle')}</h2>
      <p class="muted">{t('feedsIntro')}</p>
      <RefreshInterval hours={refreshHours} scheduled={scheduled} call={call} />
      {feeds.length === 0 ? (
        <p>{t('feedsEmpty')}</p>
      ) : (
        <FeedRows
          feeds={feeds}
          busy={busy}
          refresh={(address) => void act(() => call('feed/refresh', { url: address }), t('sourceRefreshed', address))}
          remove={(address) => void act(() => call('feed/remove', { url: address }), t('sourceRemoved', address))}
          grant={(addresses) => void grant(addresses)}
        />
      )}
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          // A change under way: Enter in the field submits again, and is not sent twice.
          if (!busy) void add(url);
        }}
      >
        <label for="feed-url">{t('feedUrlLabel')}</label>
        <input id="feed-url" data-removal-fallback type="url" autoComplete="off" spellcheck={false} placeholder="https://example.com/feed.xml" value={url} onInput={(e) => setUrl(e.currentTarget.value)} required />
        {/* Busy, not disabled: the focus stays on the button pressed while its work is under way (busy-button.tsx). */}
        <BusyButton type="submit" class="button primary" busy={busy}>
          {t('feedAdd')}
        </BusyButton>
        <BusyButton type="button" class="button" busy={busy} onClick={() => void discover()}>
          {t('feedDiscover')}
        </BusyButton>
      </form>
      {found && found.feeds.length > 0 && (
        <ul class="rows" aria-label={t('feedDiscoveredList', found.pageTitle)}>
          {found.feeds.map((feed) => (
            <li key={feed.url} class="row">
              <div class="row-main">
                <p class="row-title long-words">{feed.title ?? feed.url}</p>
                <p class="muted break">{feed.url}</p>
              </div>
              {/* Busy while adding; once added ("Already added") it has nothing to do, and is so by the
                  reader's own press: marked the same way rather than disabled, the focus stays on it. */}
              <BusyButton type="button" class="button" busy={busy || known.has(feed.url)} onClick={() => void add(feed.url)}>
                {known.has(feed.url) ? t('feedAlreadyAdded') : t('feedAdd')}
              </BusyButton>
            </li>
          ))}
        </ul>
      )}
      <OutcomeLine outcome={outcome} />
      <FeedStorage store={store} windowDays={windowDays} call={call} changed={changed} />
    </section>
  );
}
