import type { SidebarView } from '../../contracts/views';
import { useStoryOpener } from '../use-story-opener';
import { OpenedStory } from './OpenedStory';
import type { ReplaceView } from './PageAnswer';
import { SearchResults } from './SearchResults';

type SearchView = Extract<SidebarView, { kind: 'search' }>;

/**
 * Search results, and a hit's story in full with a way back to the results. On a page that matched
 * none, "Find related coverage" lists first the stories that came closest: opened, such a story
 * offers "This page is about this story" (the background says which it is), as it does elsewhere.
 */
export function SearchFlow({ view, onReplace }: { view: SearchView; onReplace: ReplaceView }) {
  const opener = useStoryOpener();
  if (opener.story) return <OpenedStory story={opener.story} back="backToResults" onBack={opener.back} onReplace={onReplace} />;
  return <SearchResults view={view} opener={opener} />;
}
