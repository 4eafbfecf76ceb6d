import { t, uiLocale } from '../../shared/i18n';
import { formatCount } from '../../shared/format';
import type { StoryView } from '../../contracts/views';
import type { CategoryGroup } from '../action-groups';
import { Section } from './Section';

interface Props {
  categories: StoryView['categories'];
  /** Standing-action groups by category name, so each category can point at its own steps. */
  groups: ReadonlyMap<string, CategoryGroup>;
}

/** "senate, ballot, voters": the words are evidence side by side, not a sentence ("and"). */
function wordList(words: readonly string[]): string {
  return new Intl.ListFormat(uiLocale(), { style: 'short', type: 'unit' }).format(words);
}

export function CategoriesSection({ categories, groups }: Props) {
  // Categories the classifier gave (no curator chose any) say so, and say why.
  const classified = categories.some((c) => c.why !== undefined);
  return (
    <Section name="categories" title={t('categoriesTitle')} {...(classified ? { aside: t('categoriesClassified') } : {})}>
      {categories.length === 0 ? (
        <p class="empty">{t('categoriesEmpty')}</p>
      ) : (
        <ul class="category-list">
          {categories.map((category) => {
            const group = groups.get(category.name);
            return (
              <li key={category.id} class="category" data-category={category.id}>
                <span class="category-name">{category.name}</span>
                {group ? (
                  <a class="category-link" href={`#${group.anchor}`}>
                    {formatCount('categorySteps', group.actions.length)}
                  </a>
                ) : (
                  <span class="category-note">{t('categoryNoSteps')}</span>
                )}
                {category.why && category.why.length > 0 && (
                  <p class="category-why" data-testid="category-why">
                    {t('categoryWhy', wordList(category.why))}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
