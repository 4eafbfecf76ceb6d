// The reader files the story shown: each change is saved by the background, which answers the
// story's categories and steps as they now stand; the page shows them at once. The answer is tied
// to the view it changed, so when another view of the story (or another story) arrives, that one
// is shown as it comes: it was built from what was saved.
import { useState } from 'preact/hooks';
import type { StoryCategoriesView, StoryView } from '../contracts/views';
import { t, uiLocale } from '../shared/i18n';
import { useCall } from './api';

export interface CategoryChoiceState {
  /** The story with the reader's latest change applied. */
  story: StoryView;
  /** Saves the reader's categories (scoped ids); null lets Storyline choose again. */
  choose(categories: string[] | null): void;
  busy: boolean;
  /** What the last change did, for a polite live region; `failed` when it was not saved. */
  status: { text: string; failed: boolean } | null;
}

function withPart(story: StoryView, part: StoryCategoriesView): StoryView {
  const { categoryChoice: _replaced, heldBack: _held, ...rest } = story;
  return { ...rest, ...part };
}

export function useCategoryChoice(given: StoryView): CategoryChoiceState {
  const call = useCall();
  const [edit, setEdit] = useState<{ from: StoryView; part: StoryCategoriesView | null; status: CategoryChoiceState['status'] } | null>(null);
  const [busy, setBusy] = useState(false);
  const current = edit?.from === given ? edit : null;
  const story = current?.part ? withPart(given, current.part) : given;

  const choose = (categories: string[] | null): void => {
    setBusy(true);
    call('story/set-categories', { storyId: given.id, categories })
      .then((part) => {
        const names = part.categories.map((c) => c.name);
        const text = names.length ? t('categoriesSaved', new Intl.ListFormat(uiLocale()).format(names)) : t('categoriesSavedNone');
        setEdit({ from: given, part, status: { text, failed: false } });
      })
      .catch(() => setEdit({ from: given, part: current?.part ?? null, status: { text: t('categoriesSaveFailed'), failed: true } }))
      .finally(() => setBusy(false));
  };

  return { story, choose, busy, status: current?.status ?? null };
}
