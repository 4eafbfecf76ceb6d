import { useState } from 'preact/hooks';
import type { StoryView } from '../../contracts/views';
import { groupActions } from '../action-groups';
import { OfficialsProvider } from '../officials-context';
import { ActionsSection } from './ActionsSection';
import { CategoriesSection } from './CategoriesSection';
import { CoverageSection } from './CoverageSection';
import { OpinionsSection } from './OpinionsSection';
import type { ReplaceView } from './PageAnswer';
import { StoryHeader } from './StoryHeader';
import { useCategoryChoice } from '../use-category-choice';

/** A story in full: header, then categories, coverage, opinions and actions, in that order. */
export function StoryPage({ story: given, onReplace }: { story: StoryView; onReplace?: ReplaceView | undefined }) {
  // The reader may file a story no curator filed; its steps follow at once.
  const filing = useCategoryChoice(given);
  const { story } = filing;
  // Steps held back for being another country's join the checklist when the reader asks, for this story.
  const [heldShownFor, setHeldShownFor] = useState<string | null>(null);
  const heldShown = heldShownFor === story.id && story.heldBack !== undefined;
  const actions = heldShown && story.heldBack ? [...story.actions, ...story.heldBack.actions] : story.actions;
  const groups = groupActions(actions);
  // In the order the checklist shows them: the first contact step asks for the reader's place.
  const shown = [...groups.own, ...[...groups.byCategory.values()].flatMap((g) => g.actions)];
  const firstContact = shown.find((a) => a.kind === 'contact-official')?.id ?? null;
  const canFile = story.categoryChoice !== undefined && story.categories.length === 0;
  const closest = story.categoryChoice?.suggested[0];
  return (
    <OfficialsProvider story={story} firstContactId={firstContact}>
      <article class="story">
        <StoryHeader story={story} onReplace={onReplace} />
        <CategoriesSection categories={story.categories} groups={groups.byCategory} {...(story.categoryChoice ? { choice: story.categoryChoice } : {})} filing={filing} />
        <CoverageSection reports={story.reports} />
        <OpinionsSection opinions={story.opinions} {...(story.opinionSources === undefined ? {} : { sources: story.opinionSources })} readingOne={story.reports.some((r) => r.current && r.kind !== 'report')} />
        {/* Keyed by story, so ticks made on one story never carry over to the next one shown. */}
        <ActionsSection
          key={story.id}
          storyId={story.id}
          actions={actions}
          groups={groups}
          canFile={canFile}
          closest={canFile && closest ? { name: closest.name, file: () => filing.choose([closest.id]), busy: filing.busy } : undefined}
          held={story.heldBack && { steps: story.heldBack, shown: heldShown, onToggle: () => setHeldShownFor(heldShown ? null : story.id) }}
        />
      </article>
    </OfficialsProvider>
  );
}
