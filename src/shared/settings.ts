// The reader's settings, kept in storage.local (the content script reads them without a message).
// Stored data is validated on read and repaired field by field from the defaults, so a value
// written by an older or newer version, or damaged, never breaks a page.
import { bool, isRecord, oneOf } from './guards';

export type Theme = 'system' | 'light' | 'dark';
export type SidebarSide = 'right' | 'left';
export type SidebarWidth = 'narrow' | 'standard' | 'wide';
/** Where the sidebar shows: over the page, or in the browser's own side panel (Chrome) / sidebar (Firefox). */
export type Surface = 'page' | 'panel';

/** Pixel widths of the in-page sidebar (capped by the viewport). */
export const SIDEBAR_WIDTHS: Readonly<Record<SidebarWidth, number>> = Object.freeze({ narrow: 340, standard: 400, wide: 480 });

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
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  sitesOff: [],
  theme: 'system',
  side: 'right',
  width: 'standard',
  surface: 'page',
  autoOpen: [],
  history: true,
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
        if (probe[key] !== value) return undefined;
        (change as Record<string, unknown>)[key] = value;
        break;
      default:
        return undefined;
    }
  }
  return change;
}
