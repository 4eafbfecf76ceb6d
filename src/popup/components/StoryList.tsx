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
}

/** A short list of stories one click from the sidebar (recently matched; followed; maybe related; most covered). */
export function StoryList({ name, title, note, stories, onOpen }: Props) {
  if (stories.length === 0) return null;
  return (
    <section class="recent" aria-labelledby={`${name}-title`} data-testid={name}>
      <h2 id={`${name}-title`} class="search-label">
        {t(title)}
      </h2>
      {note && <p class="list-note muted">{t(note)}</p>}
      <ul class="recent-list">
        {stories.map((story) => (
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
    </section>
  );
}
