import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { formatCount, formatCountryInSentence, formatList, formatNumber } from '../../shared/format';
import type { ActionView, HeldBackSteps } from '../../contracts/views';
import type { ActionGroups, CategoryGroup } from '../action-groups';
import { useDoneState } from '../use-done-state';
import { ActionItem } from './ActionItem';
import { BusyButton } from '../../ui/busy-button';
import { Section } from './Section';

/**
 * Up to this many steps in all, every group is shown open. Past it (a story in three categories
 * brings 15 or more standing steps, several of them alike), each category's group starts closed
 * under a heading with its progress, and the reader opens the ones they came for.
 */
export const OPEN_GROUPS_UP_TO = 8;

/** `current` with `anchor` open (`to`) or closed; the same set when nothing changes. */
function withGroup(current: ReadonlySet<string>, anchor: string, to: boolean): ReadonlySet<string> {
  if (current.has(anchor) === to) return current;
  const next = new Set(current);
  if (to) next.add(anchor);
  else next.delete(anchor);
  return next;
}

interface Props {
  storyId: string;
  actions: readonly ActionView[];
  groups: ActionGroups;
  /** The story has no category and the reader may file it: the empty list says how steps come. */
  canFile?: boolean;
  /**
   * The category such a story comes closest to (offered in the Categories section): filed there in
   * one press from here, where a reader looking for steps is, rather than up in that section.
   */
  closest?: { name: string; file(): void; busy: boolean } | undefined;
  /** Steps held back for being another country's, with whether the reader asked to see them. */
  held?: { steps: HeldBackSteps; shown: boolean; onToggle(): void } | undefined;
}

/** Says which steps were held back and why, with the one button that shows or hides them. */
function HeldBackNote({ steps, shown, onToggle }: NonNullable<Props['held']>) {
  const count = steps.actions.length;
  const countries = formatList(steps.countries.map((code) => formatCountryInSentence(code)));
  const text = shown
    ? formatCount('actionsHeldBackShown', count, [countries])
    : steps.about
      ? formatCount('actionsHeldBack', count, [countries, formatCountryInSentence(steps.about)])
      : formatCount('actionsHeldBackAbroad', count, [countries]);
  return (
    <p class="actions-held" data-testid="actions-held-back">
      {text}{' '}
      {/* One button whose words change, so the focus stays on it. */}
      <button type="button" class="link-button" aria-expanded={shown} onClick={onToggle}>
        {t(shown ? 'actionsHideHeldBack' : 'actionsShowHeldBack')}
      </button>
    </p>
  );
}

interface GroupProps {
  group: CategoryGroup;
  open: boolean;
  done: number;
  onToggle(): void;
  children: ComponentChildren;
}

/** A category's standing steps under a heading that opens and closes them (a disclosure button). */
function CategoryGroupView({ group, open, done, onToggle, children }: GroupProps) {
  const listId = useId();
  return (
    <div class={open ? 'action-group is-open' : 'action-group'}>
      {/* The heading keeps the anchor the categories section links to. */}
      <h3 class="group-title" id={group.anchor} tabIndex={-1}>
        <button type="button" class="group-toggle" aria-expanded={open} aria-controls={listId} onClick={onToggle}>
          <span class="group-name">{t('actionsFromCategory', group.category)}</span>
          <span class="group-progress">{t('actionProgress', [formatNumber(done), formatNumber(group.actions.length)])}</span>
        </button>
      </h3>
      <div id={listId} hidden={!open}>
        {children}
      </div>
    </div>
  );
}

/** Focuses the Categories section's list of categories, where a story is filed (CategoriesSection). */
function chooseCategory(): void {
  // Focusing it scrolls it into view.
  document.getElementById('category-pick')?.focus();
}

export function ActionsSection({ storyId, actions, groups, canFile = false, closest, held }: Props) {
  const state = useDoneState(storyId);
  const doneCount = actions.filter((a) => state.isDone(a)).length;
  const anchors = [...groups.byCategory.values()].map((g) => g.anchor);
  // Keyed by story (StoryPage), so each story starts from this choice.
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(actions.length <= OPEN_GROUPS_UP_TO ? anchors : []));

  // Following a category's "6 steps" link (categories section) opens the group it points
  // to. Listened for on the document, since the link lives in another section; a click, not
  // `hashchange`, so a second visit to a group the reader closed opens it again.
  const anchorKey = anchors.join(' ');
  useEffect(() => {
    const known = new Set(anchorKey.split(' '));
    const onClick = (event: MouseEvent): void => {
      const href = event.target instanceof Element ? event.target.closest('a')?.getAttribute('href') : null;
      const anchor = href?.startsWith('#') ? href.slice(1) : '';
      if (known.has(anchor)) setOpen((current) => withGroup(current, anchor, true));
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [anchorKey]);

  // Held-back steps the reader asked for are opened where they land, or the press shows nothing.
  const heldShown = held?.shown ? held.steps.actions.map((a) => a.id).join(' ') : '';
  useEffect(() => {
    if (!heldShown) return;
    const ids = new Set(heldShown.split(' '));
    const landed = [...groups.byCategory.values()].filter((g) => g.actions.some((a) => ids.has(a.id))).map((g) => g.anchor);
    setOpen((current) => landed.reduce((set, anchor) => withGroup(set, anchor, true), current));
    // Only when the reader shows them: `groups` is new at every render.
  }, [heldShown]);

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
      {actions.length === 0 && canFile ? (
        // Steps come with categories: the way to them is the list in the Categories section.
        <>
          <p class="empty">
            {t('actionsEmptyFile')}{' '}
            <button type="button" class="link-button" data-testid="actions-choose-category" onClick={chooseCategory}>
              {t('categoryPickNone')}
            </button>
          </p>
          {closest && (
            <p class="actions-closest">
              {t('actionsClosest', closest.name)}{' '}
              <BusyButton type="button" class="button" data-testid="actions-file-closest" busy={closest.busy} onClick={closest.file}>
                {t('actionsFileClosest')}
              </BusyButton>
            </p>
          )}
        </>
      ) : actions.length === 0 ? (
        !held && <p class="empty">{t('actionsEmpty')}</p>
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
            <CategoryGroupView
              key={group.anchor}
              group={group}
              open={open.has(group.anchor)}
              done={group.actions.filter((a) => state.isDone(a)).length}
              onToggle={() => setOpen((current) => withGroup(current, group.anchor, !current.has(group.anchor)))}
            >
              {list(group.actions)}
            </CategoryGroupView>
          ))}
        </>
      )}
      {held && <HeldBackNote {...held} />}
      <p class="status-line" role="status">
        {state.error ?? ''}
      </p>
    </Section>
  );
}
