// IndexedDB failures the reader can do something about, as the codes the pages translate
// (shared/error-text.ts). Each leaves the stored data as it was: a database from a newer Storyline
// is not opened, a blocked upgrade is not run, and a write that found the disk full aborts its
// whole transaction.
import type { ErrorCode } from '../contracts/call-result';

/** Another Storyline page or worker holds the database open at an older version and did not let go. */
export class UpgradeBlocked extends Error {
  override readonly name = 'UpgradeBlocked';
  constructor() {
    super('the database upgrade is blocked by another open connection');
  }
}

const CODES = new Map<string, ErrorCode>([
  ['VersionError', 'storage-newer'],
  ['UpgradeBlocked', 'storage-blocked'],
  ['QuotaExceededError', 'storage-full'],
]);

/** The code of a storage failure, or null when the error is not one of these. */
export function storageCode(error: unknown): ErrorCode | null {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  return CODES.get(name) ?? null;
}
