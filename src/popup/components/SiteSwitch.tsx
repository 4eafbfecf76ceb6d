import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { hostInList } from '../../formats/settings';
import type { PopupDeps } from '../deps';

interface Props {
  host: string;
  /** `sitesOff`: the switch is on while the site is not in the list. `autoOpen`: on while it is. */
  field: 'sitesOff' | 'autoOpen';
  on: boolean;
  deps: PopupDeps;
  /** Told once the change is saved. */
  onSwitched?(on: boolean): void;
}

/**
 * One per-site switch ("Storyline on this site", "Open the sidebar by itself"); the page reacts at
 * once, since the content script watches settings.
 */
export function SiteSwitch({ host, field, on: initial, deps, onSwitched }: Props) {
  const [on, setOn] = useState(initial);
  const [failed, setFailed] = useState(false);
  // The state line speaks only after the reader used the switch (a live region, so it is announced).
  const [touched, setTouched] = useState(false);
  const listed = (next: boolean): boolean => (field === 'sitesOff' ? !next : next);
  const toggle = async (): Promise<void> => {
    const next = !on;
    setOn(next);
    setFailed(false);
    setTouched(true);
    try {
      const settings = await deps.call('settings/get', {});
      const current = settings[field];
      // Taking a site out also takes out the parent entry that covers it (news.example.com under example.com).
      const sites = listed(next) ? [...current, host] : current.filter((site) => !hostInList([site], host));
      await deps.call('settings/update', { change: { [field]: [...new Set(sites)] } });
      onSwitched?.(next);
    } catch {
      setOn(!next);
      setFailed(true);
    }
  };
  // Said in this line, in place from the start (a status made with its text is often not read out).
  const status = failed ? t('siteSwitchFailed') : !touched ? '' : field === 'sitesOff' ? t(on ? 'siteSwitchOnAgain' : 'siteSwitchOff', host) : on ? t('autoOpenSwitchOn', host) : '';
  return (
    <div class="site-switch">
      <label class="switch">
        <input type="checkbox" role="switch" data-testid={field === 'sitesOff' ? 'site-switch' : 'auto-open-switch'} checked={on} onChange={() => void toggle()} />
        <span>{field === 'sitesOff' ? t('siteSwitchLabel', host) : t('autoOpenSwitchLabel', host)}</span>
      </label>
      <p class="muted site-switch-state" role="status">
        {status}
      </p>
    </div>
  );
}
