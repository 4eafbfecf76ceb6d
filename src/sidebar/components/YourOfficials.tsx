import { useEffect, useRef, useState } from 'preact/hooks';
import { t, uiLocale } from '../../shared/i18n';
import { officialsFor, termEnded, type OfficialsLookup } from '../officials';
import type { OfficialsDirectory, Place } from '../../formats/officials-format';
import { PlaceForm } from '../../ui/place-form';
import { useStoryOfficials } from '../officials-context';
import { chamberRole, OfficialCard } from './OfficialCard';

/** The snapshot day as a date, not an instant: read in UTC so no time zone moves it a day. */
function snapshotDay(iso: string): string {
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

export function SnapshotNote({ directory }: { directory: OfficialsDirectory }) {
  return <p class="officials-snapshot">{t('officialsSnapshot', snapshotDay(directory.snapshot))}</p>;
}

function placeLabel(place: Place, district: number | undefined): string {
  if (district === undefined) return place.name;
  return place.atLarge ? t('officialsPlaceAtLarge', place.name) : t('officialsPlaceDistrict', [place.name, String(district)]);
}

/** What the step says about the reader's officials, for each answer of the directory. */
function Found({ lookup, directory, today }: { lookup: Extract<OfficialsLookup, { kind: 'found' }>; directory: OfficialsDirectory; today: string }) {
  const { place, senators, representative } = lookup;
  const members = representative ? [...senators, representative] : senators;
  return (
    <>
      <p class="officials-place">{placeLabel(place, lookup.district)}</p>
      {members.length > 0 && (
        <ul class="official-list" aria-label={t('officialsTitle')}>
          {members.map((m) => (
            <OfficialCard key={m.id} member={m} role={chamberRole(m, place.house)} {...(m.termEnd && termEnded(m, today) ? { ended: m.termEnd } : {})} />
          ))}
        </ul>
      )}
      {place.senators === 0 && <p class="officials-note">{t('officialsNoSenators', place.name)}</p>}
      {lookup.seat === 'vacant' && <p class="officials-note">{t('officialsVacant', [placeLabel(place, lookup.district), snapshotDay(directory.snapshot)])}</p>}
      {lookup.seat === 'unknown' && <p class="officials-note">{t('officialsNoDistrict')}</p>}
    </>
  );
}

/**
 * A contact step's "Your officials": the reader's senators and member of the House with phone and
 * contact form, or why none are named (no place yet, another country, a place the directory lacks).
 * The first contact step asks for the place inline when none is set; every step can change it.
 */
export function YourOfficials({ actionId }: { actionId: string }) {
  const officials = useStoryOfficials();
  const [editing, setEditing] = useState(false);
  // The saved place, said here: the form that said it is gone once saved, and the focus it had
  // goes to "Change" (it was on the form's Save button) rather than to the page's body; with the
  // place cleared there is no "Change" (the form may be back instead), so it goes to the heading.
  const [said, setSaid] = useState({ text: '', at: 0 });
  const change = useRef<HTMLButtonElement>(null);
  const title = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (said.at) (change.current ?? title.current)?.focus();
  }, [said]);
  if (!officials) return null;
  const { state } = officials;
  if (state.status !== 'ready') {
    return (
      <p class="officials-status" role="status">
        {t('officialsLoading')}
      </p>
    );
  }
  const { directory } = state;
  if (!directory) {
    return (
      <p class="officials-status" role="status">
        {t('officialsLoadFailed')}
      </p>
    );
  }
  const lookup = officialsFor(directory, state.place);
  const asking = lookup.kind === 'unset' && officials.firstContactId === actionId;
  const form = (
    <PlaceForm
      places={directory.places}
      place={state.place}
      readerName={state.readerName}
      save={officials.savePlace}
      saved={(text) => {
        setEditing(false);
        setSaid({ text, at: Date.now() });
      }}
    />
  );
  return (
    <div class="officials" data-testid="officials" data-lookup={lookup.kind}>
      <p class="officials-title" tabIndex={-1} ref={title}>
        {t('officialsTitle')}
      </p>
      {lookup.kind === 'found' && <Found lookup={lookup} directory={directory} today={state.today} />}
      {lookup.kind === 'unset' && <p class="officials-note">{t(asking ? 'officialsUnset' : 'officialsUnsetLater')}</p>}
      {lookup.kind === 'other-country' && <p class="officials-note">{t('officialsOtherCountry')}</p>}
      {lookup.kind === 'no-such-place' && (
        <p class="officials-note" data-testid="no-such-place">
          {t('officialsNoSuchPlace', [placeOf(directory, lookup.state, lookup.district), snapshotDay(directory.snapshot)])}
        </p>
      )}
      {asking ? (
        form
      ) : (
        <>
          <p class="officials-meta">
            <span>{t('officialsSnapshot', snapshotDay(directory.snapshot))}</span>
            {lookup.kind !== 'unset' && (
              <button type="button" class="link-button" aria-expanded={editing} ref={change} onClick={() => setEditing(!editing)}>
                {t('officialsChange')}
              </button>
            )}
          </p>
          {editing && form}
        </>
      )}
      <p class="officials-saved" role="status" data-testid="officials-saved">
        {said.text}
      </p>
    </div>
  );
}

/** A place the directory may not know, named as well as it can be. */
function placeOf(directory: OfficialsDirectory, state: string, district: number | undefined): string {
  const known = directory.places.find((p) => p.code === state);
  const name = known?.name ?? state;
  return district === undefined ? name : t('officialsPlaceDistrict', [name, String(district)]);
}
