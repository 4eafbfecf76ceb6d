// A storage area in memory whose every call waits a timer tick, as the browser's do: two
// read-modify-writes started together then overlap as they would in the extension.
import type { SettingsStorage } from '../../../src/shared/settings-area';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));

export function slowArea(): { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } {
  const data: Record<string, unknown> = {};
  return {
    async get(key) {
      await tick();
      return { [key]: structuredClone(data[key]) };
    },
    async set(items) {
      await tick();
      Object.assign(data, structuredClone(items));
    },
  };
}

export function slowStorage(): SettingsStorage {
  return { local: slowArea(), onChanged: { addListener: () => undefined, removeListener: () => undefined } };
}
