import { t } from '../../shared/i18n';

interface Props {
  onClose(): void;
  /** A problem with the panel itself (closing failed), announced politely. */
  notice: string;
}

export function TopBar({ onClose, notice }: Props) {
  return (
    <header class="topbar">
      <p class="brand">
        <span class="brand-mark" aria-hidden="true" />
        {t('extName')}
      </p>
      <p class="topbar-notice" role="status">
        {notice}
      </p>
      <button type="button" class="icon-button" data-testid="close" aria-label={t('close')} title={t('close')} onClick={onClose}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" fill="none" />
        </svg>
      </button>
    </header>
  );
}
