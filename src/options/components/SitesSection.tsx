import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { normaliseHost, type Settings } from '../../shared/settings';

interface Props {
  sites: string[];
  update(change: Partial<Settings>): Promise<void>;
}

/** Sites where Storyline does nothing: listed, added by name, removed one by one. */
export function SitesSection({ sites, update }: Props) {
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState('');

  const add = async (event: Event): Promise<void> => {
    event.preventDefault();
    const host = normaliseHost(draft);
    if (!host) {
      setMessage(t('sitesInvalid'));
      return;
    }
    try {
      await update({ sitesOff: [...new Set([...sites, host])] });
      setDraft('');
      setMessage(t('sitesAdded', host));
    } catch {
      setMessage(t('settingsSaveFailed'));
    }
  };

  const remove = async (host: string): Promise<void> => {
    try {
      await update({ sitesOff: sites.filter((site) => site !== host) });
      setMessage(t('sitesRemoved', host));
    } catch {
      setMessage(t('settingsSaveFailed'));
    }
  };

  return (
    <section class="panel" aria-labelledby="sites-title" data-testid="sites">
      <h2 id="sites-title">{t('sitesTitle')}</h2>
      <p class="muted">{t('sitesIntro')}</p>
      {sites.length === 0 ? (
        <p>{t('sitesEmpty')}</p>
      ) : (
        <ul class="rows">
          {sites.map((host) => (
            <li key={host} class="row">
              <span class="row-title">{host}</span>
              <button type="button" class="button" onClick={() => void remove(host)} aria-label={t('sitesRemoveLabel', host)}>
                {t('sitesRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="inline-form" onSubmit={(event) => void add(event)}>
        <label for="site-input">{t('sitesAddLabel')}</label>
        <input id="site-input" type="text" inputMode="url" autoComplete="off" spellcheck={false} placeholder="example.com" value={draft} onInput={(e) => setDraft((e.target as HTMLInputElement).value)} />
        <button type="submit" class="button primary">
          {t('sitesAdd')}
        </button>
      </form>
      <p class="muted" role="status">
        {message}
      </p>
    </section>
  );
}
