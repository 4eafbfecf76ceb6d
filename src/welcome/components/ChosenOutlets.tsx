import type { DirectoryOutlet } from '../../formats/directory';
import { t } from '../../shared/i18n';

interface Props {
  outlets: readonly DirectoryOutlet[];
  onRemove(id: string): void;
}

/**
 * The outlets chosen so far, whatever the search shows: after "Take the recommended set" the reader
 * sees which sixteen it took, and takes one off in a click without finding it in the list.
 */
export function ChosenOutlets({ outlets, onRemove }: Props) {
  if (outlets.length === 0) return null;
  return (
    <div class="chosen" data-testid="chosen-outlets">
      <h3 id="chosen-title">{t('welcomeChoiceLabel')}</h3>
      <ul class="chips" aria-labelledby="chosen-title">
        {outlets.map((outlet) => (
          <li key={outlet.id}>
            <button type="button" class="chip" data-removes="chosen" aria-label={t('welcomeUnchoose', outlet.name)} data-chosen={outlet.id} onClick={() => onRemove(outlet.id)}>
              {outlet.name}
              <span aria-hidden="true" class="chip-x">
                ×
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
