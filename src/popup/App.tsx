import { useEffect, useState } from 'preact/hooks';
import { formatCount } from '../shared/format';
import { t, type MessageKey } from '../shared/i18n';
import { CallError } from '../contracts/call-result';
import type { PopupState } from '../contracts/views';
import { CurrentStory } from './components/CurrentStory';
import { HostAccess } from './components/HostAccess';
import { NoMatch } from './components/NoMatch';
import { StoryList } from './components/StoryList';
import { SiteSwitch } from './components/SiteSwitch';
import { StorySearch } from './components/StorySearch';
import type { PopupDeps } from './deps';

type TabStatus =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; tabId: number | null; state: PopupState | null };

/**
 * `switched`: the reader used the site switch in this popup (true: on). Switched off, the switch
 * says so; switched back on, the page is being read now, and its story shows when it is matched.
 */
function TabPanel({ tab, deps, switched }: { tab: TabStatus; deps: PopupDeps; switched: boolean | null }) {
  if (tab.status === 'loading') return <p class="muted" role="status">{t('loading')}</p>;
  if (tab.status === 'error') return <p class="message message-error" role="alert">{t('popupStateFailed')}</p>;
  const { tabId, state } = tab;
  if (tabId !== null && state?.reloadable) {
    return (
      <div class="no-match" data-testid="reload-needed">
        <p class="message">{t('popupReloadNeeded')}</p>
        <button type="button" class="button primary" data-testid="reload-page" onClick={() => deps.reloadTab(tabId)}>
          {t('popupReload')}
        </button>
      </div>
    );
  }
  if (tabId === null || !state || !state.scriptable) {
    return (
      <div class="no-match" data-testid="not-scriptable">
        <p class="message">{t('popupNotScriptable')}</p>
        <p class="muted">{t('popupNotScriptableWhy')}</p>
      </div>
    );
  }
  // Switched in this popup: the switch's own status line says what happened (in place from the
  // start, it is read out; a line made here with its text often was not), until the page is read.
  if (switched === false || (switched === true && state.siteOff)) return null;
  if (state.siteOff && state.host) {
    return (
      <p class="message" data-testid="site-off">
        {t('siteSwitchOff', state.host)}
      </p>
    );
  }
  if (!state.story) return <NoMatch library={state.library} onChooseSources={deps.openWelcome} />;
  return <CurrentStory story={state.story} otherReports={state.otherReports} tabId={tabId} surface={state.surface} deps={deps} />;
}

/** Followed stories listed before "Show all": those with new reports come first. */
const FOLLOWED_SHOWN = 5;

/** The toolbar popup: the current tab's story, and a search over every stored story. */
export function App({ deps }: { deps: PopupDeps }) {
  const [tab, setTab] = useState<TabStatus>({ status: 'loading' });
  // The site switch used in this popup: Storyline left the page, and its story and controls go too.
  const [switchedOff, setSwitchedOff] = useState<boolean | null>(null);
  // Why a story chosen from a list did not open (the reader clicked; the popup stays to say so).
  const [openFailed, setOpenFailed] = useState<MessageKey | null>(null);

  useEffect(() => {
    const stop = new AbortController();
    let asked = 0;
    // Asked again whenever the tab's state changes (the page read and matched while the popup is
    // open, or after the site was switched back on): the latest answer stands.
    const ask = async (tabId: number | null): Promise<void> => {
      const ticket = ++asked;
      const state = tabId === null ? null : await deps.call('popup/state', { tabId });
      if (ticket !== asked || stop.signal.aborted) return;
      // The site switch used here stays as the reader set it (its state line says so, once).
      setTab({ status: 'ready', tabId, state });
    };
    (async () => {
      const tabId = await deps.findTargetTab();
      if (stop.signal.aborted) return;
      if (tabId !== null) deps.watchTab(tabId, () => void ask(tabId).catch(() => undefined), stop.signal);
      await ask(tabId);
    })().catch(() => setTab({ status: 'error' }));
    return () => stop.abort();
  }, [deps]);

  // Stories open in the tab's sidebar: over the page only where a content script runs; the side
  // panel can show one beside any tab.
  const loaded = tab.status === 'ready' ? tab.state : null;
  const state = loaded && switchedOff !== null ? { ...loaded, siteOff: switchedOff } : loaded;
  const panel = state?.surface === 'panel';
  const target = tab.status === 'ready' && state && (state.scriptable || panel) && !state.siteOff ? tab.tabId : null;
  const openStory =
    target === null
      ? undefined
      : (storyId: string): void => {
          // The side panel opens only from the reader's click: before anything else is awaited.
          const opening = panel ? deps.openPanel(target) : Promise.resolve();
          setOpenFailed(null);
          opening
            .then(() => deps.call('popup/open-story', { tabId: target, storyId }))
            .then((opened) => (opened ? deps.closePopup() : setOpenFailed('openSidebarFailed')))
            .catch((error: unknown) => setOpenFailed(error instanceof CallError && error.code === 'not-found' ? 'searchStoryGone' : 'openSidebarFailed'));
        };

  return (
    <div class="popup">
      <header>
        <p class="brand">
          <span class="brand-mark" aria-hidden="true" />
          {t('extName')}
        </p>
      </header>
      <main>
        <HostAccess />
        <section class="current" aria-label={t('popupCurrentLabel')}>
          <TabPanel tab={tab} deps={deps} switched={switchedOff === null ? null : !switchedOff} />
        </section>
        <p class="message-error" role="alert" data-testid="open-failed">
          {openFailed ? t(openFailed) : ''}
        </p>
        {state?.scriptable && !state.siteOff && !state.story && (
          <StoryList
            name="maybe"
            title="maybeTitle"
            note="maybeNote"
            stories={state.maybe.map((story) => ({ id: story.id, title: story.title, meta: formatCount('reportCount', story.reportCount) }))}
            {...(openStory ? { onOpen: openStory } : {})}
          />
        )}
        {state?.scriptable && state.host && <SiteSwitch host={state.host} field="sitesOff" on={!state.siteOff} deps={deps} onSwitched={(on) => setSwitchedOff(!on)} />}
        {/* Opening by itself applies to the sidebar over the page, and never where Storyline is off. */}
        {state?.scriptable && state.host && !state.siteOff && state.surface === 'page' && (
          <SiteSwitch host={state.host} field="autoOpen" on={state.autoOpen} deps={deps} />
        )}
        <StorySearch call={deps.call} {...(openStory ? { onOpen: openStory } : {})} />
        {state && (
          <StoryList
            name="followed"
            title="followedTitle"
            first={FOLLOWED_SHOWN}
            stories={state.followed.map((story) => ({
              id: story.id,
              title: story.title,
              meta: story.newReports > 0 ? formatCount('followedNew', story.newReports) : t('followedNothingNew'),
              fresh: story.newReports > 0,
            }))}
            {...(openStory ? { onOpen: openStory } : {})}
          />
        )}
        {state && (
          <StoryList
            name="top"
            title="topStoriesTitle"
            stories={state.top.map((story) => ({ id: story.id, title: story.title, meta: formatCount('topStoryOutlets', story.outlets) }))}
            {...(openStory ? { onOpen: openStory } : {})}
          />
        )}
        {state && (
          <StoryList
            name="recent"
            title="recentTitle"
            stories={state.recent.map((story) => ({ id: story.id, title: story.title, meta: formatCount('reportCount', story.reportCount) }))}
            {...(openStory ? { onOpen: openStory } : {})}
          />
        )}
      </main>
    </div>
  );
}
