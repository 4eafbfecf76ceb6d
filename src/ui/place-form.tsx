// The reader's place and name, asked once: in the options page ("Your place") and inline in the
// first letter step of the sidebar. Country, then state or territory, then district (from the places
// of the directory: the options page passes the committed table, the sidebar the loaded directory's),
// and an optional name. Saving is the caller's: a settings change.
// Both screens can be open at once, so the form shows the stored values as they change, except a
// field the reader is editing, and a save sends only the fields the reader changed.
import { useId, useState } from 'preact/hooks';
import { t, type MessageKey } from '../shared/i18n';
import type { Place } from '../formats/officials-format';
import { OTHER_COUNTRY, MAX_READER_NAME, type ReaderPlace, type Settings } from '../formats/settings';
import { BusyButton } from './busy-button';

interface Draft {
  country: '' | 'US' | typeof OTHER_COUNTRY;
  state: string;
  district: string;
}

function draftOf(place: ReaderPlace | null): Draft {
  if (!place) return { country: '', state: '', district: '' };
  if (place.country !== 'US') return { country: OTHER_COUNTRY, state: '', district: '' };
  return { country: 'US', state: place.state ?? '', district: place.district === undefined ? '' : String(place.district) };
}

const sameDraft = (a: Draft, b: Draft): boolean => a.country === b.country && a.state === b.state && a.district === b.district;
const tidyName = (name: string): string => name.replace(/\s+/g, ' ').trim();

function placeOf(draft: Draft): ReaderPlace | null {
  if (draft.country === '') return null;
  if (draft.country !== 'US' || draft.state === '') return { country: draft.country };
  return draft.district === '' ? { country: 'US', state: draft.state } : { country: 'US', state: draft.state, district: Number(draft.district) };
}

/** What a save changes: only the fields the reader changed. */
export type PlaceChange = Partial<Pick<Settings, 'place' | 'readerName'>>;

/** What to say of a save, by the place it leaves stored. */
function savedMessage(change: PlaceChange, stored: ReaderPlace | null): MessageKey {
  if (change.place === null) return 'placeCleared';
  const place = change.place ?? stored;
  if (place && place.country !== 'US') return 'placeSavedElsewhere';
  return place?.state === undefined ? 'placeSavedNoPlace' : 'placeSaved';
}

interface Props {
  /** The U.S. places the reader can choose, with their districts. */
  places: readonly Place[];
  /** As stored now: followed while the reader has not changed the field. */
  place: ReaderPlace | null;
  readerName: string;
  save(change: PlaceChange): Promise<void>;
  /**
   * Called after a successful save with what the form says of it: the sidebar closes its inline
   * form, and says it in a live region of its own, which outlives the form.
   */
  saved?(said: string): void;
}

export function PlaceForm({ places, place, readerName, save, saved }: Props) {
  const id = useId();
  // The reader's edits; null: the field shows what is stored.
  const [placeEdit, setPlaceEdit] = useState<Draft | null>(null);
  const [nameEdit, setNameEdit] = useState<string | null>(null);
  const draft = placeEdit ?? draftOf(place);
  const name = nameEdit ?? readerName;
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = places.find((p) => p.code === draft.state);

  const submit = (event: Event): void => {
    event.preventDefault();
    // A save under way: Enter in a field submits again, and is not sent twice.
    if (busy) return;
    const change: PlaceChange = {};
    if (placeEdit && !sameDraft(placeEdit, draftOf(place))) change.place = placeOf(placeEdit);
    if (nameEdit !== null && tidyName(nameEdit) !== readerName) change.readerName = tidyName(nameEdit);
    setBusy(true);
    save(change).then(
      () => {
        const text = t(savedMessage(change, place));
        // Saved: the fields follow the stored values again.
        setPlaceEdit(null);
        setNameEdit(null);
        setStatus({ error: false, text });
        setBusy(false);
        saved?.(text);
      },
      () => {
        setStatus({ error: true, text: t('placeSaveFailed') });
        setBusy(false);
      },
    );
  };

  return (
    <form class="place-form" data-testid="place-form" onSubmit={submit}>
      <label for={`${id}-country`}>{t('placeCountry')}</label>
      <select
        id={`${id}-country`}
        name="country"
        value={draft.country}
        onChange={(e) => setPlaceEdit({ country: e.currentTarget.value as Draft['country'], state: '', district: '' })}
      >
        <option value="">{t('placeCountryUnset')}</option>
        <option value="US">{t('placeCountryUS')}</option>
        <option value={OTHER_COUNTRY}>{t('placeCountryOther')}</option>
      </select>
      {draft.country === 'US' && (
        <>
          <label for={`${id}-state`}>{t('placeState')}</label>
          <select id={`${id}-state`} name="state" value={draft.state} onChange={(e) => setPlaceEdit({ ...draft, state: e.currentTarget.value, district: '' })}>
            <option value="">{t('placeStateUnset')}</option>
            {[...places]
              .sort((a, b) => a.name.localeCompare(b.name, 'en'))
              .map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
          </select>
        </>
      )}
      {chosen && (
        <>
          <label for={`${id}-district`}>{t('placeDistrict')}</label>
          <select id={`${id}-district`} name="district" value={draft.district} onChange={(e) => setPlaceEdit({ ...draft, district: e.currentTarget.value })}>
            <option value="">{t('placeDistrictUnset')}</option>
            {chosen.atLarge ? (
              <option value="0">{t('placeDistrictAtLarge')}</option>
            ) : (
              Array.from({ length: chosen.districts }, (_, i) => (
                <option key={i + 1} value={String(i + 1)}>
                  {t('placeDistrictNumber', String(i + 1))}
                </option>
              ))
            )}
          </select>
        </>
      )}
      <label for={`${id}-name`}>{t('placeName')}</label>
      <input id={`${id}-name`} name="name" type="text" autoComplete="name" maxLength={MAX_READER_NAME} value={name} onInput={(e) => setNameEdit(e.currentTarget.value)} />
      <div class="place-actions">
        {/* Busy, not disabled: the focus stays on it while the save is under way (busy-button.tsx). */}
        <BusyButton type="submit" class="button primary" busy={busy}>
          {t('placeSave')}
        </BusyButton>
        <span class="place-status" role="status">
          {status && !status.error ? status.text : ''}
        </span>
      </div>
      {status?.error && (
        <p class="place-status is-error" role="alert">
          {status.text}
        </p>
      )}
      <p class="place-privacy">{t('placePrivacy')}</p>
    </form>
  );
}
