import { formatDateTime } from '../../shared/format';
import { t } from '../../shared/i18n';
import type { RefreshView } from '../../contracts/views';

/** When a source was last checked and, if that failed, why (the previous version stays). */
export function RefreshStatus({ state }: { state: RefreshView }) {
  if (state.checkedAt === null) return <p class="muted">{t('sourceNeverChecked')}</p>;
  return (
    <>
      <p class="muted">
        {state.okAt ? t('sourceLastOk', formatDateTime(state.okAt)) : t('sourceNeverOk')}
      </p>
      {state.error && (
        <p class="message-error preserve-lines" data-error="">
          {t('sourceLastError', [formatDateTime(state.checkedAt), state.error])}
        </p>
      )}
    </>
  );
}
