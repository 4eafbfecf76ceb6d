import type { ComponentChildren } from 'preact';
import { parseHttpUrl } from '../../formats/url';
import { t } from '../../shared/i18n';

interface Props {
  href: string;
  children: ComponentChildren;
  class?: string;
}

/**
 * A link that leaves the panel: opened in a new tab without an opener or referrer, so the story's page
 * learns nothing about the reader. Pack data is not trusted to be http(s): anything else (a
 * `javascript:` URL in a hostile pack) is shown as plain text.
 */
export function ExternalLink({ href, children, class: className }: Props) {
  if (!parseHttpUrl(href)) return <span class={className}>{children}</span>;
  return (
    <a class={className} href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span class="visually-hidden"> {t('opensInNewTab')}</span>
    </a>
  );
}
