import { formatDateTime } from '../../shared/format';
import { t } from '../../shared/i18n';
import { feedErrorText } from '../../shared/feed-error-text';
import type { FeedErrorCode, RefreshView } from '../../contracts/views';

/**
 * When a source was last checked and, if that failed, why (the previous version stays): in the
 * reader's words where the failure's kind is known (feeds), with the technical reason after them.
 * A source Storyline has no access to fails for that reason alone, which SourceAccess says beside
 * its button: the failure is not said twice.
 */
export function RefreshStatus({ state }: { state: RefreshView & { access: boolean; reason?: FeedErrorCode | null } }) {
  const why = state.error && state.reason ? t('sourceErrorWords', [feedErrorText(state.reason), state.error]) : state.error;
  if (state.checkedAt === null) return <p class="muted">{t('sourceNeverChecked')}</p>;
  return (
    <>
      <p class="muted">
        {state.okAt ? t('sourceLastOk', formatDateTime(state.okAt)) : t('sourceNeverOk')}
      </p>
      {state.error && state.access && (
        <p class="message-error preserve-lines long-words" data-error="">
          {t('sourceLastError', [formatDateTime(state.checkedAt), why ?? ''])}
        </p>
      )}
    </>
  );
}
