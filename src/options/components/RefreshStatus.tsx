import { formatDateTime } from '../../shared/format';
import { t } from '../../shared/i18n';
import { feedErrorText } from '../../shared/feed-error-text';
import type { FeedErrorCode, RefreshView } from '../../contracts/views';

/**
 * When a source was last checked and, if that failed, why (and whether its previous version stays:
 * `kept`, by default when it ever answered; a feed whose items all left keeps nothing): in the
 * reader's words where the failure's kind is known (feeds), with the technical reason after them.
 * A source Storyline has no access to fails for that reason alone, which SourceAccess says beside
 * its button: the failure is not said twice.
 */
export function RefreshStatus({ state, kept = state.okAt !== null }: { state: RefreshView & { access: boolean; reason?: FeedErrorCode | null }; kept?: boolean }) {
  const why = state.error && state.reason ? t('sourceErrorWords', [feedErrorText(state.reason), state.error]) : state.error;
  if (state.checkedAt === null) return <p class="muted">{t('sourceNeverChecked')}</p>;
  return (
    <>
      <p class="muted">
        {state.okAt ? t('sourceLastOk', formatDateTime(state.okAt)) : t('sourceNeverOk')}
      </p>
      {state.error && state.access && (
        <p class="message-error preserve-lines long-words" data-error="">
          {t(kept ? 'sourceLastError' : 'sourceLastErrorNothingKept', [formatDateTime(state.checkedAt), why ?? ''])}
        </p>
      )}
    </>
  );
}
