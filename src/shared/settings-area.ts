// In shared/ because the background and settings-store.ts (content script, pages) both read settings through it.
// Reading and writing settings in a storage area handed in, repaired on every read. The pages bind
// it to the extension's storage (settings-store.ts); the background passes the storage its entry
// point was given, and Node tests a fake.
import { repairSettings, SETTINGS_KEY, type Settings } from '../formats/settings';

type Changes = Record<string, { newValue?: unknown }>;
type ChangeListener = (changes: Changes, area: string) => void;

/** The part of `browser.storage` settings need. */
export interface SettingsStorage {
  local: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  onChanged: { addListener(listener: ChangeListener): void; removeListener(listener: ChangeListener): void };
}

export interface SettingsArea {
  read(): Promise<Settings>;
  write(settings: Settings): Promise<void>;
  /** Calls `listener` with the repaired settings whenever they change in any process. */
  onChanged(listener: (settings: Settings) => void, signal: AbortSignal): void;
}

export function settingsArea(storage: SettingsStorage): SettingsArea {
  return {
    async read() {
      const stored = await storage.local.get(SETTINGS_KEY);
      return repairSettings(stored[SETTINGS_KEY]);
    },
    async write(settings) {
      await storage.local.set({ [SETTINGS_KEY]: settings });
    },
    onChanged(listener, signal) {
      const handler: ChangeListener = (changes, area) => {
        if (area === 'local' && SETTINGS_KEY in changes) listener(repairSettings(changes[SETTINGS_KEY]?.newValue));
      };
      storage.onChanged.addListener(handler);
      signal.addEventListener('abort', () => storage.onChanged.removeListener(handler), { once: true });
    },
  };
}
