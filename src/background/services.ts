// The background's long-lived parts, made once from the browser it was given: the per-tab state,
// the settings, the badge, the problem log, the built-in packs, the sidebar's surface and the one
// queue for sources. startBackground() makes them; handlers and listeners get them from here, and
// Node tests make them from a fake browser.
import { settingsArea, type SettingsArea } from '../shared/settings-area';
import { badge, type Badge } from './badge';
import type { BackgroundBrowser } from './browser-api';
import type { ReadPackFile } from './builtin-pack-install';
import { builtinPacks, packageReader, type EnsureBuiltinPacks } from './builtin-packs';
import { contentCaller, type CallContent } from './content-calls';
import { importFinisher, type ImportFinisher } from './import-finish';
import { problemLog, type ProblemLog } from './problems';
import { sourceAlarms, type SourceAlarms } from './sources/alarms';
import { sourceQueue, type Serially } from './sources/runtime-env';
import { surface, type Surface } from './surface';
import { tabStates, type TabStates } from './tab-state';

export interface Services {
  browser: BackgroundBrowser;
  states: TabStates;
  settings: SettingsArea;
  callContent: CallContent;
  badge: Badge;
  problems: ProblemLog;
  ensureBuiltinPacks: EnsureBuiltinPacks;
  surface: Surface;
  serially: Serially;
  alarms: SourceAlarms;
  /** Finishes reader-data imports after their commit (import-finish.ts). */
  imports: ImportFinisher;
}

/** `readPackaged`: how the built-in packs are read (the extension's own package unless told). */
export function createServices(browser: BackgroundBrowser, readPackaged: ReadPackFile = packageReader(browser.runtime)): Services {
  const settings = settingsArea(browser.storage);
  const callContent = contentCaller(browser.tabs);
  const serially = sourceQueue(browser);
  const theBadge = badge(browser.action);
  const alarms = sourceAlarms(browser.alarms, serially);
  return {
    browser,
    states: tabStates(browser.storage.session),
    settings,
    callContent,
    badge: theBadge,
    problems: problemLog(browser.storage.session),
    ensureBuiltinPacks: builtinPacks(readPackaged),
    surface: surface({ settings, callContent, scripting: browser.scripting, openSidePanel: browser.openSidePanel }),
    serially,
    alarms,
    imports: importFinisher({ settings, badge: theBadge, serially, alarms }),
  };
}
