import { t } from '../../shared/i18n';
import type { LibraryView } from '../../contracts/views';
import { libraryText } from '../../ui/library-text';

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
      <p class="muted" data-testid={library.sources === 0 ? 'no-sources' : 'library'}>
        {libraryText(library)}
      </p>
      {library.sources === 0 && (
        <button type="button" class="button primary" data-testid="choose-sources" onClick={onChooseSources}>
          {t('chooseSources')}
        </button>
      )}
    </div>
  );
}
