import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, uiLocale } from '../../shared/i18n';
import { formatCount } from '../../shared/format';
import { MAX_CHOSEN_CATEGORIES } from '../../formats/reader-data';
import type { CategoryView, StoryView } from '../../contracts/views';
import type { CategoryGroup } from '../action-groups';
import type { CategoryChoiceState } from '../use-category-choice';
import { BusyButton } from '../../ui/busy-button';
import { Section } from './Section';

interface Props {
  categories: StoryView['categories'];
  /** Present when the reader may file the story (no curator did). */
  choice?: StoryView['categoryChoice'];
  /** Standing-action groups by category name, so each category can point at its own steps. */
  groups: ReadonlyMap<string, CategoryGroup>;
  filing?: Pick<CategoryChoiceState, 'choose' | 'busy' | 'status'>;
}

/** "senate, ballot, voters": the words are evidence side by side, not a sentence ("and"). */
function wordList(words: readonly string[]): string {
  return new Intl.ListFormat(uiLocale(), { style: 'short', type: 'unit' }).format(words);
}

function Why({ category }: { category: CategoryView }) {
  if (!category.why || category.why.length === 0) return null;
  return (
    <p class="category-why" data-testid="category-why">
      {t('categoryWhy', wordList(category.why))}
    </p>
  );
}

export function CategoriesSection({ categories, choice, groups, filing }: Props) {
  const ids = categories.map((c) => c.id);
  const edit = choice && filing ? { choice, filing } : null;
  const choose = (next: string[] | null): void => filing?.choose(next);
  // Categories the classifier gave (no curator chose any) say so, and say why; the reader's say so too.
  const aside = choice?.byReader ? t('categoriesChosen') : categories.some((c) => c.why !== undefined) ? t('categoriesClassified') : undefined;
  // The background offers some only for a story given none that the reader has not filed.
  const suggested = choice?.suggested ?? [];
  // A change removes the button that made it (a category's ×, an offer's Add, "Let Storyline
  // choose"), or leaves it with nothing to do ("File it", its category filed): focus would fall to
  // the page's body, so keyboard and screen-reader users are brought back to the filing controls.
  // While the change is under way the buttons are busy, not disabled (busy-button.tsx): one that
  // stays (the change failed) keeps the focus.
  const filingRef = useRef<HTMLDivElement>(null);
  const status = filing?.status;
  useEffect(() => {
    const active = document.activeElement;
    if (!status || (active && active !== document.body && !active.matches(':disabled'))) return;
    filingRef.current?.querySelector<HTMLElement>('select, button')?.focus();
  }, [status]);
  return (
    <Section name="categories" title={t('categoriesTitle')} {...(aside ? { aside } : {})}>
      {categories.length === 0 && suggested.length === 0 && <p class="empty">{t(choice?.byReader ? 'categoriesNoneChosen' : 'categoriesEmpty')}</p>}
      {categories.length > 0 && (
        <ul class="category-list">
          {categories.map((category) => {
            const group = groups.get(category.name);
            return (
              <li key={category.id} class="category" data-category={category.id}>
                <span class="category-name">{category.name}</span>
                <span class="category-end">
                  {group ? (
                    <a class="category-link" href={`#${group.anchor}`} aria-label={formatCount('categoryStepsOf', group.actions.length, [category.name])}>
                      {formatCount('categorySteps', group.actions.length)}
                    </a>
                  ) : (
                    <span class="category-note">{t('categoryNoSteps')}</span>
                  )}
                  {edit && (
                    <BusyButton
                      type="button"
                      class="icon-button category-remove"
                      data-testid="category-remove"
                      aria-label={t('categoryRemoveLabel', category.name)}
                      title={t('categoryRemoveLabel', category.name)}
                      busy={edit.filing.busy}
                      onClick={() => choose(ids.filter((id) => id !== category.id))}
                    >
                      <span aria-hidden="true">×</span>
                    </BusyButton>
                  )}
                </span>
                <Why category={category} />
              </li>
            );
          })}
        </ul>
      )}
      {suggested.length > 0 && (
        <>
          <p class="category-unsure">{t('categoriesUnsure')}</p>
          <ul class="category-list is-suggested">
            {suggested.map((category) => (
              <li key={category.id} class="category" data-suggested-category={category.id}>
                <span class="category-name">{category.name}</span>
                {edit && (
                  <BusyButton
                    type="button"
                    class="button category-add"
                    data-testid="category-add"
                    aria-label={t('categoryAddLabel', category.name)}
                    busy={edit.filing.busy}
                    onClick={() => choose([category.id])}
                  >
                    {t('categoryAdd')}
                  </BusyButton>
                )}
                <Why category={category} />
              </li>
            ))}
          </ul>
        </>
      )}
      {edit && (
        <Filing
          containerRef={filingRef}
          options={edit.choice.options.filter((o) => !ids.includes(o.id))}
          full={ids.length >= MAX_CHOSEN_CATEGORIES}
          byReader={edit.choice.byReader}
          busy={edit.filing.busy}
          onAdd={(id) => choose([...ids, id])}
          onReset={() => choose(null)}
        />
      )}
      {filing && (
        <p class={filing.status?.failed ? 'status-line' : 'status-line is-calm'} role="status">
          {filing.status?.text ?? ''}
        </p>
      )}
    </Section>
  );
}

interface FilingProps {
  containerRef: RefObject<HTMLDivElement | null>;
  options: { id: string; name: string }[];
  full: boolean;
  byReader: boolean;
  busy: boolean;
  onAdd(id: string): void;
  onReset(): void;
}

/** Every category the story can be filed under, and the way back to Storyline's own choice. */
function Filing({ containerRef, options, full, byReader, busy, onAdd, onReset }: FilingProps) {
  const [picked, setPicked] = useState('');
  const valid = options.some((o) => o.id === picked);
  // The choice stays while it is being filed (should that fail, it is still there to file), and is
  // let go once the story is filed under it: it is no longer offered.
  useEffect(() => {
    if (picked && !valid) setPicked('');
  }, [picked, valid]);
  return (
    <div class="category-filing" ref={containerRef}>
      {!full && options.length > 0 && (
        <form
          class="category-pick"
          onSubmit={(e) => {
            e.preventDefault();
            // Enter in the list while a change is under way does not send it again.
            if (!valid || busy) return;
            onAdd(picked);
          }}
        >
          <label for="category-pick">{t('categoryPick')}</label>
          <select id="category-pick" data-testid="category-pick" value={valid ? picked : ''} onChange={(e) => setPicked(e.currentTarget.value)}>
            <option value="">{t('categoryPickNone')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          {/* Disabled with no choice made; only busy while the choice is being filed. */}
          <BusyButton type="submit" class="button" data-testid="category-pick-add" busy={busy} disabled={!valid}>
            {t('categoryPickAdd')}
          </BusyButton>
        </form>
      )}
      {byReader && (
        <BusyButton type="button" class="link-button" data-testid="categories-reset" busy={busy} onClick={onReset}>
          {t('categoriesReset')}
        </BusyButton>
      )}
    </div>
  );
}
