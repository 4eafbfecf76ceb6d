import { t } from '../../shared/i18n';

/** The host a source URL needs permission for (any port: permissions are per host). */
export const sourceHost = (url: string): string => {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
};

interface Props {
  url: string;
  busy: boolean;
  /** Must reach permissions.request() before it awaits anything: the click is the user gesture. */
  onGrant(): void;
}

/** A subscription or feed the reader withdrew Storyline's access to: say so, and offer to ask again. */
export function SourceAccess({ url, busy, onGrant }: Props) {
  const host = sourceHost(url);
  return (
    <div class="source-access" data-no-access="">
      <p class="message-error">{t('sourceNoAccess', host)}</p>
      <button type="button" class="button primary" disabled={busy} aria-label={t('sourceGrantAccessLabel', host)} onClick={onGrant}>
        {t('sourceGrantAccess')}
      </button>
    </div>
  );
}
