// Export files are named by the reader's own calendar day, not UTC's: an export made on the evening
// of the 24th in New York is already the 25th in UTC, and one made early on the 25th in Auckland is
// still the 24th there. Node applies a TZ set while it runs (each case sets its own, then restores).
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { datedName } from '../../src/options/download';

const original = process.env['TZ'];
afterEach(() => {
  if (original === undefined) delete process.env['TZ'];
  else process.env['TZ'] = original;
});

const cases = [
  { zone: 'America/New_York', instant: '2026-11-25T03:30:00Z', day: '2026-11-24' },
  { zone: 'Pacific/Auckland', instant: '2026-11-24T12:30:00Z', day: '2026-11-25' },
  { zone: 'UTC', instant: '2026-11-24T23:59:00Z', day: '2026-11-24' },
];

for (const { zone, instant, day } of cases) {
  test(`${zone}: ${instant} is named ${day}`, () => {
    process.env['TZ'] = zone;
    const now = new Date(instant);
    // The zone took: the local day is the one expected (else the case would prove nothing).
    assert.equal(now.getDate(), Number(day.slice(8)), 'the time zone is applied');
    assert.equal(datedName('history', now), `storyline-history-${day}.json`);
  });
}

test('months and days below ten get their zero', () => {
  process.env['TZ'] = 'UTC';
  assert.equal(datedName('data', new Date('2027-03-05T12:00:00Z')), 'storyline-data-2027-03-05.json');
});
