// The reader files a story: for a story no curator filed, the categories they choose replace the
// classifier's (which prefers none to a wrong one, so a reader may know better) or those a feed
// story borrowed from a pack story about the same event, and the standing steps follow. Kept in
// the reader's own state, never removed with a pack nor by a refresh of the feeds; forgotten on
// request ("let Storyline choose again").
import { CallError, STORY_GONE } from '../contracts/call-result';
import type { StoryCategoriesView } from '../contracts/views';
import { categoriesKey } from '../formats/storage-schema';
import { db } from './db';
import type { Handler } from './handler-types';
import { curated, filingOptions } from './story-categories';
import { storyView } from './story-views';
import { writeForStory } from './story-writes';

export function categoryHandlers(): { 'story/set-categories': Handler<'story/set-categories'> } {
  return {
    async 'story/set-categories'({ storyId, categories }) {
      const database = await db();
      const story = await database.get('stories', storyId);
      if (!story) throw new CallError('not-found', STORY_GONE);
      // A curator's categories stand as written: the sidebar offers no choice for them.
      if (await curated(database, story)) throw new CallError('refused', 'the story is filed by its curator');
      const key = categoriesKey(storyId);
      if (categories === null) {
        await writeForStory(database, storyId, (userState) => userState.delete(key));
      } else {
        const known = new Set((await filingOptions(database, story)).map((o) => o.id));
        const unknown = categories.find((id) => !known.has(id));
        if (unknown !== undefined) throw new CallError('not-found', `unknown category '${unknown}'`);
        await writeForStory(database, storyId, (userState) => userState.put({ key, kind: 'categories', storyId, categories, at: new Date().toISOString() }));
      }
      const view = await storyView(database, storyId);
      if (!view) throw new CallError('not-found', STORY_GONE);
      const { categories: shown, categoryChoice, actions, heldBack } = view;
      return { categories: shown, ...(categoryChoice ? { categoryChoice } : {}), actions, ...(heldBack ? { heldBack } : {}) } satisfies StoryCategoriesView;
    },
  };
}
