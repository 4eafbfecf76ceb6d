import { formatCount } from '../../shared/format';
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
      <button type="button" class="button primary" data-removes="access" disabled={busy} aria-label={t('sourceGrantAccessLabel', host)} onClick={onGrant}>
        {t('sourceGrantAccess')}
      </button>
    </div>
  );
}

interface AllProps {
  /** The section's sources without access. */
  urls: readonly string[];
  busy: boolean;
  /** As SourceAccess's: reaches permissions.request() before it awaits anything. */
  onGrant(urls: readonly string[]): void;
}

/**
 * Several sources of a section without access (a reader who withdrew it did so for all at once):
 * one button asks for every one in one prompt. Each row keeps its own button.
 */
export function GrantAllAccess({ urls, busy, onGrant }: AllProps) {
  if (urls.length < 2) return null;
  return (
    <div class="source-access" data-grant-all="">
      <p class="message-error">{formatCount('sourcesNoAccess', urls.length)}</p>
      <button type="button" class="button primary" data-removes="access-all" disabled={busy} onClick={() => onGrant(urls)}>
        {formatCount('sourceGrantAccessAll', urls.length)}
      </button>
    </div>
  );
}
