// The reader's settings and source preferences in an exported file, read as far as the file gives
// them, and merged into this machine's on import: an import never resets a choice made here.
import { isRecord, type Issues, type Rec } from './pack-validate-fields';
import { DEFAULT_SETTINGS, parseSettingsChange, repairSettings, type Settings } from './settings';
import { SOURCE_PREF_BOUNDS, type SourcePrefs } from './source-prefs';

const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/**
 * The settings a file gives, as far as it gives them: a field the file leaves out, one this
 * version cannot read (a theme of a newer version, `history: "off"`), a "not given" value (no
 * place, no name: the machine that wrote the file never asked) and a default (an export writes
 * every setting, chosen or not: a file from a machine where the reader chose nothing turned
 * history back on here, and the dark theme and the side chosen here back to the defaults) are not
 * taken, so an import never resets the reader's choice here. A field is taken only as a change
 * from an extension page would be (parseSettingsChange); a site list keeps its good hosts.
 */
export function settingsIn(raw: unknown): Partial<Settings> {
  if (!isRecord(raw)) return {};
  const given: Partial<Settings> = {};
  for (const key of SETTING_KEYS) {
    if (!Object.hasOwn(raw, key)) continue;
    const value = raw[key];
    if (JSON.stringify(value) === JSON.stringify(DEFAULT_SETTINGS[key])) continue;
    if (key === 'sitesOff' || key === 'autoOpen') {
      if (Array.isArray(value)) given[key] = repairSettings({ [key]: value })[key];
      continue;
    }
    const change = parseSettingsChange({ [key]: value });
    if (change && change.place !== null && change.readerName !== '') Object.assign(given, change);
  }
  return given;
}

/**
 * The source preferences a file gives, as far as it gives them: a file written before one existed
 * (feedRetentionDays came later) leaves it out, and the reader's own choice of it stays (merged
 * field by field on import: background/reader-data.ts). A value given out of range is an error.
 */
export function sourcePrefsIn(issues: Issues, data: Rec): Partial<SourcePrefs> | undefined {
  const raw = data['sourcePrefs'];
  if (raw === undefined) return undefined;
  const value = issues.record(raw, 'sourcePrefs');
  if (!value) return undefined;
  const given: Partial<SourcePrefs> = {};
  for (const key of Object.keys(SOURCE_PREF_BOUNDS) as (keyof SourcePrefs)[]) {
    const n = value[key];
    const [min, max] = SOURCE_PREF_BOUNDS[key];
    if (n === undefined) continue;
    if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max) given[key] = n;
    else issues.add(`sourcePrefs.${key}`, `must be a whole number from ${min} to ${max}`);
  }
  return given;
}

/**
 * Settings after an import: the choices the file gives (settingsIn) win, and the site lists are
 * the union of both, so a site the reader switched off on this machine stays off.
 */
export function mergeSettings(current: Settings, imported: Partial<Settings>): Settings {
  return repairSettings({
    ...current,
    ...imported,
    sitesOff: [...current.sitesOff, ...(imported.sitesOff ?? [])],
    autoOpen: [...current.autoOpen, ...(imported.autoOpen ?? [])],
  });
}
