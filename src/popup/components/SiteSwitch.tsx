import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { PopupDeps } from '../deps';

interface Props {
  host: string;
  siteOff: boolean;
  deps: PopupDeps;
}

/** "Off on this site": one switch; the page reacts at once (the content script watches settings). */
export function SiteSwitch({ host, siteOff, deps }: Props) {
  const [off, setOff] = useState(siteOff);
  const [failed, setFailed] = useState(false);
  // The state line speaks only after the reader used the switch (a live region, so it is announced).
  const [touched, setTouched] = useState(false);
  const toggle = async (): Promise<void> => {
    const next = !off;
    setOff(next);
    setFailed(false);
    setTouched(true);
    try {
      const { sitesOff } = await deps.call('settings/get', {});
      const sites = next ? [...sitesOff, host] : sitesOff.filter((site) => site !== host && !host.endsWith(`.${site}`));
      await deps.call('settings/update', { change: { sitesOff: [...new Set(sites)] } });
    } catch {
      setOff(!next);
      setFailed(true);
    }
  };
  return (
    <div class="site-switch">
      <label class="switch">
        <input type="checkbox" role="switch" data-testid="site-switch" checked={!off} onChange={() => void toggle()} />
        <span>{t('siteSwitchLabel', host)}</span>
      </label>
      <p class="muted site-switch-state" role="status">
        {failed ? t('siteSwitchFailed') : touched && off ? t('siteSwitchOff', host) : ''}
      </p>
    </div>
  );
}
