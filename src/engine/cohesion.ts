// How well an article sits with a story as a whole: the mean TF-IDF cosine between it and the
// story's members. The stream clusterer joins an article to the story it matches best, and that
// match reads the members closest to it (overlap.ts), so a story can grow from one event into the
// next of the same topic through members that each resemble the one before (a booster
// recommendation, then the rollout, in a reader's crowded 30-day window). An article that matches
// a story only through such a bridge sits poorly with its members on average; it starts its own
// story instead (StreamClusterer, STREAM_COHESION).
import type { DocFeatures } from './features';
import type { StoryIndex } from './story-index';
import type { StoryEntry } from './story-entry';
import { memberCosine } from './overlap';
import { queryScratch, releaseQueryScratch } from './query-weights';

/** The latest members read: bounds the cost on a very large story. */
const MAX_MEMBERS = 200;

export function meanMemberCosine(index: StoryIndex, story: StoryEntry, features: DocFeatures): number {
  const { vocab } = index;
  const { weightOf } = queryScratch(vocab.terms.length);
  const ids: number[] = [];
  let q2 = 0;
  for (const [term, w] of features.terms) {
    const id = vocab.id(term);
    const x = w * vocab.idf(id);
    // A term no stored article has still counts in the norm: it is something no member says.
    q2 += x * x;
    if (id !== undefined) {
      ids.push(id);
      weightOf[id] = x;
    }
  }
  try {
    if (q2 === 0 || story.docs.size === 0) return 0;
    const qNorm = Math.sqrt(q2);
    let sum = 0;
    let n = 0;
    let skip = story.docs.size - MAX_MEMBERS;
    for (const d of story.docs) {
      if (skip-- > 0) continue;
      sum += memberCosine(index, d, weightOf, qNorm);
      n++;
    }
    return sum / n;
  } finally {
    releaseQueryScratch({ ids, weights: [] }, []);
  }
}
