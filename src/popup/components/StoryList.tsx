import { useRef, useState } from 'preact/hooks';
import { formatCount } from '../../shared/format';
import { t, type MessageKey } from '../../shared/i18n';

export interface ListedStory {
  id: string;
  title: string;
  /** One short line under the title (report count, what is new). */
  meta: string;
  /** Something new to see: the meta line is emphasised. */
  fresh?: boolean;
}

interface Props {
  name: 'recent' | 'followed' | 'maybe' | 'top';
  title: MessageKey;
  /** A line under the heading: what the list is, where the heading alone could mislead. */
  note?: MessageKey;
  stories: ListedStory[];
  /** Opens a story in the tab's sidebar; absent when the tab cannot show one. */
  onOpen?: (storyId: string) => void;
  /** Shows the first this many, and a button for the rest (a list the reader makes grow, such as the followed). */
  first?: number;
}

/** A short list of stories one click from the sidebar (recently matched; followed; maybe related; most covered). */
export function StoryList({ name, title, note, stories, onOpen, first = Infinity }: Props) {
  const [all, setAll] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  if (stories.length === 0) return null;
  const cut = !all && stories.length > first;
  const shown = cut ? stories.slice(0, first) : stories;
  const showAll = (): void => {
    setAll(true);
    // The button goes: the focus moves to the first story it brought.
    queueMicrotask(() => listRef.current?.querySelectorAll<HTMLElement>('li > .hit')[first]?.focus());
  };
  return (
    <section class="recent" aria-labelledby={`${name}-title`} data-testid={name}>
      <h2 id={`${name}-title`} class="search-label">
        {t(title)}
      </h2>
      {note && <p class="list-note muted">{t(note)}</p>}
      <ul class="recent-list" ref={listRef}>
        {shown.map((story) => (
          <li key={story.id} data-story={story.id}>
            {onOpen ? (
              <button type="button" class="hit" onClick={() => onOpen(story.id)}>
                <span class="hit-title" dir="auto">{story.title}</span>
                <span class={story.fresh ? 'hit-meta is-fresh' : 'hit-meta'}>{story.meta}</span>
              </button>
            ) : (
              <p class="hit">
                <span class="hit-title" dir="auto">{story.title}</span>
                <span class={story.fresh ? 'hit-meta is-fresh' : 'hit-meta'}>{story.meta}</span>
              </p>
            )}
          </li>
        ))}
      </ul>
      {cut && (
        <button type="button" class="button list-more" data-testid={`${name}-all`} onClick={showAll}>
          {formatCount('showAllStories', stories.length)}
        </button>
      )}
    </section>
  );
}
