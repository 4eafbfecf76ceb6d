import type { DirectoryOutlet, OutletKind } from '../../formats/directory';
import { t, type MessageKey } from '../../shared/i18n';
import { formatCountry as countryName } from '../../shared/format';

const KIND: Record<OutletKind, MessageKey> = {
  wire: 'outletKindWire',
  newspaper: 'outletKindNewspaper',
  broadcaster: 'outletKindBroadcaster',
  magazine: 'outletKindMagazine',
  digital: 'outletKindDigital',
};

interface Props {
  outlet: DirectoryOutlet;
  checked: boolean;
  /** The reader already takes this outlet's feed. */
  added: boolean;
  onChange(on: boolean): void;
}

/** One outlet of the directory: a checkbox labelled with its name and the facts the directory gives. */
export function OutletRow({ outlet, checked, added, onChange }: Props) {
  const facts = [outlet.domain, countryName(outlet.country), t(KIND[outlet.kind])];
  if (outlet.feeds.opinion) facts.push(t('welcomeHasOpinion'));
  // The reader's requests go to a third party then: say so where they choose.
  if (outlet.via) facts.push(t('welcomeVia', outlet.via));
  return (
    <li class="row" data-outlet={outlet.id}>
      <label class="outlet">
        <input type="checkbox" checked={checked || added} disabled={added} onChange={(e) => onChange(e.currentTarget.checked)} />
        <span class="row-main">
          <span class="row-title">{outlet.name}</span>
          <span class="muted outlet-facts">{facts.join(' · ')}</span>
        </span>
      </label>
      {added && <span class="row-count">{t('welcomeAdded')}</span>}
    </li>
  );
}
