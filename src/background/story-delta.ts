// A change to stored stories made in place (the feeds pack after one feed changed), and how the
// engine's live index follows it: the changed stories' reports move, join or leave, and the
// thousands of other stories stay as they are, with no rebuild from every stored report.
import type { StoryIndex } from '../engine';
import { articleDoc } from './page-doc';
import type { StoryRecord } from '../formats/storage-schema';
import { ownReports } from './story-reports';

export { articleDoc };

export interface StoryDelta {
  /** Stories written (new, or stored differently), with their reports. */
  written: StoryRecord[];
  /** Ids of stories no longer stored. */
  deleted: string[];
  /** Ids of reports that left every story. */
  removedReports: string[];
  /** Ids of reports that read differently (or are new): indexed again even where they stay. */
  changedReports: string[];
}

/**
 * A change in place as its writer hands it over: the delta once the change is queued in its
 * transaction, and the commit still to come. The index takes the delta while the disk commits
 * (the wait was a tenth of a 100-source refresh); a later read of a changed story waits for the
 * commit anyway (IndexedDB runs transactions over the same stores in the order they were made).
 */
export interface StoryChange {
  delta: StoryDelta;
  /** Resolves once the change is stored; rejects (with the reason) when it is not. */
  stored: Promise<void>;
}

/**
 * Applies the delta to an index built from the stored data as it was before. Idempotent, so an
 * index that was rebuilt from the data after the change (a load racing the write) stays right.
 */
export function applyStoryDelta(index: StoryIndex, delta: StoryDelta): void {
  // A gone story's joined history reports go with it; rejoining them is the history's task.
  for (const id of delta.deleted) index.removeStory(id);
  for (const id of delta.removedReports) index.removeArticle(id);
  const changed = new Set(delta.changedReports);
  for (const story of delta.written) {
    for (const report of ownReports(story)) {
      if (index.storyOf(report.id) === story.id && !changed.has(report.id)) continue;
      index.addArticle(story.id, articleDoc(report));
    }
  }
}
