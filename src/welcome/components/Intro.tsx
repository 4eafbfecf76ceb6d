import { t } from '../../shared/i18n';

/** What Storyline does, in three short lines, and the privacy promise in one. */
export function Intro() {
  return (
    <section class="panel intro" aria-labelledby="intro-title">
      <h2 id="intro-title" class="visually-hidden">
        {t('welcomeIntroTitle')}
      </h2>
      <ul class="intro-lines">
        <li>{t('welcomeLineCoverage')}</li>
        <li>{t('welcomeLineLocal')}</li>
        <li>{t('welcomeLineContext')}</li>
      </ul>
      <p class="promise">{t('welcomePromise')}</p>
    </section>
  );
}
