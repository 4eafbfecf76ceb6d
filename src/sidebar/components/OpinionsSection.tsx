import { t } from '../../shared/i18n';
import { formatCount } from '../../shared/format';
import type { Opinion } from '../../shared/model';
import { ExternalLink } from './ExternalLink';
import { Section } from './Section';

export function OpinionsSection({ opinions }: { opinions: readonly Opinion[] }) {
  return (
    <Section
      name="opinions"
      title={t('opinionsTitle')}
      aside={opinions.length > 0 ? formatCount('opinionCount', opinions.length) : undefined}
    >
      {opinions.length === 0 ? (
        <p class="empty">{t('opinionsEmpty')}</p>
      ) : (
        <ul class="opinions">
          {opinions.map((opinion) => (
            <li key={opinion.id}>
              <details class="opinion">
                <summary>
                  <span class="opinion-title" dir="auto">{opinion.title}</span>
                  <span class="opinion-byline">
                    {opinion.source ? t('opinionBylineSource', [opinion.author, opinion.source]) : opinion.author}
                  </span>
                </summary>
                <div class="opinion-body" dir="auto">
                  <p>{opinion.summary}</p>
                  {opinion.url && (
                    <ExternalLink class="more-link" href={opinion.url}>
                      {t('opinionRead')}
                    </ExternalLink>
                  )}
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
