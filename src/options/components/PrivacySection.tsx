import { t } from '../../shared/i18n';

/** What Storyline stores and sends, in plain words. */
export function PrivacySection() {
  return (
    <section class="panel" aria-labelledby="privacy-title" data-testid="privacy">
      <h2 id="privacy-title">{t('privacyTitle')}</h2>
      <ul class="plain-list">
        <li>{t('privacyLocal')}</li>
        <li>{t('privacyStored')}</li>
        <li>{t('privacySent')}</li>
        <li>{t('privacyPrivateWindows')}</li>
      </ul>
    </section>
  );
}
