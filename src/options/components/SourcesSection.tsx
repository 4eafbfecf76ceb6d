import { formatCount, formatDate } from '../../shared/format';
import { useFocusAfterRemoval } from '../../ui/focus-after-removal';
import { t } from '../../shared/i18n';
import type { PackSummary } from '../../contracts/views';
import type { Call } from '../App';
import { useAction } from '../use-action';
import { OutcomeLine } from './OutcomeLine';

const ORIGIN_KEYS = { builtin: 'packOriginBuiltin', file: 'packOriginFile', url: 'packOriginUrl', feeds: 'packOriginFeeds' } as const;

/** What Storyline ships, then what the reader's feeds built, then what the reader added. */
const ORIGIN_ORDER = { builtin: 0, feeds: 1, url: 2, file: 3 } as const;

/**
 * A pack by its publisher, but the built-in ones, which share theirs ("Storyline" twice), by what
 * they hold: the categories and their steps, or the starter story.
 */
function packTitle(pack: PackSummary): string {
  if (pack.origin !== 'builtin') return pack.publisher;
  return t(pack.stories === 0 && pack.categories > 0 ? 'packBuiltinCategories' : 'packBuiltinStories');
}

interface Props {
  packs: PackSummary[];
  call: Call;
  changed(): void;
}

/** The packs stories come from; imported and subscribed ones can be removed (the reader's own data stays). */
export function SourcesSection({ packs, call, changed }: Props) {
  const { busy, outcome, run } = useAction();
  const section = useFocusAfterRemoval<HTMLElement>(packs);
  const remove = (pack: PackSummary): Promise<void> =>
    run(async () => {
      await call('pack/remove', { packId: pack.id });
      changed();
      return t('packRemoved', pack.publisher);
    });

  const listed = [...packs].sort((a, b) => ORIGIN_ORDER[a.origin] - ORIGIN_ORDER[b.origin] || packTitle(a).localeCompare(packTitle(b)));
  return (
    <section class="panel" aria-labelledby="sources-title" data-testid="sources" ref={section}>
      <h2 id="sources-title" tabIndex={-1} data-removal-fallback>
        {t('sourcesTitle')}
      </h2>
      <p class="muted">{t('sourcesIntro')}</p>
      {packs.length === 0 ? (
        <p>{t('sourcesEmpty')}</p>
      ) : (
        <ul class="rows">
          {listed.map((pack) => (
            <li key={pack.id} class="row" data-pack={pack.id}>
              <div class="row-main">
                <p class="row-title">{packTitle(pack)}</p>
                <p class="muted">
                  {/* Feed stories are versioned by their build time, which "updated" already shows. */}
                  {t(ORIGIN_KEYS[pack.origin])} · {pack.origin === 'feeds' ? '' : `${t('packVersion', pack.version)} · `}
                  {t('packUpdated', formatDate(pack.updated))}
                </p>
              </div>
              <div class="row-actions">
                <p class="row-count">
                  {pack.stories === 0 && pack.categories > 0 ? formatCount('categoryCount', pack.categories) : formatCount('storyCount', pack.stories)}
                </p>
                {(pack.origin === 'file' || pack.origin === 'url') && (
                  <button type="button" class="button" data-removes="packs" disabled={busy} aria-label={t('packRemoveLabel', pack.publisher)} onClick={() => void remove(pack)}>
                    {t('sourceRemove')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <OutcomeLine outcome={outcome} />
    </section>
  );
}
