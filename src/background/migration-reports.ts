// The data half of migration 3: every article record of version 2 either moves into its story's
// record (a pack's report) or into `joinedReports` (a report reading history joined to a story).
// Raw requests with callbacks: the versionchange transaction may wait on nothing but its requests.

/** An article record as version 2 stored it. */
interface V2Article {
  id: string;
  storyId: string;
  packId: string;
  urlKey?: string;
  [field: string]: unknown;
}

/** The reserved pack id reading history's joined reports had in version 2. */
const V2_HISTORY_PACK = 'history';

/**
 * Writes every version 2 story again with its reports (in key order, the order version 2 listed
 * them in) and their URL keys, copies history's joined reports, then calls `done` (which drops the
 * old store). An article whose story is gone was unreachable and is not carried over.
 */
export function reportsIntoStories(stories: IDBObjectStore, articles: IDBObjectStore, joined: IDBObjectStore, done: () => void): void {
  const storyRequest = stories.getAll();
  const articleRequest = articles.getAll();
  // Requests complete in the order they were made: the stories are read when the articles are.
  articleRequest.onsuccess = () => {
    const byStory = new Map<string, V2Article[]>();
    for (const article of articleRequest.result as V2Article[]) {
      if (article.packId === V2_HISTORY_PACK) joined.put(article);
      else if (byStory.has(article.storyId)) byStory.get(article.storyId)?.push(article);
      else byStory.set(article.storyId, [article]);
    }
    for (const story of storyRequest.result as { id: string }[]) {
      const own = byStory.get(story.id) ?? [];
      const reports = own.map(({ storyId: _story, packId: _pack, ...report }) => report);
      const urlKeys = [...new Set(own.flatMap((a) => (a.urlKey === undefined ? [] : [a.urlKey])))];
      stories.put({ ...story, reports, urlKeys });
    }
    done();
  };
}
