// How long a feed has been failing. A feed that has failed every time it was asked for longer
// than the reader's window is taken for gone (its server shut down) and its items leave, or they
// would stay for good. That time runs from its first failure after its last success, not from
// the success: a laptop asleep for longer than the window and woken offline has failed once, not
// for a month.
import type { FeedErrorCode } from '../../contracts/views';
import type { FeedRecord } from '../../formats/storage-schema';

const DAY = 86_400_000;

/**
 * When the feed's current run of failures began; null while its last attempt succeeded. Records
 * of older versions say nothing: their last attempt is the latest the run can have begun, so such
 * a feed is judged gone later than it should be, never sooner.
 */
export function failingSince(record: FeedRecord): string | null {
  if (record.failingSince !== undefined) return record.failingSince;
  return record.error === null ? null : record.checkedAt;
}

/** The feed's record after a failed attempt at `at`: a run of failures begins, or goes on. */
export function failedRecord(feed: FeedRecord, at: string, error: string, failure: FeedErrorCode): FeedRecord {
  return { ...feed, checkedAt: at, error, failure, failingSince: failingSince(feed) ?? at };
}

/** Whether the feed has failed every time it was asked for longer than `windowDays` before `now`. */
export function isGone(record: FeedRecord, now: number, windowDays: number): boolean {
  const since = failingSince(record);
  return since !== null && Date.parse(since) < now - windowDays * DAY;
}
