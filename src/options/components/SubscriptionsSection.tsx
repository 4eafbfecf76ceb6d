import { useState } from 'preact/hooks';
import { BusyButton } from '../../ui/busy-button';
import { useFocusAfterRemoval } from '../../ui/focus-after-removal';
import { t } from '../../shared/i18n';
import { parsePublicKey } from '../../formats/pack-signature';
import { parseHttpUrl } from '../../formats/url';
import type { SubscriptionView } from '../../contracts/views';
import type { Call } from '../App';
import { grantAccess } from '../grant-access';
import type { OptionsPlatform } from '../platform';
import { useAction } from '../use-action';
import { OutcomeLine } from './OutcomeLine';
import { RefreshStatus } from './RefreshStatus';
import { GrantAllAccess, SourceAccess } from './SourceAccess';

interface Props {
  subscriptions: SubscriptionView[];
  call: Call;
  platform: OptionsPlatform;
  changed(): void;
}

/** Packs subscribed to by URL: add (with an optional pinned publisher key), refresh now, remove. */
export function SubscriptionsSection({ subscriptions, call, platform, changed }: Props) {
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const { busy, outcome, run } = useAction();
  const section = useFocusAfterRemoval<HTMLElement>(subscriptions);

  const add = (event: Event): Promise<void> => {
    event.preventDefault();
    // A change under way: Enter in a field submits again, and is not sent twice.
    if (busy) return Promise.resolve();
    return run(async () => {
      const address = parseHttpUrl(url)?.href;
      if (!address) throw new Error(t('sourceInvalidUrl'));
      const publicKey = key.trim() || null;
      if (publicKey && !parsePublicKey(publicKey)) throw new Error(t('subscriptionInvalidKey'));
      if (!(await platform.requestAccess(address))) throw new Error(t('sourceAccessRefused', address));
      const added = await call('subscription/add', { url: address, publicKey });
      setUrl('');
      setKey('');
      changed();
      return added.error ? t('subscriptionAddedWithError', address) : t('subscriptionAdded', address);
    });
  };

  const act = (work: () => Promise<unknown>, done: string): Promise<void> =>
    run(async () => {
      await work();
      changed();
      return done;
    });

  // grantAccess asks first thing in the click: Firefox grants only while it handles the click.
  const grant = (urls: readonly string[]): Promise<void> =>
    run(async () => {
      const done = await grantAccess(platform, urls, (address) => call('subscription/refresh', { url: address }));
      changed();
      return done;
    });

  return (
    <section class="panel" aria-labelledby="subscriptions-title" data-testid="subscriptions" ref={section}>
      <h2 id="subscriptions-title">{t('subscriptionsTitle')}</h2>
      <p class="muted">{t('subscriptionsIntro')}</p>
      {subscriptions.length === 0 ? (
        <p>{t('subscriptionsEmpty')}</p>
      ) : (
        <>
          <GrantAllAccess urls={subscriptions.filter((sub) => !sub.access).map((sub) => sub.url)} busy={busy} onGrant={(urls) => void grant(urls)} />
          <ul class="rows">
            {subscriptions.map((sub) => (
              <li key={sub.url} class="row" data-subscription={sub.url}>
                <div class="row-main">
                  <p class="row-title long-words">{sub.publisher ?? sub.url}</p>
                  <p class="muted break">
                    {sub.url}
                    {sub.version && ` · ${t('packVersion', sub.version)}`}
                    {sub.pinned && ` · ${t('subscriptionPinned')}`}
                  </p>
                  <RefreshStatus state={sub} />
                  {!sub.access && <SourceAccess url={sub.url} busy={busy} onGrant={() => void grant([sub.url])} />}
                </div>
                <div class="row-actions">
                  {/* Without access a refresh can only fail: "Grant access again" refreshes once it is granted.
                      Busy, not disabled: the focus stays on it while the pack refreshes (busy-button.tsx). */}
                  {sub.access && (
                    <BusyButton type="button" class="button" busy={busy} onClick={() => void act(() => call('subscription/refresh', { url: sub.url }), t('sourceRefreshed', sub.url))}>
                      {t('sourceRefresh')}
                    </BusyButton>
                  )}
                  <button type="button" class="button" data-removes="subscriptions" disabled={busy} aria-label={t('sourceRemoveLabel', sub.url)} onClick={() => void act(() => call('subscription/remove', { url: sub.url }), t('sourceRemoved', sub.url))}>
                    {t('sourceRemove')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <form class="stacked-form" onSubmit={(event) => void add(event)}>
        <label for="subscription-url">{t('subscriptionUrlLabel')}</label>
        <input id="subscription-url" data-removal-fallback type="url" autoComplete="off" spellcheck={false} placeholder="https://example.org/pack.json" value={url} onInput={(e) => setUrl(e.currentTarget.value)} required />
        <label for="subscription-key">{t('subscriptionKeyLabel')}</label>
        <input id="subscription-key" type="text" autoComplete="off" spellcheck={false} aria-describedby="subscription-key-help" value={key} onInput={(e) => setKey(e.currentTarget.value)} />
        <p id="subscription-key-help" class="muted">
          {t('subscriptionKeyHelp')}
        </p>
        {/* Busy, not disabled: the focus stays on it while the pack is added (busy-button.tsx). */}
        <BusyButton type="submit" class="button primary" busy={busy}>
          {t('subscriptionAdd')}
        </BusyButton>
      </form>
      <OutcomeLine outcome={outcome} />
    </section>
  );
}
