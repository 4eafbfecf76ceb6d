import { formatCount, formatRelative } from '../../shared/format';
import { t } from '../../shared/i18n';
import type { LibraryView } from '../../contracts/views';

interface Props {
  library: LibraryView;
  /** Opens the welcome page's choice of news sources. */
  onChooseSources(): void;
}

/**
 * A page that matches no story: say so, then what Storyline knows and when it last heard from its
 * sources, or, with no source at all, the way to choose some.
 */
export function NoMatch({ library, onChooseSources }: Props) {
  return (
    <div class="no-match" data-testid="no-match">
      <p class="message">{t('noneTitle')}</p>
      {library.sources === 0 ? (
        <>
          <p class="muted" data-testid="no-sources">
            {t('popupNoSources', formatCount('storyCount', library.stories))}
          </p>
          <button type="button" class="button primary" data-testid="choose-sources" onClick={onChooseSources}>
            {t('chooseSources')}
          </button>
        </>
      ) : (
        <p class="muted" data-testid="library">
          {library.refreshedAt
            ? t('popupLibrary', [formatCount('storyCount', library.stories), formatCount('sourceCount', library.sources), formatRelative(library.refreshedAt)])
            : t('popupLibraryNeverRefreshed', [formatCount('storyCount', library.stories), formatCount('sourceCount', library.sources)])}
        </p>
      )}
    </div>
  );
}
