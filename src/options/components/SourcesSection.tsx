import { formatCount, formatDate } from '../../shared/format';
import { t } from '../../shared/i18n';
import type { PackSummary } from '../../shared/views';

const ORIGIN_KEYS = { builtin: 'packOriginBuiltin', file: 'packOriginFile', url: 'packOriginUrl' } as const;

/** The packs stories come from. */
export function SourcesSection({ packs }: { packs: PackSummary[] }) {
  return (
    <section class="panel" aria-labelledby="sources-title" data-testid="sources">
      <h2 id="sources-title">{t('sourcesTitle')}</h2>
      <p class="muted">{t('sourcesIntro')}</p>
      {packs.length === 0 ? (
        <p>{t('sourcesEmpty')}</p>
      ) : (
        <ul class="rows">
          {packs.map((pack) => (
            <li key={pack.id} class="row" data-pack={pack.id}>
              <div>
                <p class="row-title">{pack.publisher}</p>
                <p class="muted">
                  {t(ORIGIN_KEYS[pack.origin])} · {t('packVersion', pack.version)} · {t('packUpdated', formatDate(pack.updated))}
                </p>
              </div>
              <p class="row-count">{formatCount('storyCount', pack.stories)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
