import { t } from '../../shared/i18n';
import { formatNumber } from '../../shared/format';
import type { ActionView } from '../../shared/views';
import type { ActionGroups } from '../action-groups';
import { useDoneState } from '../use-done-state';
import { ActionItem } from './ActionItem';
import { Section } from './Section';

interface Props {
  storyId: string;
  actions: readonly ActionView[];
  groups: ActionGroups;
}

export function ActionsSection({ storyId, actions, groups }: Props) {
  const state = useDoneState(storyId);
  const doneCount = actions.filter((a) => state.isDone(a)).length;
  const list = (items: readonly ActionView[]) => (
    <ul class="checklist">
      {items.map((action) => (
        <ActionItem
          key={action.id}
          action={action}
          done={state.isDone(action)}
          onToggle={(done) => state.setDone(action, done)}
        />
      ))}
    </ul>
  );
  // Subheadings only help when the story's own steps and category steps are mixed.
  const headed = groups.byCategory.size > 0;

  return (
    <Section name="actions" title={t('actionsTitle')}>
      {actions.length === 0 ? (
        <p class="empty">{t('actionsEmpty')}</p>
      ) : (
        <>
          <div class="progress">
            <p class="progress-text" data-testid="action-progress">
              {t('actionProgress', [formatNumber(doneCount), formatNumber(actions.length)])}
            </p>
            <div class="progress-bar" aria-hidden="true">
              <span style={{ inlineSize: `${(doneCount / actions.length) * 100}%` }} />
            </div>
          </div>
          {groups.own.length > 0 && (
            <>
              {headed && <h3 class="group-title">{t('actionsOwn')}</h3>}
              {list(groups.own)}
            </>
          )}
          {[...groups.byCategory.values()].map((group) => (
            <div key={group.anchor} class="action-group">
              <h3 class="group-title" id={group.anchor} tabIndex={-1}>
                {t('actionsFromCategory', group.category)}
              </h3>
              {list(group.actions)}
            </div>
          ))}
        </>
      )}
      <p class="status-line" role="status">
        {state.error ?? ''}
      </p>
    </Section>
  );
}
