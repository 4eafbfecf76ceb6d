// In shared/ because the pages, the content script's launcher and the background's badge all format numbers.
// Dates, times and numbers for the reader: always through Intl in the UI language and the reader's
// own time zone, never hand-built strings. Every function takes optional `locale`/`timeZone` so tests
// can pin them; the extension pages leave them out.
import { hasMessage, t, uiLocale } from './i18n';
import type { MessageKey, PluralKey } from './i18n';

export interface FormatOptions {
  locale?: string;
  /** IANA zone; defaults to the reader's system zone. */
  timeZone?: string;
}

function toDate(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Formatters made once per locale, style and zone, and kept: making one is most of formatting a
 * date (a sidebar's 177 reports, the options page's 200 history rows: one per date shown was a
 * 126 ms task at "Show earlier"). One made without a zone keeps the zone the system had then, for
 * the page's life.
 */
const formatters = new Map<string, unknown>();

function kept<T>(kind: string, key: unknown[], make: () => T): T {
  const id = JSON.stringify([kind, ...key]);
  let made = formatters.get(id) as T | undefined;
  if (made === undefined) {
    made = make();
    formatters.set(id, made);
  }
  return made;
}

function dateFormat(opts: FormatOptions, style: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = opts.locale ?? uiLocale();
  return kept('date', [locale, opts.timeZone ?? null, style], () => new Intl.DateTimeFormat(locale, { ...style, timeZone: opts.timeZone }));
}

const relativeFormat = (locale: string, numeric: 'auto' | 'always'): Intl.RelativeTimeFormat =>
  kept('relative', [locale, numeric], () => new Intl.RelativeTimeFormat(locale, { numeric }));

function formatWith(iso: string, opts: FormatOptions, style: Intl.DateTimeFormatOptions): string {
  const date = toDate(iso);
  return date ? dateFormat(opts, style).format(date) : '';
}

/** "Aug 15, 2025, 7:56 PM" */
export function formatDateTime(iso: string, opts: FormatOptions = {}): string {
  return formatWith(iso, opts, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "Aug 15, 2025" */
export function formatDate(iso: string, opts: FormatOptions = {}): string {
  return formatWith(iso, opts, { dateStyle: 'medium' });
}

/**
 * "Dec 2, 2026" for a calendar date ("2026-12-02": a step's link checked, the directory's date). A
 * day, not an instant: read at midnight UTC in the reader's zone it would show the day before
 * anywhere west of UTC. A full date-time is an instant, shown in the reader's zone as formatDate does.
 */
export function formatCalendarDate(value: string, opts: FormatOptions = {}): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatWith(`${value}T00:00:00Z`, { ...opts, timeZone: 'UTC' }, { dateStyle: 'medium' }) : formatDate(value, opts);
}

/** "Friday, August 15, 2025": the heading of a day in the coverage timeline. */
export function formatDay(iso: string, opts: FormatOptions = {}): string {
  return formatWith(iso, opts, { dateStyle: 'full' });
}

/** "7:56 PM" */
export function formatTime(iso: string, opts: FormatOptions = {}): string {
  return formatWith(iso, opts, { timeStyle: 'short' });
}

/** The calendar day of an instant in the reader's zone ("2025-08-15"), for grouping; '' when invalid. */
export function dayKey(iso: string, opts: FormatOptions = {}): string {
  const date = toDate(iso);
  if (!date) return '';
  const parts = dateFormat({ locale: 'en-US', timeZone: opts.timeZone }, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "Aug 15 – 16, 2025", or one date when both ends fall on the same day. */
export function formatDateRange(from: string, to: string, opts: FormatOptions = {}): string {
  const start = toDate(from);
  const end = toDate(to);
  if (!start || !end) return '';
  const format = dateFormat(opts, { dateStyle: 'medium' });
  return dayKey(from, opts) === dayKey(to, opts) ? format.format(start) : format.formatRange(start, end);
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * How long ago a past moment was: "now" under a minute, then the largest whole unit ("3 hours
 * ago"); days by the reader's calendar ("yesterday" is the day before today, not 24 to 47 hours
 * ago), weeks and longer as numbers ("1 week ago": "last week" would be the calendar week). Every
 * caller shows a past moment (a report, a refresh): one a little ahead, from a clock ahead of
 * the reader's, is "now".
 */
export function formatRelative(iso: string, opts: FormatOptions & { now?: Date } = {}): string {
  const date = toDate(iso);
  if (!date) return '';
  const now = opts.now ?? new Date();
  const seconds = Math.min(0, (date.getTime() - now.getTime()) / 1000);
  const locale = opts.locale ?? uiLocale();
  const auto = relativeFormat(locale, 'auto');
  for (const [unit, size] of RELATIVE_UNITS) {
    if (-seconds < size) continue;
    if (unit === 'day') return auto.format(-calendarDays(date, now, opts), 'day');
    if (unit === 'hour' || unit === 'minute') return auto.format(Math.trunc(seconds / size), unit);
    return relativeFormat(locale, 'always').format(Math.trunc(seconds / size), unit);
  }
  return auto.format(0, 'second');
}

/** Calendar days from `from` to `to` in the reader's zone (its days' keys, compared as UTC days). */
function calendarDays(from: Date, to: Date, opts: FormatOptions): number {
  const day = (d: Date): number => Date.parse(`${dayKey(d.toISOString(), opts)}T00:00:00Z`);
  return Math.round((day(to) - day(from)) / 86_400_000);
}

export function formatNumber(value: number, opts: Pick<FormatOptions, 'locale'> & Intl.NumberFormatOptions = {}): string {
  const { locale = uiLocale(), ...style } = opts;
  return kept('number', [locale, style], () => new Intl.NumberFormat(locale, style)).format(value);
}

/**
 * A counted phrase in the right plural form: picks `<key>_<CLDR category>` (`reports_one`,
 * `reports_other`, and `_few`/`_many`… where a translation adds them) and fills in the formatted count
 * as `$1`, followed by any further substitutions.
 */
export function formatCount(key: PluralKey, count: number, extra: (string | number)[] = [], opts: FormatOptions = {}): string {
  const locale = opts.locale ?? uiLocale();
  const category = new Intl.PluralRules(locale).select(count);
  const exact = `${key}_${category}`;
  const chosen = (hasMessage(exact) ? exact : `${key}_other`) as MessageKey;
  return t(chosen, [formatNumber(count, { locale }), ...extra]);
}

/** A country as packs give it: an ISO 3166 code is named in the reader's language ("AU" → "Australia"). */
export function formatCountry(country: string, opts: FormatOptions = {}): string {
  if (!/^[A-Za-z]{2}$/.test(country)) return country;
  try {
    return new Intl.DisplayNames([opts.locale ?? uiLocale()], { type: 'region', fallback: 'code' }).of(country.toUpperCase()) ?? country;
  } catch {
    return country;
  }
}

/** Countries English names with "the" in a sentence ("readers in the United States"). */
const ENGLISH_WITH_THE = new Set(['US', 'GB', 'NL', 'PH', 'AE', 'BS', 'GM', 'MV', 'CF', 'DO', 'KM', 'MH', 'SB']);

/**
 * A country named inside a sentence: formatCountry's name, which is a label's ("United States"),
 * with the article English puts before some. A catalog in another language phrases its message
 * around the name as its grammar needs.
 */
export function formatCountryInSentence(code: string, opts: FormatOptions = {}): string {
  const name = formatCountry(code, opts);
  const english = (opts.locale ?? uiLocale()).toLowerCase().startsWith('en');
  return english && ENGLISH_WITH_THE.has(code.toUpperCase()) && name !== code ? `the ${name}` : name;
}

/** The start of a long text the reader typed or selected, to quote it in a heading or a status line. */
export function quoteStart(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** "a, b and c" in the reader's language. */
export function formatList(items: readonly string[], opts: FormatOptions = {}): string {
  return new Intl.ListFormat(opts.locale ?? uiLocale(), { style: 'long', type: 'conjunction' }).format(items);
}
