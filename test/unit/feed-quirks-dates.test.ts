// Feed dates as real feeds write them beyond RFC 822 and RFC 3339: a 12-hour clock, an offset
// followed by its zone's name (Go's time.String() too), a day without a time, the month first,
// slashes, and zone names of Africa, Asia and the Americas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeedDate } from '../../src/formats/feeds';

const check = (cases: [string, string | null][]): void => {
  for (const [raw, expected] of cases) assert.equal(parseFeedDate(raw), expected, raw);
};

test('AM and PM are the hours of a 12-hour clock, not a zone', () => {
  check([
    ['Mon, 15 Jan 2024 10:00:00 PM', '2024-01-15T22:00:00.000Z'],
    ['Mon, 15 Jan 2024 10:00:00 PM EST', '2024-01-16T03:00:00.000Z'],
    ['Mon, 15 Jan 2024 10:00 PM +0000', '2024-01-15T22:00:00.000Z'],
    ['Mon, 15 Jan 2024 10:00 p.m. GMT', '2024-01-15T22:00:00.000Z'],
    ['Mon, 15 Jan 2024 10:00:00 AM', '2024-01-15T10:00:00.000Z'],
    ['Mon, 15 Jan 2024 12:30:00 AM GMT', '2024-01-15T00:30:00.000Z'],
    ['Mon, 15 Jan 2024 12:30:00 PM GMT', '2024-01-15T12:30:00.000Z'],
    ['Mon, 15 Jan 2024 13:00:00 PM GMT', null],
  ]);
});

test('an offset followed by its zone name is read by the offset', () => {
  check([
    ['Mon, 15 Jan 2024 10:00:00 +0000 GMT', '2024-01-15T10:00:00.000Z'],
    ['Mon, 15 Jan 2024 10:00:00 -0500 EST', '2024-01-15T15:00:00.000Z'],
    ['Mon, 15 Jan 2024 10:00:00 +0000 UTC', '2024-01-15T10:00:00.000Z'],
    ['2024-01-15 10:00:00 +0000 UTC', '2024-01-15T10:00:00.000Z'],
    ['2024-01-15 10:00:00.123456789 -0500 EST', '2024-01-15T15:00:00.000Z'],
    ['2024-01-15T10:00:00+00:00 UTC', '2024-01-15T10:00:00.000Z'],
    ['2024-01-15T10:00:00 EST', '2024-01-15T15:00:00.000Z'],
  ]);
});

test('a day without a time is noon UTC, in every form', () => {
  check([
    ['Mon, 15 Jan 2024', '2024-01-15T12:00:00.000Z'],
    ['15 Jan 2024', '2024-01-15T12:00:00.000Z'],
    ['January 15, 2024', '2024-01-15T12:00:00.000Z'],
    ['Monday, January 15th, 2024', '2024-01-15T12:00:00.000Z'],
    ['2024/01/15', '2024-01-15T12:00:00.000Z'],
    ['2024-01-15', '2024-01-15T12:00:00.000Z'],
    ['Mon, 31 Jun 2024', null],
  ]);
});

test('the month first, and slashes between the numbers', () => {
  check([
    ['Jan 15, 2024 10:00:00 AM', '2024-01-15T10:00:00.000Z'],
    ['January 15, 2024 3:45 PM EST', '2024-01-15T20:45:00.000Z'],
    ['Mon Jan 15 2024 10:00:00 GMT+0000 (Coordinated Universal Time)', '2024-01-15T10:00:00.000Z'],
    ['2024/01/15 10:00:00', '2024-01-15T10:00:00.000Z'],
    ['2024/01/15 10:00:00 +0100', '2024-01-15T09:00:00.000Z'],
    ['Foo 15, 2024', null],
  ]);
});

test("zone names of Africa, Asia and the Americas; US Eastern as ET reads as EST, and an unknown name as UTC", () => {
  check([
    ['Mon, 15 Jan 2024 10:00:00 SAST', '2024-01-15T08:00:00.000Z'],
    ['Mon, 15 Jan 2024 10:00:00 CAT', '2024-01-15T08:00:00.000Z'],
    ['Mon, 15 Jan 2024 10:00:00 EAT', '2024-01-15T07:00:00.000Z'],
    ['Mon, 15 Jan 2024 10:00:00 WAT', '2024-01-15T09:00:00.000Z'],
    ['Mon, 15 Jan 2024 10:00:00 WIB', '2024-01-15T03:00:00.000Z'],
    ['Mon, 15 Jan 2024 10:00:00 PHT', '2024-01-15T02:00:00.000Z'],
    ['Mon, 15 Jan 2024 10:00:00 BRT', '2024-01-15T13:00:00.000Z'],
    ['Mon, 15 Jan 2024 10:00:00 ART', '2024-01-15T13:00:00.000Z'],
    ['Mon, 15 Jan 2024 10:00:00 ET', '2024-01-15T15:00:00.000Z'],
    ['Mon, 15 Jul 2024 10:00:00 ET', '2024-07-15T15:00:00.000Z'],
    ['Mon, 15 Jan 2024 10:00:00 XYZ', '2024-01-15T10:00:00.000Z'],
  ]);
});
