// The reader's source preferences as stored and as carried in their reader-data file: the record,
// its defaults and the range each value may take (the options page offers, the background repairs to it).

export interface SourcePrefs {
  /** Hours between automatic refreshes of subscriptions and feeds. */
  refreshHours: number;
  /** Days reading history is kept. */
  retentionDays: number;
  /** Days a feed item is kept once its feed no longer lists it: older ones leave their stories. */
  feedRetentionDays: number;
}

/** The reader's source preferences until they choose. */
export const DEFAULT_SOURCE_PREFS: SourcePrefs = { refreshHours: 6, retentionDays: 90, feedRetentionDays: 30 };

/** The range of each source preference, as the options page offers it; stored values outside are repaired. */
export const SOURCE_PREF_BOUNDS: { readonly [K in keyof SourcePrefs]: readonly [number, number] } = {
  refreshHours: [1, 24 * 7],
  retentionDays: [1, 3_650],
  feedRetentionDays: [1, 365],
};
