import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG } from './dom';
import { catalogSource, setMessageSource, t, uiDirection } from '../../../src/shared/i18n';
import {
  dayKey,
  formatCalendarDate,
  formatCount,
  formatCountryInSentence,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatDay,
  formatRelative,
  formatTime,
} from '../../../src/shared/format';

const NY = { locale: 'en-US', timeZone: 'America/New_York' };
const plain = (s: string): string => s.replace(/[\u202f\u00a0\u2009]/g, ' ');
const SUMMIT = '2025-08-15T19:56:54-04:00';

test('date and time in the reader locale and zone', () => {
  assert.equal(plain(formatDateTime(SUMMIT, NY)), 'Aug 15, 2025, 7:56 PM');
  assert.equal(formatDate(SUMMIT, NY), 'Aug 15, 2025');
  assert.equal(formatDay(SUMMIT, NY), 'Friday, August 15, 2025');
  assert.equal(plain(formatTime(SUMMIT, NY)), '7:56 PM');
});

test('the same instant is another day and format elsewhere', () => {
  const berlin = { locale: 'de-DE', timeZone: 'Europe/Berlin' };
  assert.equal(formatDateTime(SUMMIT, berlin), '16.08.2025, 01:56');
  assert.equal(dayKey(SUMMIT, berlin), '2025-08-16');
  assert.equal(dayKey(SUMMIT, NY), '2025-08-15');
});

test('a calendar date is that day in every zone; a date-time given is an instant', () => {
  const LA = { locale: 'en-US', timeZone: 'America/Los_Angeles' };
  assert.equal(formatCalendarDate('2026-12-02', LA), 'Dec 2, 2026');
  assert.equal(formatCalendarDate('2026-12-02', { locale: 'en-US', timeZone: 'Pacific/Kiritimati' }), 'Dec 2, 2026');
  assert.equal(formatCalendarDate('2026-12-02T03:00:00Z', LA), 'Dec 1, 2026');
  assert.equal(formatCalendarDate('not a date', LA), '');
});

test('invalid dates give empty text, never today', () => {
  assert.equal(formatDateTime('not a date', NY), '');
  assert.equal(dayKey('', NY), '');
  assert.equal(formatRelative('soon', NY), '');
});

test('date ranges collapse to one date on the same day', () => {
  assert.equal(formatDateRange(SUMMIT, '2025-08-15T23:00:00-04:00', NY), 'Aug 15, 2025');
  assert.equal(plain(formatDateRange(SUMMIT, '2025-08-16T08:54:00-04:00', NY)), 'Aug 15 – 16, 2025');
});

test('relative times use the largest whole unit', () => {
  const now = new Date('2025-08-18T20:00:00-04:00');
  assert.equal(formatRelative(SUMMIT, { ...NY, now }), '3 days ago');
  assert.equal(formatRelative('2025-08-17T19:00:00-04:00', { ...NY, now }), 'yesterday');
  assert.equal(formatRelative('2025-08-18T19:59:30-04:00', { ...NY, now }), 'now');
  assert.equal(formatRelative('2025-08-18T17:10:00-04:00', { ...NY, now }), '2 hours ago');
});

test('days are the reader\'s calendar days; weeks and months are counted, not "last"', () => {
  // Monday 9:00 in New York: Saturday 10:00 is 47 hours ago, two days by the calendar.
  const monday = new Date('2026-12-07T09:00:00-05:00');
  assert.equal(formatRelative('2026-12-05T10:00:00-05:00', { ...NY, now: monday }), '2 days ago');
  assert.equal(formatRelative('2026-12-06T08:00:00-05:00', { ...NY, now: monday }), 'yesterday');
  // 25½ hours before half past midnight in Kiritimati (UTC+14) is 11 p.m. two days before there.
  assert.equal(formatRelative('2026-12-05T09:00:00Z', { locale: 'en-US', timeZone: 'Pacific/Kiritimati', now: new Date('2026-12-06T10:30:00Z') }), '2 days ago');
  assert.equal(formatRelative('2026-11-24T09:00:00-05:00', { ...NY, now: monday }), '1 week ago');
  assert.equal(formatRelative('2026-10-20T09:00:00-05:00', { ...NY, now: monday }), '1 month ago');
});

test('a moment a little ahead (a clock ahead of the reader\'s) is "now", never "in 2 hours"', () => {
  const now = new Date('2025-08-18T20:00:00-04:00');
  assert.equal(formatRelative('2025-08-18T22:00:00-04:00', { ...NY, now }), 'now');
});

test('counts pick the plural form and format the number', () => {
  assert.equal(formatCount('reportCount', 1, [], NY), '1 report');
  assert.equal(formatCount('reportCount', 0, [], NY), '0 reports');
  assert.equal(formatCount('reportCount', 1234, [], NY), '1,234 reports');
  assert.equal(formatCount('launcherLabel', 1, [], NY), 'Storyline · 1 report');
  assert.equal(formatCount('launcherLabel', 7, [], NY), 'Storyline · 7 reports');
  assert.equal(formatCount('stepsDone', 1, ['0'], NY), '0 of 1 step done');
  assert.equal(formatCount('stepsDone', 6, ['2'], NY), '2 of 6 steps done');
});

test('a plural form a catalog lacks falls back to _other', () => {
  // Polish has a "few" category; the English catalog has only one/other.
  assert.equal(formatCount('reportCount', 3, [], { locale: 'pl' }), '3 reports');
});

test('t fills placeholders and shows the key for a missing message', () => {
  assert.equal(t('searchTitle', 'Alaska'), 'Related coverage for “Alaska”');
  assert.equal(t('opinionBylineSource', ['Jane', 'The Daily']), 'Jane, The Daily');
  setMessageSource(catalogSource({ price: { message: 'costs $$5 for $WHO$', placeholders: { who: { content: '$1' } } } }));
  try {
    assert.equal(t('price' as never, 'you'), 'costs $5 for you');
    assert.equal(t('extName'), 'extName');
  } finally {
    setMessageSource(catalogSource(CATALOG, 'en-US'));
  }
});

test('right-to-left languages are detected for the document direction', () => {
  assert.equal(uiDirection('ar'), 'rtl');
  assert.equal(uiDirection('he-IL'), 'rtl');
  assert.equal(uiDirection('en-US'), 'ltr');
});

test('the catalog is well formed: descriptions, numbered placeholders, complete plurals', () => {
  for (const [key, entry] of Object.entries(CATALOG)) {
    assert.match(key, /^[A-Za-z0-9_]+$/, key);
    assert.ok(entry.message.length > 0 && entry.description, `${key} needs a message and a description`);
    const named = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase());
    for (const name of named) assert.match(entry.placeholders?.[name]?.content ?? '', /^\$\d$/, `${key}: $${name}$`);
    if (key.endsWith('_one')) assert.ok(`${key.slice(0, -4)}_other` in CATALOG, `${key} has no _other form`);
  }
});

test('formatters are made once and kept: a list of dates makes one per style, not one per date', () => {
  const Original = Intl.DateTimeFormat;
  let made = 0;
  const Counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
    made++;
    return new Original(...args);
  } as unknown as typeof Intl.DateTimeFormat;
  Object.assign(Counting, Original);
  Intl.DateTimeFormat = Counting;
  try {
    const zone = { locale: 'en-US', timeZone: 'Asia/Kathmandu' };
    for (let i = 0; i < 100; i++) {
      const iso = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
      formatDateTime(iso, zone);
      formatTime(iso, zone);
      dayKey(iso, zone);
    }
    assert.ok(made <= 3, `${made} formatters for 300 dates`);
  } finally {
    Intl.DateTimeFormat = Original;
  }
});

test('a country in a sentence: the name the reader\'s language gives it, with English\'s "the" where it takes one', () => {
  assert.equal(formatCountryInSentence('US', { locale: 'en-US' }), 'the United States');
  assert.equal(formatCountryInSentence('FR', { locale: 'en-US' }), 'France');
  assert.equal(formatCountryInSentence('NL', { locale: 'en-GB' }), 'the Netherlands');
  assert.equal(formatCountryInSentence('US', { locale: 'fr' }), 'États-Unis');
});
