// The reader's settings, kept in storage.local (the content script reads them without a message).
// Stored data is validated on read and repaired field by field from the defaults, so a value
// written by an older or newer version, or damaged, never breaks a page.
import { bool, int, isRecord, oneOf } from './guards';

export type Theme = 'system' | 'light' | 'dark';
export type SidebarSide = 'right' | 'left';

export interface Settings {
  /** Hosts (and their subdomains) where Storyline does nothing at all. */
  sitesOff: string[];
  theme: Theme;
  side: SidebarSide;
  /** Keep a record of articles read (never in private windows). */
  history: boolean;
  historyRetentionDays: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  sitesOff: [],
  theme: 'system',
  side: 'right',
  history: true,
  historyRetentionDays: 90,
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

export function repairSettings(raw: unknown): Settings {
  const value = isRecord(raw) ? raw : {};
  const sites = Array.isArray(value['sitesOff']) ? value['sitesOff'] : [];
  const sitesOff = [...new Set(sites.flatMap((s) => (typeof s === 'string' ? [normaliseHost(s)] : [])).filter((s): s is string => !!s))]
    .sort()
    .slice(0, MAX_SITES);
  return {
    sitesOff,
    theme: oneOf(value['theme'], ['system', 'light', 'dark'] as const) ?? DEFAULT_SETTINGS.theme,
    side: oneOf(value['side'], ['right', 'left'] as const) ?? DEFAULT_SETTINGS.side,
    history: bool(value['history']) ?? DEFAULT_SETTINGS.history,
    historyRetentionDays: int(value['historyRetentionDays'], 1, 3_650) ?? DEFAULT_SETTINGS.historyRetentionDays,
  };
}

/** Whether Storyline is off on `host`: a site switched off covers its subdomains too. */
export function isSiteOff(settings: Settings, host: string): boolean {
  const normal = normaliseHost(host);
  if (!normal) return false;
  return settings.sitesOff.some((site) => normal === site || normal.endsWith(`.${site}`));
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
        if (!Array.isArray(value) || probe.sitesOff.length !== value.length) return undefined;
        change.sitesOff = probe.sitesOff;
        break;
      case 'theme':
      case 'side':
      case 'history':
      case 'historyRetentionDays':
        if (probe[key] !== value) return undefined;
        (change as Record<string, unknown>)[key] = value;
        break;
      default:
        return undefined;
    }
  }
  return change;
}
