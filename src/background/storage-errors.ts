// IndexedDB failures the reader can do something about, in the reader's words. Each leaves the
// stored data as it was: a database from a newer Storyline is not opened, a blocked upgrade is not
// run, and a write that found the disk full aborts its whole transaction.
import { t } from '../shared/i18n';

/** Another Storyline page or worker holds the database open at an older version and did not let go. */
export class UpgradeBlocked extends Error {
  override readonly name = 'UpgradeBlocked';
  constructor() {
    super('the database upgrade is blocked by another open connection');
  }
}

/** The translated message for a storage failure, or null when the error is not one of these. */
export function storageProblem(error: unknown): string | null {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  if (name === 'VersionError') return t('storageNewerVersion');
  if (name === 'UpgradeBlocked') return t('storageUpgradeBlocked');
  if (name === 'QuotaExceededError') return t('storageFull');
  return null;
}
