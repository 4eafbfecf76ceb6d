// The reader's settings, kept in storage.local (the content script reads them without a message).
// Stored data is validated on read and repaired field by field from the defaults, so a value
// written by an older or newer version, or damaged, never breaks a page.
import { bool, isRecord, oneOf } from './guards';
import { US_DISTRICTS } from './us-places';

export type Theme = 'system' | 'light' | 'dark';
export type SidebarSide = 'right' | 'left';
export type SidebarWidth = 'narrow' | 'standard' | 'wide';
/** Where the sidebar shows: over the page, or in the browser's own side panel (Chrome) / sidebar (Firefox). */
export type Surface = 'page' | 'panel';

/** Pixel widths of the in-page sidebar (capped by the viewport). */
export const SIDEBAR_WIDTHS: Readonly<Record<SidebarWidth, number>> = /* @__PURE__ */ Object.freeze({ narrow: 340, standard: 400, wide: 480 });

/**
 * Where the reader votes, to address letters to their own officials. `country` alone means a country
 * without a directory (`ZZ`: CLDR's "unknown region", outside every country Storyline has one for)
 * or a U.S. reader who has not picked a state; `district` needs `state`.
 */
export interface ReaderPlace {
  country: string;
  state?: string;
  district?: number;
}

/** The country code stored for "another country": one Storyline has no directory of officials for. */
export const OTHER_COUNTRY = 'ZZ';
export const MAX_READER_NAME = 100;

export interface Settings {
  /** Hosts (and their subdomains) where Storyline does nothing at all. */
  sitesOff: string[];
  theme: Theme;
  side: SidebarSide;
  width: SidebarWidth;
  surface: Surface;
  /** Hosts (and their subdomains) where the sidebar opens by itself when a page matches a story. */
  autoOpen: string[];
  /** Keep a record of articles read (never in private windows). Retention is a source preference. */
  history: boolean;
  /** Set once by the reader (options, or the first letter step); never leaves the browser. */
  place: ReaderPlace | null;
  /** Signed under letters; '' when not given. */
  readerName: string;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = /* @__PURE__ */ Object.freeze({
  sitesOff: [],
  theme: 'system',
  side: 'right',
  width: 'standard',
  surface: 'page',
  autoOpen: [],
  history: true,
  place: null,
  readerName: '',
});

export const SETTINGS_KEY = 'settings';
const MAX_SITES = 5_000;

/** A host as the reader would name it: lower case, no `www.`, no port; null when it is not a host. */
export function normaliseHost(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  let host = trimmed;
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed)) host = new URL(trimmed).hostname;
  } catch {
    return null;
  }
  host = host.replace(/^www\./, '').replace(/:\d+$/, '').replace(/\.$/, '');
  return /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(host) ? host : null;
}

/** A list of hosts: normalised, deduplicated, sorted, junk dropped. */
function hostList(raw: unknown): string[] {
  const sites = Array.isArray(raw) ? raw : [];
  return [...new Set(sites.flatMap((s) => (typeof s === 'string' ? [normaliseHost(s)] : [])).filter((s): s is string => !!s))]
    .sort()
    .slice(0, MAX_SITES);
}

/**
 * A stored place, repaired: an unknown state code or a district the state does not have is dropped
 * (the reader is asked again), never guessed; other countries keep only their code.
 */
function repairPlace(raw: unknown): ReaderPlace | null {
  if (!isRecord(raw) || typeof raw['country'] !== 'string' || !/^[A-Z]{2}$/.test(raw['country'])) return null;
  const country = raw['country'];
  const state = typeof raw['state'] === 'string' ? raw['state'] : '';
  const districts = country === 'US' && Object.hasOwn(US_DISTRICTS, state) ? US_DISTRICTS[state] : undefined;
  if (districts === undefined) return { country };
  const district = raw['district'];
  const valid = Number.isInteger(district) && (districts === 0 ? district === 0 : (district as number) >= 1 && (district as number) <= districts);
  return valid ? { country, state, district: district as number } : { country, state };
}

function repairName(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  // One line: a name is pasted into a letter, never markup or several lines.
  const name = raw.replace(/[\p{Cc}\s]+/gu, ' ').trim();
  return name.length <= MAX_READER_NAME ? name : '';
}

function samePlace(a: ReaderPlace | null, b: unknown): boolean {
  if (a === null || b === null) return a === b;
  if (!isRecord(b) || Object.keys(b).some((key) => !['country', 'state', 'district'].includes(key))) return false;
  return a.country === b['country'] && a.state === b['state'] && a.district === b['district'];
}

export function repairSettings(raw: unknown): Settings {
  const value = isRecord(raw) ? raw : {};
  return {
    sitesOff: hostList(value['sitesOff']),
    theme: oneOf(value['theme'], ['system', 'light', 'dark'] as const) ?? DEFAULT_SETTINGS.theme,
    side: oneOf(value['side'], ['right', 'left'] as const) ?? DEFAULT_SETTINGS.side,
    width: oneOf(value['width'], ['narrow', 'standard', 'wide'] as const) ?? DEFAULT_SETTINGS.width,
    surface: oneOf(value['surface'], ['page', 'panel'] as const) ?? DEFAULT_SETTINGS.surface,
    autoOpen: hostList(value['autoOpen']),
    history: bool(value['history']) ?? DEFAULT_SETTINGS.history,
    place: repairPlace(value['place']),
    readerName: repairName(value['readerName']),
  };
}

/** Whether `host` is one of `sites` or a subdomain of one (never a look-alike such as `badexample.com`). */
export function hostInList(sites: readonly string[], host: string): boolean {
  const normal = normaliseHost(host);
  if (!normal) return false;
  return sites.some((site) => normal === site || normal.endsWith(`.${site}`));
}

/** Whether Storyline is off on `host`: a site switched off covers its subdomains too. */
export function isSiteOff(settings: Settings, host: string): boolean {
  return hostInList(settings.sitesOff, host);
}

/**
 * Whether the in-page launcher may show on `host`: not where Storyline is off, nor when the reader
 * chose the browser's side panel (nothing over the article). The background's later calls (a count
 * that changed, a story that arrived for an open page) do not know either; the page checks.
 */
export function launcherAllowed(settings: Settings, host: string): boolean {
  return settings.surface !== 'panel' && !isSiteOff(settings, host);
}

/** Whether the sidebar opens by itself on `host` (never where Storyline is off). */
export function opensAutomatically(settings: Settings, host: string): boolean {
  return hostInList(settings.autoOpen, host) && !isSiteOff(settings, host);
}

/** Applies a change the reader asked for; the result is repaired like anything read from storage. */
export function changeSettings(current: Settings, change: Partial<Settings>): Settings {
  return repairSettings({ ...current, ...change });
}

/** A change sent by an extension page: every given field must be valid, or the change is refused. */
export function parseSettingsChange(raw: unknown): Partial<Settings> | undefined {
  if (!isRecord(raw)) return undefined;
  const change: Partial<Settings> = {};
  for (const [key, value] of Object.entries(raw)) {
    const probe = repairSettings({ [key]: value });
    switch (key) {
      case 'sitesOff':
      case 'autoOpen':
        if (!Array.isArray(value) || probe[key].length !== value.length) return undefined;
        change[key] = probe[key];
        break;
      case 'theme':
      case 'side':
      case 'width':
      case 'surface':
      case 'history':
      case 'readerName':
        if (probe[key] !== value) return undefined;
        (change as Record<string, unknown>)[key] = value;
        break;
      case 'place':
        // Taken only as given: a place that repair would change is refused, not silently altered.
        if (!samePlace(probe.place, value)) return undefined;
        change.place = probe.place;
        break;
      default:
        return undefined;
    }
  }
  return change;
}
