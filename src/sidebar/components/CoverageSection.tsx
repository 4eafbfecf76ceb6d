import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n';
import { dayKey, formatCount, formatCountry, formatDateTime, formatDay, formatTime } from '../../shared/format';
import type { ArticleKind } from '../../formats/model';
import type { ReportView } from '../../contracts/views';
import { newestReports } from '../coverage-shown';
import { CoverageChart } from './CoverageChart';
import { ExternalLink } from './ExternalLink';
import { HeadlineSpread } from './HeadlineSpread';
import { Section } from './Section';

const KIND_LABEL: Record<ArticleKind, MessageKey> = {
  report: 'kindReport',
  opinion: 'kindOpinion',
  analysis: 'kindAnalysis',
};

interface Day {
  /** '' for reports without a date: they are listed last, never given one. */
  key: string;
  reports: ReportView[];
}

/** Reports in time order, grouped by the reader's calendar day: the coverage timeline. */
export function groupByDay(reports: readonly ReportView[]): Day[] {
  const time = (r: ReportView): number => (r.published ? Date.parse(r.published) : Number.POSITIVE_INFINITY);
  const days = new Map<string, Day>();
  for (const report of [...reports].sort((a, b) => time(a) - time(b))) {
    const key = report.published ? dayKey(report.published) : '';
    const day = days.get(key) ?? { key, reports: [] };
    day.reports.push(report);
    days.set(key, day);
  }
  return [...days.values()];
}

/** What the pack says about the outlet, in one quiet line. */
function OutletLine({ report }: { report: ReportView }) {
  const facts = report.outlet;
  if (!facts) return null;
  const items = [
    facts.country ? t('outletCountry', formatCountry(facts.country)) : null,
    facts.owner ? t('outletOwner', facts.owner) : null,
    facts.lean ? t('outletLean', facts.lean) : null,
  ].filter((item): item is string => item !== null);
  return (
    <ul class="outlet-facts" aria-label={t('outletFactsLabel', report.outletName)}>
      {items.map((item) => (
        <li key={item} dir="auto">
          {item}
        </li>
      ))}
    </ul>
  );
}

function Report({ report }: { report: ReportView }) {
  return (
    <li
      class={report.current ? 'report is-current' : 'report'}
      data-report={report.id}
      aria-current={report.current ? 'page' : undefined}
    >
      {report.current && <p class="report-current">{t('reportCurrent')}</p>}
      <h4 class="report-title" dir="auto">
        {report.url ? <ExternalLink href={report.url}>{report.title}</ExternalLink> : report.title}
      </h4>
      <p class="report-meta">
        <span class="report-outlet">{report.outletName}</span>
        {report.published && (
          <time dateTime={report.published} title={formatDateTime(report.published)}>
            {formatTime(report.published)}
          </time>
        )}
        <span class={`kind kind-${report.kind}`}>{t(KIND_LABEL[report.kind])}</span>
        {report.read && (
          <span class="kind report-read" data-read="">
            {t('reportRead')}
          </span>
        )}
        {report.fresh && (
          <span class="kind report-fresh" data-fresh="">
            {t('reportFresh')}
          </span>
        )}
      </p>
      <OutletLine report={report} />
      {report.excerpt && <p class="report-excerpt" dir="auto">{report.excerpt}</p>}
    </li>
  );
}

/**
 * The coverage's count in the launcher's terms: with the page among the reports, "This page and 4
 * other reports", as the launcher says "4 reports" (reports other than the page); "5 reports" read
 * beside it looked like a report gone missing.
 */
function coverageCount(reports: readonly ReportView[]): string {
  const others = reports.filter((r) => !r.current).length;
  return others < reports.length ? formatCount('coverageWithPage', others) : formatCount('reportCount', reports.length);
}

export function CoverageSection({ reports }: { reports: readonly ReportView[] }) {
  const [all, setAll] = useState(false);
  // The button that showed the earlier reports is gone once they are: the focus goes to the first
  // of them (its day's heading), not to the document's start.
  const firstDay = useRef<HTMLHeadingElement>(null);
  const shownByReader = useRef(false);
  useEffect(() => {
    if (all && shownByReader.current) firstDay.current?.focus();
  }, [all]);
  const showEarlier = (): void => {
    shownByReader.current = true;
    setAll(true);
  };
  // A big story's timeline starts at its newest reports (coverage-shown.ts).
  const { shown, earlier } = all ? { shown: reports, earlier: 0 } : newestReports(reports);
  const days = groupByDay(shown);
  return (
    <Section name="coverage" title={t('coverageTitle')} aside={coverageCount(reports)}>
      <HeadlineSpread reports={reports} />
      <CoverageChart reports={reports} />
      {earlier > 0 && (
        <button type="button" class="link-button timeline-earlier" data-testid="timeline-earlier" onClick={showEarlier}>
          {formatCount('timelineEarlier', earlier)}
        </button>
      )}
      {days.map((day, i) => {
        const first = day.reports[0]?.published;
        return (
          <div key={day.key} class="day">
            <h3 class="day-title" ref={i === 0 ? firstDay : undefined} tabIndex={i === 0 ? -1 : undefined}>
              {day.key && first ? formatDay(first) : t('coverageUndated')}
            </h3>
            <ol class="timeline">
              {day.reports.map((report) => (
                <Report key={report.id} report={report} />
              ))}
            </ol>
          </div>
        );
      })}
    </Section>
  );
}
