// One feed story from its cluster: the members in time order, the earliest report as its lead
// (headline and summary), categories borrowed from the nearest labelled pack story. Kept apart
// from the clustering so how a feed story gets its categories, opinions and summary can change
// without touching how clusters are kept.
import type { Entry } from './feed-entries';
import type { FeedLabels } from './feed-labels';
import type { Category, Story } from './model';

export function byTime(a: Entry, b: Entry): number {
  return (a.ms ?? Infinity) - (b.ms ?? Infinity) || (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0);
}

/** The story of a cluster, and the category records its categories need; null for an empty cluster. */
export function storyFromCluster(storyId: string, members: readonly Entry[], labels: FeedLabels): { story: Story; categories: Category[] } | null {
  const sorted = [...members].sort(byTime);
  const lead = sorted.find((m) => m.article.kind === 'report') ?? sorted[0];
  if (!lead) return null;
  const label = labels.label(sorted);
  return {
    story: {
      id: storyId,
      title: lead.article.title,
      summary: lead.summary || lead.article.title,
      categories: label.categories,
      articles: sorted.map((m) => m.article),
      opinions: [],
      actions: [],
    },
    categories: label.records,
  };
}
