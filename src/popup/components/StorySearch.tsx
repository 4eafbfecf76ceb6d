import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TargetedKeyboardEvent } from 'preact';
import { t } from '../../shared/i18n';
import { formatCount } from '../../shared/format';
import { StorySearchBox } from '../../ui/story-search-box';
import type { PopupDeps } from '../deps';
import { searchHits, searchStatusText, useStorySearch } from '../../ui/use-story-search';
import { markScrollEdges } from '../scroll-edges';

/**
 * Up to this many hits the list shows whole, an opened summary with them; a longer list scrolls in
 * a box of its own (popup.css), so the stories listed below the search stay in reach.
 */
const SHOWN_WHOLE = 3;

/**
 * Arrow keys move between the hit buttons (and back up to the box); Enter or Space opens a summary.
 * From inside an opened summary ("Open in sidebar"), down is the next hit and up its own.
 */
function moveFocus(list: HTMLElement, input: HTMLInputElement | null, event: KeyboardEvent): void {
  const buttons = [...list.querySelectorAll<HTMLButtonElement>('button.hit')];
  const from = event.target as HTMLElement;
  const index = buttons.findIndex((hit) => hit.parentElement?.contains(from));
  const onHit = buttons[index] === from;
  const target = {
    ArrowDown: buttons[Math.min(index + 1, buttons.length - 1)],
    ArrowUp: !onHit ? buttons[index] : index <= 0 ? input : buttons[index - 1],
    Home: buttons[0],
    End: buttons[buttons.length - 1],
    Escape: input,
  }[event.key];
  if (target) {
    event.preventDefault();
    target.focus();
  }
}

export function StorySearch({ call, onOpen }: { call: PopupDeps['call']; onOpen?: (storyId: string) => void }) {
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<string | null>(null);
  const state = useStorySearch(call, query);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const inputId = useId();
  const statusId = useId();
  const hits = searchHits(state);
  const sectionRef = useRef<HTMLElement>(null);
  const listed = hits.length > 0;

  // Whatever changed what the list holds (other hits, a summary opened or closed), its edges say
  // again whether more of it lies beyond them.
  useLayoutEffect(() => {
    if (listRef.current) markScrollEdges(listRef.current);
  });
  // The first hits of a search are brought into view: on a matched page the search sits under the
  // story and the site's switches, and its hits began below the popup's bottom edge (about 570px
  // down a 560px popup), so typing seemed to do nothing.
  useLayoutEffect(() => {
    if (listed) sectionRef.current?.scrollIntoView({ block: 'start' });
  }, [listed]);
  // A summary opened is brought into view whole: in the list's box, and in the popup when that scrolls.
  useLayoutEffect(() => {
    if (expanded) listRef.current?.querySelector('button.hit[aria-expanded="true"]')?.parentElement?.scrollIntoView({ block: 'nearest' });
  }, [expanded]);

  const onInputKey = (event: TargetedKeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'ArrowDown') return;
    const first = listRef.current?.querySelector<HTMLButtonElement>('button.hit');
    if (first) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <section ref={sectionRef} class="search" aria-labelledby={`${inputId}-label`}>
      <label id={`${inputId}-label`} for={inputId} class="search-label">
        {t('searchStoredLabel')}
      </label>
      <StorySearchBox id={inputId} inputRef={inputRef} class="search-input" testId="search" describedBy={statusId} value={query} onQuery={setQuery} onKeyDown={onInputKey} />
      <p id={statusId} class="search-status" role="status">
        {searchStatusText(state)}
      </p>
      <ul
        ref={listRef}
        class={hits.length > SHOWN_WHOLE ? 'hits scrolls' : 'hits'}
        data-testid="search-results"
        hidden={hits.length === 0}
        onKeyDown={(event) => listRef.current && moveFocus(listRef.current, inputRef.current, event)}
        onScroll={(event) => markScrollEdges(event.currentTarget)}
      >
        {hits.map((hit) => {
          const open = expanded === hit.storyId;
          return (
            <li key={hit.storyId} class="hit-item">
              <button
                type="button"
                class="hit"
                aria-expanded={open}
                onClick={() => setExpanded(open ? null : hit.storyId)}
              >
                <span class="hit-title" dir="auto">{hit.title}</span>
                <span class="hit-meta">{formatCount('reportCount', hit.reportCount)}</span>
              </button>
              {open && (
                <div class="hit-summary">
                  <p dir="auto">{hit.summary}</p>
                  {onOpen && (
                    <button type="button" class="button" data-testid="open-story" onClick={() => onOpen(hit.storyId)}>
                      {t('openInSidebar')}
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
