// A page's stated date is read as its feed item's is, whatever the reader's time zone: the same
// report must get the same time from its page and from its feed, and a match must not depend on
// where the reader is (an offset-less "2021-10-18T16:15:00" was 24 hours apart between UTC-10 and
// UTC+14, and moved match decisions). Node applies a TZ set while it runs.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { isoTime } from '../../src/content/extract';
import { parseFeedDate } from '../../src/formats/feeds/dates';

const original = process.env['TZ'];
afterEach(() => {
  if (original === undefined) delete process.env['TZ'];
  else process.env['TZ'] = original;
});

const NOW = Date.UTC(2022, 0, 1);
const stated = ['2021-10-18T16:15:00', '2021-10-18 16:15', 'Mon, 18 Oct 2021 16:15:00', '18 Oct 2021 16:15:00 GMT', '2021-10-18T16:15:00+02:00', '2021-10-18'];

test('an offset-less date is the same instant in every time zone, and the feed\'s reading of it', () => {
  const readings = new Map<string, (string | null)[]>();
  for (const zone of ['Pacific/Kiritimati', 'America/Adak', 'UTC']) {
    process.env['TZ'] = zone;
    // The zone took (else the case would prove nothing).
    const offset = new Date(Date.UTC(2021, 9, 18)).getTimezoneOffset();
    assert.equal(offset, { 'Pacific/Kiritimati': -840, 'America/Adak': 540, UTC: 0 }[zone], zone);
    readings.set(zone, stated.map((s) => isoTime(s, NOW)));
  }
  const [first, ...rest] = [...readings.values()];
  for (const other of rest) assert.deepEqual(other, first);
  assert.deepEqual(first, stated.map(parseFeedDate));
  assert.equal(first![0], '2021-10-18T16:15:00.000Z');
});

test('a date with the month named and no zone is the same instant in every time zone', () => {
  const named = [
    'December 7, 2021 10:00 AM',
    'Dec 7, 2021, 10:00',
    '7 December 2021 10:00',
    'December 7, 2021',
    '07-Dec-2021',
    'December 7, 2021 10:00 AM EST',
    'Tuesday, December 7, 2021 10:00 AM GMT-0500',
    'Dec 7, 2021 10:00 -0500',
    // In New York's spring-forward gap: no such local time there.
    'March 14, 2021 2:30 AM',
  ];
  const readings = new Map<string, (string | null)[]>();
  for (const zone of ['Pacific/Kiritimati', 'America/Adak', 'America/New_York', 'UTC']) {
    process.env['TZ'] = zone;
    assert.equal(new Date(Date.UTC(2021, 11, 7)).getTimezoneOffset(), { 'Pacific/Kiritimati': -840, 'America/Adak': 600, 'America/New_York': 300, UTC: 0 }[zone], zone);
    readings.set(zone, named.map((s) => isoTime(s, NOW)));
  }
  const [first, ...rest] = [...readings.values()];
  for (const other of rest) assert.deepEqual(other, first);
  // The clock as UTC, as a zone-less ISO time is read; a day alone at noon UTC; a stated zone kept.
  assert.deepEqual(first, [
    '2021-12-07T10:00:00.000Z',
    '2021-12-07T10:00:00.000Z',
    '2021-12-07T10:00:00.000Z',
    '2021-12-07T12:00:00.000Z',
    '2021-12-07T12:00:00.000Z',
    '2021-12-07T15:00:00.000Z',
    '2021-12-07T15:00:00.000Z',
    '2021-12-07T15:00:00.000Z',
    '2021-03-14T02:30:00.000Z',
  ]);
});

test('forms only Date.parse reads are still read, and impossible dates are still none', () => {
  process.env['TZ'] = 'UTC';
  assert.equal(isoTime('October 18, 2021 4:15 PM UTC', NOW), '2021-10-18T16:15:00.000Z');
  assert.equal(isoTime('0001-01-01T00:00:00Z', NOW), null);
  assert.equal(isoTime('2031-01-01T00:00:00Z', NOW), null);
  assert.equal(isoTime('not a date', NOW), null);
});

test('all-number days, which Date.parse reads month first or rolls over, are no date', () => {
  process.env['TZ'] = 'Europe/Paris';
  // A French 5 December and a German 7 December, which Date.parse reads as 12 May and 12 July.
  assert.equal(isoTime('05/12/2021', NOW), null);
  assert.equal(isoTime('07.12.2021', NOW), null);
  assert.equal(isoTime('07-12-2021 10:00', NOW), null);
  // Refused by the feed reading as impossible; Date.parse would make it 2 March.
  assert.equal(isoTime('2021-02-30', NOW), null);
  assert.equal(isoTime('2021-02-30 10:00', NOW), null);
  // Forms with the month named are still read.
  assert.equal(isoTime('December 7, 2021 10:00 GMT', NOW), '2021-12-07T10:00:00.000Z');
  // A day without a time is that day in every zone (noon UTC).
  assert.equal(isoTime('2021-10-18', NOW), '2021-10-18T12:00:00.000Z');
});
