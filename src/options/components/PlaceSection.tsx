import { t } from '../../shared/i18n';
import { PlaceForm } from '../../ui/place-form';
import type { Settings } from '../../formats/settings';
import { US_PLACES } from '../../formats/us-places';

interface Props {
  settings: Settings;
  update(change: Partial<Settings>): Promise<void>;
}

/** "Your place": where the reader votes and the name they sign with, for letters to their officials. */
export function PlaceSection({ settings, update }: Props) {
  return (
    <section class="panel" id="place" aria-labelledby="place-title" data-testid="place">
      <h2 id="place-title">{t('placeTitle')}</h2>
      <p class="muted">{t('placeIntro')}</p>
      <PlaceForm
        places={US_PLACES}
        place={settings.place}
        readerName={settings.readerName}
        save={update}
      />
    </section>
  );
}
