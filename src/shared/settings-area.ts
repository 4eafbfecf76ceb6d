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
  /** Writes `settings` whole, in turn with update(). */
  write(settings: Settings): Promise<void>;
  /**
   * Reads the settings, applies `change` and writes the result, one change after the other: two
   * changes asked at once (the popup's and the options page's, an import's) both stand. Answers
   * what was written.
   */
  update(change: (current: Settings) => Settings): Promise<Settings>;
  /** Calls `listener` with the repaired settings whenever they change in any process. */
  onChanged(listener: (settings: Settings) => void, signal: AbortSignal): void;
}

export function settingsArea(storage: SettingsStorage): SettingsArea {
  const read = async (): Promise<Settings> => repairSettings((await storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  // The read-modify-writes of this area, in order: storage.local has no transaction, so two that
  // overlapped would both read the same settings and the later write would drop the other's change.
  let queue: Promise<unknown> = Promise.resolve();
  const update = (change: (current: Settings) => Settings): Promise<Settings> => {
    const run = queue.then(async () => {
      const next = change(await read());
      await storage.local.set({ [SETTINGS_KEY]: next });
      return next;
    });
    // A change that failed is the caller's to hear; it holds back none of the next.
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    read,
    async write(settings) {
      await update(() => settings);
    },
    update,
    onChanged(listener, signal) {
      const handler: ChangeListener = (changes, area) => {
        if (area === 'local' && SETTINGS_KEY in changes) listener(repairSettings(changes[SETTINGS_KEY]?.newValue));
      };
      storage.onChanged.addListener(handler);
      signal.addEventListener('abort', () => storage.onChanged.removeListener(handler), { once: true });
    },
  };
}
