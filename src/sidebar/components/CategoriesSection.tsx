import { t } from '../../shared/i18n';
import { formatCount } from '../../shared/format';
import type { StoryView } from '../../shared/views';
import type { CategoryGroup } from '../action-groups';
import { Section } from './Section';

interface Props {
  categories: StoryView['categories'];
  /** Standing-action groups by category name, so each category can point at its own steps. */
  groups: ReadonlyMap<string, CategoryGroup>;
}

export function CategoriesSection({ categories, groups }: Props) {
  return (
    <Section name="categories" title={t('categoriesTitle')}>
      {categories.length === 0 ? (
        <p class="empty">{t('categoriesEmpty')}</p>
      ) : (
        <ul class="category-list">
          {categories.map((category) => {
            const group = groups.get(category.name);
            return (
              <li key={category.id} class="category">
                <span class="category-name">{category.name}</span>
                {group ? (
                  <a class="category-link" href={`#${group.anchor}`}>
                    {formatCount('categorySteps', group.actions.length)}
                  </a>
                ) : (
                  <span class="category-note">{t('categoryNoSteps')}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
