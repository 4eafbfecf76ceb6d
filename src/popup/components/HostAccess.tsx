import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { hasPageAccess, requestPageAccess } from '../../shared/platform';

type Access = 'unknown' | 'granted' | 'missing' | 'refused' | 'just-granted';

/**
 * Shown only when the reader has withdrawn Storyline's access to pages (Firefox's add-ons manager,
 * or Chrome's "site access: on click"): says what that access is for and asks for it again.
 */
export function HostAccess() {
  const [access, setAccess] = useState<Access>('unknown');

  useEffect(() => {
    hasPageAccess()
      .then((granted) => setAccess(granted ? 'granted' : 'missing'))
      .catch(() => setAccess('granted'));
  }, []);

  if (access === 'unknown' || access === 'granted') return null;
  if (access === 'just-granted') {
    return (
      <p class="message" role="status" data-testid="host-access-granted">
        {t('hostAccessGranted')}
      </p>
    );
  }
  // The request is made in the click itself: Firefox refuses one that follows an await.
  const ask = (): void => {
    requestPageAccess()
      .then((granted) => setAccess(granted ? 'just-granted' : 'refused'))
      .catch(() => setAccess('refused'));
  };
  return (
    <section class="current" data-testid="host-access" aria-labelledby="host-access-title">
      <h1 class="story-title" id="host-access-title">
        {t('hostAccessTitle')}
      </h1>
      <p class="summary">{t('hostAccessWhy')}</p>
      <button type="button" class="button primary" onClick={ask}>
        {t('hostAccessAllow')}
      </button>
      <p class="message-error" role="alert">
        {access === 'refused' ? t('hostAccessRefused') : ''}
      </p>
    </section>
  );
}
