// Splits a story's action steps into its own steps and the standing steps each category brings, so
// the categories section can link to "its" steps and the checklist can head each group.
import type { ActionView } from '../contracts/views';

export interface CategoryGroup {
  category: string;
  /** Fragment id of the group in the actions section. */
  anchor: string;
  actions: ActionView[];
}

export interface ActionGroups {
  own: ActionView[];
  byCategory: Map<string, CategoryGroup>;
}

export function groupActions(actions: readonly ActionView[]): ActionGroups {
  const own: ActionView[] = [];
  const byCategory = new Map<string, CategoryGroup>();
  for (const action of actions) {
    if (action.fromCategory === undefined) {
      own.push(action);
      continue;
    }
    let group = byCategory.get(action.fromCategory);
    if (!group) {
      // Category names are free text: number the anchors instead of slugging names into ids.
      group = { category: action.fromCategory, anchor: `steps-from-${byCategory.size + 1}`, actions: [] };
      byCategory.set(action.fromCategory, group);
    }
    group.actions.push(action);
  }
  return { own, byCategory };
}
