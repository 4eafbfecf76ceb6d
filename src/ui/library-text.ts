// What Storyline knows, in one sentence, for a page that matches no story: the popup and the sidebar
// both say it, so a reader who finds nothing learns whether there is little to find (no sources
// yet, nothing refreshed) rather than meeting a dead end.
import type { LibraryView } from '../contracts/views';
import { formatCount, formatRelative } from '../shared/format';
import { t } from '../shared/i18n';

export function libraryText(library: LibraryView): string {
  const stories = formatCount('storyCount', library.stories);
  if (library.sources === 0) return t('libraryNoSources', stories);
  const sources = formatCount('sourceCount', library.sources);
  return library.refreshedAt ? t('libraryKnown', [stories, sources, formatRelative(library.refreshedAt)]) : t('libraryNeverRefreshed', [stories, sources]);
}
