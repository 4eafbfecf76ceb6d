import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { PopupState } from '../shared/views';
import { CurrentStory } from './components/CurrentStory';
import { HostAccess } from './components/HostAccess';
import { RecentStories } from './components/RecentStories';
import { SiteSwitch } from './components/SiteSwitch';
import { StorySearch } from './components/StorySearch';
import type { PopupDeps } from './deps';

type TabStatus =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; tabId: number | null; state: PopupState | null };

function TabPanel({ tab, deps }: { tab: TabStatus; deps: PopupDeps }) {
  if (tab.status === 'loading') return <p class="muted" role="status">{t('loading')}</p>;
  if (tab.status === 'error') return <p class="message message-error" role="alert">{t('popupStateFailed')}</p>;
  const { tabId, state } = tab;
  if (tabId === null || !state || !state.scriptable) {
    return (
      <p class="message" data-testid="not-scriptable">
        {t('popupNotScriptable')}
      </p>
    );
  }
  if (state.siteOff && state.host) {
    return (
      <p class="message" data-testid="site-off">
        {t('siteSwitchOff', state.host)}
      </p>
    );
  }
  if (!state.story) {
    return (
      <p class="message" data-testid="no-match">
        {t('noneTitle')}
      </p>
    );
  }
  return <CurrentStory story={state.story} otherReports={state.otherReports} tabId={tabId} deps={deps} />;
}

/** The toolbar popup: the current tab's story, and a search over every stored story. */
export function App({ deps }: { deps: PopupDeps }) {
  const [tab, setTab] = useState<TabStatus>({ status: 'loading' });

  useEffect(() => {
    (async () => {
      const tabId = await deps.findTargetTab();
      const state = tabId === null ? null : await deps.call('popup/state', { tabId });
      setTab({ status: 'ready', tabId, state });
    })().catch(() => setTab({ status: 'error' }));
  }, [deps]);

  // Stories open in the tab's sidebar, so only where a content script runs.
  const target = tab.status === 'ready' && tab.state?.scriptable && !tab.state.siteOff ? tab.tabId : null;
  const openStory =
    target === null
      ? undefined
      : (storyId: string): void => {
          deps
            .call('popup/open-story', { tabId: target, storyId })
            .then((opened) => opened && deps.closePopup())
            .catch(() => undefined);
        };

  return (
    <div class="popup">
      <p class="brand">
        <span class="brand-mark" aria-hidden="true" />
        {t('extName')}
      </p>
      <HostAccess />
      <section class="current" aria-label={t('popupCurrentLabel')}>
        <TabPanel tab={tab} deps={deps} />
      </section>
      {tab.status === 'ready' && tab.state?.scriptable && tab.state.host && (
        <SiteSwitch host={tab.state.host} siteOff={tab.state.siteOff} deps={deps} />
      )}
      <StorySearch call={deps.call} {...(openStory ? { onOpen: openStory } : {})} />
      {tab.status === 'ready' && tab.state && <RecentStories recent={tab.state.recent} {...(openStory ? { onOpen: openStory } : {})} />}
    </div>
  );
}
