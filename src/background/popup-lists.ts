// The popup's lists beside the tab's own story: the stories that came closest when the page matched
// none, the followed ones with what is new, the most covered now, the recently matched, and what
// Storyline knows. Each leaves out nothing the reader asked for; only the most covered list leaves
// out the tab's own story, which the card above it shows.
import type { IDBPDatabase } from 'idb';
import type { MatchCandidate } from '../engine';
import type { StorylineDB } from '../formats/storage-schema';
import type { PopupState } from '../contracts/views';
import { followedStories } from './follow';
import { libraryView } from './library';
import { listedStories, recentStories } from './recent-stories';
import { currentTopStories } from './top-stories';

/** The popup is short: its list of the most covered stories names the first three. */
const POPUP_TOP_STORIES = 3;

export type PopupLists = Pick<PopupState, 'maybe' | 'followed' | 'top' | 'recent' | 'library'>;

export async function popupLists(database: IDBPDatabase<StorylineDB>, ownStory: string | null, maybe: readonly MatchCandidate[], now: Date): Promise<PopupLists> {
  const top = await currentTopStories(database, now, POPUP_TOP_STORIES + 1);
  return {
    maybe: await listedStories(database, maybe.map((m) => m.storyId)),
    followed: await followedStories(database),
    top: top.filter((listed) => listed.id !== ownStory).slice(0, POPUP_TOP_STORIES),
    recent: await recentStories(database, ownStory),
    library: await libraryView(database),
  };
}
