// How long a feed has been failing, and whether a refresh's failures are the feeds' or the
// reader's connection's. A feed that has failed every time it was asked for longer than the
// reader's window is taken for gone (its server shut down) and its items leave, or they would stay
// for good. That time runs from its first failure after its last success, not from the success:
// a laptop asleep for longer than the window and woken offline has failed once, not for a month.
// And a pass in which every feed failed at the network level may be the reader's (offline, or a
// clock so far off that https refuses every certificate): it drops nothing. Its failures count
// all the same, as their runs begin then: a host that refuses every connection, the reader's only
// one, say, is still judged gone once it has for longer than the window.
import type { FeedErrorCode } from '../../contracts/views';
import type { FeedRecord } from '../../formats/storage-schema';

const DAY = 86_400_000;

/**
 * When the feed's current run of failures began; null while none counts (its last attempt
 * succeeded). Records of older versions say nothing: their last attempt is the latest the run can
 * have begun, so such a feed is judged gone later than it should be, never sooner.
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

/** Failures in which no server answered: the reader's connection as much as the feed. */
const NO_ANSWER: ReadonlySet<FeedErrorCode> = new Set(['network', 'timeout']);

/**
 * Whether a pass over `asked` feeds that failed with `failures` says the reader is offline: every
 * feed failed, each with no answer. One feed answering, even with a 404, shows the connection
 * works, and the others' failures are theirs.
 */
export function offlinePass(asked: number, failures: readonly FeedErrorCode[]): boolean {
  return asked > 0 && failures.length === asked && failures.every((code) => NO_ANSWER.has(code));
}
