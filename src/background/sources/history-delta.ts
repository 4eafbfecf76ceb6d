// History joins after stories changed in place (a feed refreshed, added or removed), in proportion
// to the change rather than to the whole history: joins to stories that are gone are dropped and
// those reads matched again; a read that joined nothing is matched again only when it shares a
// term with a story that changed (without one, the change cannot give it a match).
import type { IDBPDatabase } from 'idb';
import { docTerms, type StoryIndex } from '../../engine';
import type { HistoryRecord, StorylineDB } from '../../formats/storage-schema';
import type { StoryDelta } from '../story-delta';
import { matchAgain } from './history';

type Database = IDBPDatabase<StorylineDB>;

/** Each read's terms, kept while the worker lives: reads are matched against every change. */
const termCache = new Map<string, { readAt: string; terms: string[] }>();

function termsOf(h: HistoryRecord): string[] {
  const cached = termCache.get(h.pageKey);
  if (cached?.readAt === h.readAt) return cached.terms;
  const terms = docTerms({ title: h.title, text: h.text || null });
  termCache.set(h.pageKey, { readAt: h.readAt, terms });
  return terms;
}

export async function rejoinAfterDelta(database: Database, index: StoryIndex, delta: Pick<StoryDelta, 'written' | 'deleted'>): Promise<void> {
  const stored = new Set((await database.getAllKeys('stories')).map(String));
  const history = await database.getAll('history');
  // A later change may have stored a deleted id again (a split restored it): that story keeps its joins.
  const gone = new Set(delta.deleted.filter((id) => !stored.has(id)));
  // Reads joined to a story that went in an earlier change whose rejoin never ran (it is queued in
  // memory: a worker stopped, or the browser closed, before it ran) are matched again now too.
  for (const h of history) if (h.storyId !== null && !stored.has(h.storyId)) gone.add(h.storyId);
  for (const id of gone) {
    for (const joined of await database.getAllFromIndex('joinedReports', 'byStory', id)) {
      await database.delete('joinedReports', joined.id);
      index.removeArticle(joined.id);
    }
  }
  // A page read before a feed carried it is now that feed's report: its copy would list it twice.
  const written = new Set(delta.written.flatMap((story) => story.urlKeys));
  for (const joined of written.size > 0 ? await database.getAll('joinedReports') : []) {
    if (joined.urlKey === undefined || !written.has(joined.urlKey)) continue;
    await database.delete('joinedReports', joined.id);
    index.removeArticle(joined.id);
  }
  const changed = new Set(delta.written.map((s) => s.id));
  if (gone.size === 0 && changed.size === 0) return;
  const seen = new Set<string>();
  for (const h of history) {
    seen.add(h.pageKey);
    const stale = h.storyId !== null && gone.has(h.storyId);
    if (stale || (h.storyId === null && index.sharesTermWith(termsOf(h), changed))) await matchAgain(database, index, h);
  }
  for (const key of termCache.keys()) if (!seen.has(key)) termCache.delete(key);
}
