import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { formatCount, formatDateTime, formatNumber, formatRelative } from '../../shared/format';
import type { Opinion } from '../../formats/model';
import { ExternalLink } from './ExternalLink';
import { MoreToggle } from './MoreToggle';
import { Section } from './Section';

/** Byline pieces in reading order: who wrote it, where, when; the ones the source gives. */
function Byline({ opinion }: { opinion: Opinion }) {
  const who = opinion.author && opinion.source ? t('opinionBylineSource', [opinion.author, opinion.source]) : (opinion.author ?? opinion.source);
  return (
    <p class="opinion-byline">
      {opinion.kind === 'analysis' && <span class="kind kind-analysis">{t('kindAnalysis')}</span>}
      {who && <span dir="auto">{who}</span>}
      {opinion.published && (
        <time dateTime={opinion.published} title={formatDateTime(opinion.published)}>
          {formatRelative(opinion.published)}
        </time>
      )}
    </p>
  );
}

function OpinionItem({ opinion }: { opinion: Opinion }) {
  return (
    <li class="opinion" data-opinion={opinion.id}>
      <h3 class="opinion-title" dir="auto">
        {opinion.url ? <ExternalLink href={opinion.url}>{opinion.title}</ExternalLink> : opinion.title}
      </h3>
      <Byline opinion={opinion} />
      {opinion.summary && (
        <details class="opinion-more">
          {/* Named for its piece: a list of "Summary" disclosures told a screen reader nothing apart. */}
          <summary aria-label={t('opinionSummaryOf', opinion.title)}>{t('opinionSummary')}</summary>
          <p class="opinion-body" dir="auto">
            {opinion.summary}
          </p>
        </details>
      )}
    </li>
  );
}

/**
 * Where opinions would come from, when a story has none: the reader's opinion feeds, or the way to
 * add some. On a column or an analysis the reader is reading, it says that this page is one (an
 * Opinions section saying "no column" under the column being read read as a mistake).
 */
function NoOpinions({ sources, readingOne }: { sources: number | undefined; readingOne: boolean }) {
  if (sources === undefined) return <p class="empty">{t(readingOne ? 'opinionsEmptyBesidesPage' : 'opinionsEmpty')}</p>;
  if (sources > 0) return <p class="empty">{formatCount(readingOne ? 'opinionsNoOtherFrom' : 'opinionsNoneFrom', sources)}</p>;
  return (
    <p class="empty">
      {t(readingOne ? 'opinionsReadingOne' : 'opinionsNoSources')}{' '}
      {/* The welcome page's directory lists each outlet's opinion section beside its news. */}
      <a href="welcome.html" target="_blank" rel="noopener" data-testid="opinions-choose-sources">
        {t('chooseSources')}
        <span class="visually-hidden"> {t('opensInNewTab')}</span>
      </a>
    </p>
  );
}

/** Opinions listed before "Show all": a story the reader's opinion feeds argue about a lot has many. */
export const OPINIONS_SHOWN = 5;

/** `readingOne`: the page being read is itself a column or an analysis of this story. */
export function OpinionsSection({ opinions, sources, readingOne = false }: { opinions: readonly Opinion[]; sources?: number; readingOne?: boolean }) {
  const [all, setAll] = useState(false);
  const shown = all ? opinions : opinions.slice(0, OPINIONS_SHOWN);
  return (
    <Section
      name="opinions"
      title={t('opinionsTitle')}
      aside={opinions.length > 0 ? formatCount('opinionCount', opinions.length) : undefined}
    >
      {opinions.length === 0 ? (
        <NoOpinions sources={sources} readingOne={readingOne} />
      ) : (
        <>
          <ul class="opinions" id="opinion-list">
            {shown.map((opinion) => (
              <OpinionItem key={opinion.id} opinion={opinion} />
            ))}
          </ul>
          {opinions.length > OPINIONS_SHOWN && (
            <MoreToggle open={all} controls="opinion-list" more={t('opinionsShowAll', formatNumber(opinions.length))} fewer={t('opinionsShowFewer')} onToggle={() => setAll(!all)} />
          )}
        </>
      )}
    </Section>
  );
}
