// A search box of the options page's lists (reading history, feeds): a visible label, no
// autocomplete or spelling marks, the list below it following what is typed.
import { t, type MessageKey } from '../../shared/i18n';

interface Props {
  id: string;
  label: MessageKey;
  placeholder: MessageKey;
  value: string;
  onSearch(value: string): void;
}

export function SearchBox({ id, label, placeholder, value, onSearch }: Props) {
  return (
    <div class="inline-form">
      <label for={id}>{t(label)}</label>
      <input id={id} type="search" data-testid={id} autoComplete="off" spellcheck={false} placeholder={t(placeholder)} value={value} onInput={(e) => onSearch(e.currentTarget.value)} />
    </div>
  );
}
