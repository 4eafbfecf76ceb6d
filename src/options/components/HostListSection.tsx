import { useState } from 'preact/hooks';
import { useFocusAfterRemoval } from '../../ui/focus-after-removal';
import { t, type MessageKey } from '../../shared/i18n';
import { normaliseHost, type Settings } from '../../formats/settings';

type Field = 'sitesOff' | 'autoOpen';

/** The words of each list: the two lists behave alike and differ only in what they say. */
const COPY: Record<Field, Record<'title' | 'intro' | 'empty' | 'add' | 'remove' | 'removeLabel' | 'added' | 'removed', MessageKey>> = {
  sitesOff: {
    title: 'sitesTitle',
    intro: 'sitesIntro',
    empty: 'sitesEmpty',
    add: 'sitesAdd',
    remove: 'sitesRemove',
    removeLabel: 'sitesRemoveLabel',
    added: 'sitesAdded',
    removed: 'sitesRemoved',
  },
  autoOpen: {
    title: 'autoOpenTitle',
    intro: 'autoOpenIntro',
    empty: 'autoOpenEmpty',
    add: 'autoOpenAdd',
    remove: 'autoOpenRemove',
    removeLabel: 'autoOpenRemoveLabel',
    added: 'autoOpenAdded',
    removed: 'autoOpenRemoved',
  },
};

interface Props {
  field: Field;
  sites: string[];
  /** Given a function, the change is made from the settings as stored at that moment. */
  update(change: (current: Settings) => Partial<Settings>): Promise<void>;
}

/** A list of sites kept in settings (where Storyline is off; where the sidebar opens by itself). */
export function HostListSection({ field, sites, update }: Props) {
  const copy = COPY[field];
  const [draft, setDraft] = useState('');
  const section = useFocusAfterRemoval<HTMLElement>(sites);
  const [message, setMessage] = useState('');
  const id = `${field}-input`;

  const add = async (event: Event): Promise<void> => {
    event.preventDefault();
    const host = normaliseHost(draft);
    if (!host) {
      setMessage(t('sitesInvalid'));
      return;
    }
    try {
      // From the list as stored: the popup may have changed it since this page showed it.
      await update((current) => ({ [field]: [...new Set([...current[field], host])] }));
      setDraft('');
      setMessage(t(copy.added, host));
    } catch {
      setMessage(t('settingsSaveFailed'));
    }
  };

  const remove = async (host: string): Promise<void> => {
    try {
      await update((current) => ({ [field]: current[field].filter((site) => site !== host) }));
      setMessage(t(copy.removed, host));
    } catch {
      setMessage(t('settingsSaveFailed'));
    }
  };

  return (
    <section class="panel" id={field} aria-labelledby={`${field}-title`} data-testid={field === 'sitesOff' ? 'sites' : 'auto-open'} ref={section}>
      <h2 id={`${field}-title`}>{t(copy.title)}</h2>
      <p class="muted">{t(copy.intro)}</p>
      {sites.length === 0 ? (
        <p>{t(copy.empty)}</p>
      ) : (
        <ul class="rows">
          {sites.map((host) => (
            <li key={host} class="row">
              <span class="row-title">{host}</span>
              <button type="button" class="button" data-removes="sites" onClick={() => void remove(host)} aria-label={t(copy.removeLabel, host)}>
                {t(copy.remove)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="inline-form" onSubmit={(event) => void add(event)}>
        <label for={id}>{t('sitesAddLabel')}</label>
        <input id={id} data-removal-fallback type="text" inputMode="url" autoComplete="off" spellcheck={false} placeholder="example.com" value={draft} onInput={(e) => setDraft((e.target as HTMLInputElement).value)} />
        <button type="submit" class="button primary">
          {t(copy.add)}
        </button>
      </form>
      <p class="muted" role="status">
        {message}
      </p>
    </section>
  );
}
