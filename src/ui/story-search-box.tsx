import type { RefObject, TargetedKeyboardEvent } from 'preact';
import { MAX_QUERY_TEXT } from '../contracts/messages';
import { t } from '../shared/i18n';

interface Props {
  id: string;
  class: string;
  testId: string;
  /** The status line the search's outcome is read from. */
  describedBy: string;
  value: string;
  onQuery(query: string): void;
  onKeyDown?: (event: TargetedKeyboardEvent<HTMLInputElement>) => void;
  inputRef?: RefObject<HTMLInputElement | null>;
}

/**
 * The box of a search of the stored stories, the same field in the popup and the sidebar: words,
 * names or a pasted headline in any script, bounded as the background reads it.
 */
export function StorySearchBox({ id, class: className, testId, describedBy, value, onQuery, onKeyDown, inputRef }: Props) {
  return (
    <input
      id={id}
      ref={inputRef}
      class={className}
      type="search"
      data-testid={testId}
      autocomplete="off"
      spellcheck={false}
      dir="auto"
      maxLength={MAX_QUERY_TEXT}
      placeholder={t('searchStoredPlaceholder')}
      aria-describedby={describedBy}
      value={value}
      onInput={(event) => onQuery(event.currentTarget.value)}
      onKeyDown={onKeyDown}
    />
  );
}
