import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { BackgroundCalls, ReqOf, ResOf } from '../contracts/messages';
import type { Settings } from '../formats/settings';
import type { OptionsState, SourcesState } from '../contracts/views';
import { AppearanceSection } from './components/AppearanceSection';
import { DataSection } from './components/DataSection';
import { FeedsSection } from './components/FeedsSection';
import { HostListSection } from './components/HostListSection';
import { HistorySection } from './components/HistorySection';
import { ImportSection } from './components/ImportSection';
import { NetworkLogSection } from './components/NetworkLogSection';
import { OptionsNav } from './components/OptionsNav';
import { PlaceSection } from './components/PlaceSection';
import { PrivacySection } from './components/PrivacySection';
import { SourcesSection } from './components/SourcesSection';
import { SubscriptionsSection } from './components/SubscriptionsSection';
import type { OptionsPlatform } from './platform';

export type Call = <K extends keyof BackgroundCalls>(type: K, payload: ReqOf<BackgroundCalls, K>) => Promise<ResOf<BackgroundCalls, K>>;

type Loaded =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; state: OptionsState; sources: SourcesState; settings: Settings };

/** The options page: where stories come from, where Storyline is off, and what it keeps. */
export function App({ call, platform }: { call: Call; platform: OptionsPlatform }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  // Reads of the state do not wait for the sources' writes (background/sources/runtime-env.ts):
  // one begun before a write can answer after the read that write's change brought, and only the
  // latest read's answer is shown.
  const asked = useRef(0);
  // Settings written here or heard since a read began are newer than the settings it brings.
  const settingsChanged = useRef(0);
  const load = useCallback(() => {
    const question = ++asked.current;
    const settingsAt = settingsChanged.current;
    Promise.all([call('options/state', {}), call('sources/state', {}), call('settings/get', {})]).then(
      ([state, sources, settings]) =>
        question === asked.current &&
        setLoaded((current) => ({ status: 'ready', state, sources, settings: settingsAt !== settingsChanged.current && current.status === 'ready' ? current.settings : settings })),
      () => question === asked.current && setLoaded({ status: 'error' }),
    );
  }, [call]);
  useEffect(load, [load]);
  // Sources changed elsewhere (a scheduled refresh, another page, the welcome page's first fetch):
  // read them again, once a burst of changes is over.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = platform.onSourcesChanged(() => {
      clearTimeout(timer);
      timer = setTimeout(load, 150);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [platform, load]);

  // Settings changed elsewhere (the popup's "Off on this site", another options tab): shown at once,
  // so no list or switch here shows (and writes back) what they were before.
  useEffect(
    () =>
      platform.onSettingsChanged((settings) => {
        settingsChanged.current++;
        setLoaded((current) => (current.status === 'ready' ? { ...current, settings } : current));
      }),
    [platform],
  );

  /** A change given as a function is made from the settings as stored now, not as shown. */
  const update = useCallback(
    async (change: Partial<Settings> | ((current: Settings) => Partial<Settings>)) => {
      const made = typeof change === 'function' ? change(await call('settings/get', {})) : change;
      const settings = await call('settings/update', { change: made });
      settingsChanged.current++;
      setLoaded((current) => (current.status === 'ready' ? { ...current, settings } : current));
    },
    [call],
  );

  return (
    <div class="options">
      <header class="options-header">
        <p class="brand">
          <span class="brand-mark" aria-hidden="true" />
          {t('extName')}
        </p>
        <h1>{t('optionsTitle')}</h1>
        <p class="welcome-link">
          <a href="welcome.html" target="_blank" data-testid="open-welcome">
            {t('chooseSources')}
          </a>{' '}
          <span class="muted">{t('chooseSourcesHint')}</span>
        </p>
      </header>
      {loaded.status === 'ready' && <OptionsNav />}
      <main>
        {loaded.status === 'loading' && <p role="status">{t('loading')}</p>}
        {loaded.status === 'error' && (
          <p class="message-error" role="alert">
            {t('optionsLoadFailed')}
          </p>
        )}
        {loaded.status === 'ready' && (
          <>
            <AppearanceSection settings={loaded.settings} update={update} />
            <PlaceSection settings={loaded.settings} update={update} />
            <SourcesSection packs={loaded.state.packs} call={call} changed={load} />
            <ImportSection call={call} platform={platform} changed={load} />
            <SubscriptionsSection subscriptions={loaded.sources.subscriptions} call={call} platform={platform} changed={load} />
            <FeedsSection feeds={loaded.sources.feeds} store={loaded.sources.feedStore} windowDays={loaded.sources.prefs.feedRetentionDays} refreshHours={loaded.sources.prefs.refreshHours} scheduled={loaded.sources.scheduled} call={call} platform={platform} changed={load} />
            <HostListSection field="sitesOff" sites={loaded.settings.sitesOff} update={update} />
            <HostListSection field="autoOpen" sites={loaded.settings.autoOpen} update={update} />
            <HistorySection history={loaded.sources.history} total={loaded.sources.historyTotal} answers={loaded.sources.pageAnswers} answersAway={loaded.sources.answersAway} prefs={loaded.sources.prefs} recording={loaded.settings.history} update={update} call={call} changed={load} />
            <DataSection call={call} changed={load} />
            <NetworkLogSection entries={loaded.sources.networkLog} call={call} changed={load} />
          </>
        )}
        <PrivacySection />
      </main>
    </div>
  );
}
