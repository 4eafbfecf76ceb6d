import { t, type MessageKey } from '../../shared/i18n';
import { useCurrentSection } from '../use-current-section';

/** Each section's heading id (the link target) and title, in page order. */
const SECTIONS: readonly (readonly [string, MessageKey])[] = [
  ['appearance-title', 'appearanceTitle'],
  ['place-title', 'placeTitle'],
  ['sources-title', 'sourcesTitle'],
  ['import-title', 'importTitle'],
  ['subscriptions-title', 'subscriptionsTitle'],
  ['feeds-title', 'feedsTitle'],
  ['sitesOff-title', 'sitesTitle'],
  ['autoOpen-title', 'autoOpenTitle'],
  ['history-title', 'historyTitle'],
  ['data-title', 'dataTitle'],
  ['network-title', 'networkTitle'],
  ['privacy-title', 'privacyTitle'],
];
const IDS = SECTIONS.map(([id]) => id);

/**
 * The page's table of contents: a list of links beside the sections on wide screens, above them on
 * narrow ones. The link of the section being read is marked (aria-current), so the column says
 * where the reader is in a long page.
 */
export function OptionsNav() {
  const current = useCurrentSection(IDS);
  return (
    <nav class="options-nav" aria-label={t('optionsNavLabel')}>
      <ul>
        {SECTIONS.map(([id, title]) => (
          <li key={id}>
            <a href={`#${id}`} aria-current={id === current ? 'location' : undefined}>
              {t(title)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
