import { useMemo, useState } from 'preact/hooks';
import { useFocusAfterRemoval } from '../../ui/focus-after-removal';
import { feedUrlsOf, recommendedOutlets, searchOutlets, type Directory, type DirectoryOutlet } from '../../formats/directory';
import { t, uiLocale } from '../../shared/i18n';
import { formatCalendarDate, formatCount, formatCountry as countryName, formatNumber } from '../../shared/format';
import { OutletRow } from './OutletRow';
import { ChosenOutlets } from './ChosenOutlets';

interface Props {
  directory: Directory;
  /** Feed URLs the reader already takes: an outlet all of whose feeds they take shows as added. */
  subscribed: ReadonlySet<string>;
  onSave(outlets: DirectoryOutlet[], withOpinion: boolean): void;
}

/** Outlets grouped by country (countries by name, outlets by name), for the list without a query. */
function byCountry(outlets: readonly DirectoryOutlet[]): [string, DirectoryOutlet[]][] {
  const groups = new Map<string, DirectoryOutlet[]>();
  for (const outlet of outlets) groups.set(outlet.country, [...(groups.get(outlet.country) ?? []), outlet]);
  const named = [...groups].map(([code, list]) => [countryName(code), list.sort((a, b) => a.name.localeCompare(b.name))] as [string, DirectoryOutlet[]]);
  return named.sort((a, b) => a[0].localeCompare(b[0]));
}

/**
 * The directory as a checklist: one click takes the balanced recommended set, a search narrows the
 * list, and one Save asks for access to every chosen host at once.
 */
export function SourcePicker({ directory, subscribed, onSave }: Props) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [query, setQuery] = useState('');
  const [withOpinion, setWithOpinion] = useState(true);
  const section = useFocusAfterRemoval<HTMLElement>(chosen);
  const recommended = useMemo(() => recommendedOutlets(directory), [directory]);
  // Added only when every feed Save would take is taken: an outlet whose top feed the reader has
  // but not its opinion section can still be chosen, for that section, while opinion is asked for.
  const added = (outlet: DirectoryOutlet): boolean => feedUrlsOf([outlet], { opinion: withOpinion }).every((url) => subscribed.has(url));
  const toggle = (id: string, on: boolean): void => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  const takeRecommended = (): void => setChosen(new Set([...chosen, ...recommended.filter((o) => !added(o)).map((o) => o.id)]));
  // One the reader added meanwhile (from options, another tab) has nothing left to add.
  const picked = directory.outlets.filter((o) => chosen.has(o.id) && !added(o));
  const countries = new Set(recommended.map((o) => o.country)).size;
  const hits = query.trim() ? searchOutlets(directory, query, { locale: uiLocale() }) : null;

  const row = (outlet: DirectoryOutlet) => (
    <OutletRow key={outlet.id} outlet={outlet} checked={chosen.has(outlet.id)} added={added(outlet)} onChange={(on) => toggle(outlet.id, on)} />
  );

  return (
    <section class="panel picker" aria-labelledby="choose-title" data-testid="source-picker" ref={section}>
      <h2 id="choose-title">{t('welcomeChooseTitle')}</h2>
      <p class="muted">{t('welcomeChooseIntro')}</p>
      <div class="picker-actions">
        <button type="button" class="button" data-testid="take-recommended" onClick={takeRecommended}>
          {t('welcomeRecommended', [formatNumber(recommended.length), formatNumber(countries)])}
        </button>
      </div>
      <ChosenOutlets outlets={picked} onRemove={(id) => toggle(id, false)} />
      <div class="inline-form">
        <label for="outlet-search">{t('welcomeSearchLabel')}</label>
        <input id="outlet-search" data-removal-fallback type="search" autoComplete="off" placeholder={t('welcomeSearchPlaceholder')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </div>
      {/* What a search found, in place from the start (a live region made with its text is often not read out). */}
      <p class="muted" role="status" data-testid="outlet-search-status">
        {!hits ? '' : hits.length ? formatCount('welcomeSearchCount', hits.length, [query.trim()]) : t('welcomeSearchNone', query.trim())}
      </p>
      {hits ? (
        hits.length > 0 && (
          <ul class="rows outlet-list" aria-label={t('welcomeSearchResults', query.trim())}>
            {hits.map(row)}
          </ul>
        )
      ) : (
        byCountry(directory.outlets).map(([country, outlets]) => (
          <div key={country} class="country-group">
            <h3>{country}</h3>
            <ul class="rows outlet-list">{outlets.map(row)}</ul>
          </div>
        ))
      )}
      <p class="muted small">{t('welcomeDirectoryChecked', formatCalendarDate(directory.checked))}</p>
      <div class="save-bar">
        <label class="choice">
          <input type="checkbox" checked={withOpinion} onChange={(e) => setWithOpinion(e.currentTarget.checked)} />
          <span>{t('welcomeWithOpinion')}</span>
        </label>
        <p class="save-count" role="status">
          {formatCount('welcomeChosen', picked.length)}
        </p>
        <button type="button" class="button primary" data-testid="save-sources" disabled={picked.length === 0} onClick={() => onSave(picked, withOpinion)}>
          {t('welcomeSave')}
        </button>
      </div>
    </section>
  );
}
