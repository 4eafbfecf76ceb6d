import type { SidebarView } from '../../contracts/views';
import { useStoryOpener } from '../use-story-opener';
import { OpenedStory } from './OpenedStory';
import { SearchResults } from './SearchResults';

type SearchView = Extract<SidebarView, { kind: 'search' }>;

/** Search results, and a hit's story in full with a way back to the results. */
export function SearchFlow({ view }: { view: SearchView }) {
  const opener = useStoryOpener();
  if (opener.story) return <OpenedStory story={opener.story} back="backToResults" onBack={opener.back} />;
  return <SearchResults view={view} opener={opener} />;
}
