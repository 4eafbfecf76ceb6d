// Free-text search over stored stories (selected text, a link's text, the popup's search box), and
// the listing of any ranked stories as the sidebar shows them.
import type { IDBPDatabase } from 'idb';
import type { StorylineDB } from '../formats/storage-schema';
import type { SearchHit } from '../contracts/views';
import type { MatchCandidate } from '../engine';
import { storyIndex } from './matcher';
import { reportCount } from './story-reports';

const SEARCH_LIMIT = 8;

export async function searchStories(database: IDBPDatabase<StorylineDB>, query: string): Promise<SearchHit[]> {
  if (!query.trim()) return [];
  return storyHits(database, (await storyIndex()).search(query, SEARCH_LIMIT));
}

/** The candidates whose stories still exist, as the sidebar lists them (search hits; a page's "maybe related"). */
export async function storyHits(database: IDBPDatabase<StorylineDB>, candidates: readonly MatchCandidate[]): Promise<SearchHit[]> {
  const hits: SearchHit[] = [];
  for (const candidate of candidates) {
    const story = await database.get('stories', candidate.storyId);
    if (!story) continue;
    hits.push({
      storyId: story.id,
      title: story.title,
      summary: story.summary,
      reportCount: await reportCount(database, story),
      score: candidate.score,
      shared: candidate.shared,
    });
  }
  return hits;
}
