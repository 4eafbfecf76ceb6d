import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { SidebarView } from '../contracts/views';
import { isStoryGone } from '../contracts/call-result';
import { ApiContext, errorDetail } from './api';
import type { CallBackground } from './api';
import { NoMatch } from './components/NoMatch';
import { Notice } from './components/Notice';
import { SearchFlow } from './components/SearchFlow';
import { StoryPage } from './components/StoryPage';
import { TopBar } from './components/TopBar';
import { DirectoryContext, type DirectoryLoader } from './officials-context';
import type { PanelLink } from './panel';

const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** A text field the reader has typed in (not a checkbox or a button). */
function filledField(target: EventTarget | null): boolean {
  const field = target as Partial<HTMLInputElement> | null;
  if (field?.tagName !== 'INPUT' && field?.tagName !== 'TEXTAREA') return false;
  return !(field.tagName === 'INPUT' && NOT_TEXT.has(field.type ?? '')) && !!field.value;
}

/** Which view a view is, for the acknowledgement of an answer to stay with the view it brought. */
const viewKey = (view: SidebarView): string => (view.kind === 'story' ? `story:${view.story.id}` : view.kind);

type Screen = { status: 'loading' } | { status: 'error'; detail: string } | { status: 'ready'; view: SidebarView };

/**
 * `turn` counts the tabs the sidebar followed: a list view (search results, "maybe related") is
 * a new one for another tab or another search, and a story opened from it does not stay.
 */
function Body({ screen, turn, retry, replace }: { screen: Screen; turn: number; retry(): void; replace(view: SidebarView, notice: string): void }) {
  if (screen.status === 'loading') {
    return (
      <p class="loading" role="status">
        {t('loading')}
      </p>
    );
  }
  if (screen.status === 'error') {
    return (
      <Notice role="alert" title={t('errorLoad')} detail={screen.detail}>
        <button type="button" class="button" onClick={retry}>
          {t('retry')}
        </button>
      </Notice>
    );
  }
  const { view } = screen;
  switch (view.kind) {
    case 'story':
      // Keyed by story: another story (the runner-up after "Not this story", another tab's) is a
      // new page, with its controls fresh and the focus on its title; the same story, recounted,
      // keeps the reader's place.
      return <StoryPage key={`${turn}:${view.story.id}`} story={view.story} onReplace={replace} />;
    case 'search':
      return <SearchFlow key={`${turn}:${view.source}:${view.query}`} view={view} onReplace={replace} />;
    case 'none':
      return <NoMatch key={turn} maybe={view.maybe} library={view.library} onReplace={replace} />;
  }
}

interface Props {
  call: CallBackground;
  /**
   * Calls the listener whenever what to show may have changed (the tab's state was written: a new
   * match, a search from the context menu, a story from the popup; in the side panel, another tab
   * too); answers "stop".
   */
  subscribe?: PanelLink['subscribe'];
  /** Present when shown in the browser's side panel, which closes itself. */
  panel?: Pick<PanelLink, 'close'>;
  /** Loads the officials directory shipped in the extension (absent: letter steps keep their blanks). */
  officials?: DirectoryLoader;
}

/** The sidebar: asks the background what to show for its tab, and closes on request (button or Esc). */
/** The reader's acts on the story shown, which a merge since may have made refer to a story gone. */
const STORY_ACTS = new Set<string>(['story/follow', 'action/set-done', 'story/set-categories']);

export function App({ call, subscribe, panel, officials }: Props) {
  const [screen, setScreen] = useState<Screen>({ status: 'loading' });
  // A problem with the panel itself, in the top bar; the acknowledgement of the reader's answer about
  // the page, above the view it brought.
  const [notice, setNotice] = useState('');
  /** The notice says an act was refused on a story gone (kept through the state changes after it). */
  const goneNotice = useRef(false);
  const [answered, setAnswered] = useState<{ text: string; view: string } | null>(null);
  // The tabs followed so far (the side panel follows the active tab): see Body.
  const [turn, setTurn] = useState(0);
  const turnNow = useRef(0);

  // Views asked for in quick succession (the panel's tab switched twice) may answer out of order:
  // only the latest question's answer is shown.
  const asked = useRef(0);
  const show = useCallback(() => {
    const question = ++asked.current;
    return call('sidebar/view', {}).then(
      (view) => {
        if (question !== asked.current) return;
        setScreen({ status: 'ready', view });
        setTurn(turnNow.current);
        // The view is asked again whenever the tab's state is written, the answer's own write
        // too: the acknowledgement stays while the view is the one the answer brought.
        setAnswered((current) => (current?.view === viewKey(view) ? current : null));
      },
      (err: unknown) => {
        if (question === asked.current) setScreen({ status: 'error', detail: errorDetail(err) });
      },
    );
  }, [call]);

  const load = useCallback(() => {
    setScreen({ status: 'loading' });
    void show();
  }, [show]);

  // State changes heard while a view is on its way are asked about once, after it: a burst of
  // writes costs two questions, not a thousand. Another tab is asked about at once (below): the
  // view on its way is the old tab's, and `asked` drops its answer.
  const refreshing = useRef<'idle' | 'asking' | 'again'>('idle');
  const refresh = useCallback(() => {
    if (refreshing.current !== 'idle') {
      refreshing.current = 'again';
      return;
    }
    refreshing.current = 'asking';
    void show().finally(() => {
      const again = refreshing.current === 'again';
      refreshing.current = 'idle';
      if (again) refresh();
    });
  }, [show]);

  // The story shown may have been merged into another by a refresh since: an act on it the
  // background refused for that (STORY_GONE) asks for the view again, which shows the story that
  // took it. Other calls go through untouched.
  const guarded = useCallback(
    ((type, payload) => {
      const answer = call(type, payload);
      if (!STORY_ACTS.has(type)) return answer;
      return answer.catch((error: unknown) => {
        if (isStoryGone(error)) {
          goneNotice.current = true;
          setNotice(t('storyGoneNotice'));
          refresh();
        }
        throw error;
      });
    }) as CallBackground,
    [call, refresh],
  );

  // The tab got a new match or search (or the side panel follows another tab): the new view
  // replaces the old without a "loading" flash, and an old notice no longer applies. That an act
  // was refused on a story gone stays until the tab changes: the change that took the story (the
  // tab's match written again) is heard right after the refusal.
  useEffect(
    () =>
      subscribe?.((change) => {
        if (change === 'tab' || !goneNotice.current) {
          goneNotice.current = false;
          setNotice('');
        }
        if (change === 'tab') {
          turnNow.current++;
          void show();
          return;
        }
        refresh();
      }),
    [subscribe, show, refresh],
  );

  const close = useCallback(() => {
    goneNotice.current = false;
    setNotice('');
    if (panel) {
      // The panel closes itself; the background only forgets a pending search or pinned story.
      panel.close().catch(() => setNotice(t('closeFailed')));
      call('sidebar/close', {}).catch(() => undefined);
      return;
    }
    call('sidebar/close', {}).catch(() => setNotice(t('closeFailed')));
  }, [call, panel]);

  // An answer about the page (the view it brings) stands only while the sidebar still follows the
  // tab it was given on: after a switch, it was about another tab's page.
  const replace = useCallback(
    (view: SidebarView, message: string) => {
      if (turn !== turnNow.current) return;
      setScreen({ status: 'ready', view });
      setAnswered({ text: message, view: viewKey(view) });
    },
    [turn],
  );

  useEffect(load, [load]);

  useEffect(() => {
    // Esc closes what lies over the page; the browser's panel is the browser's to close. In a field
    // with text in it (the search, a letter's blanks) Esc is the field's: a search box clears, and
    // a letter half written is not lost with the frame.
    if (panel) return undefined;
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && !event.defaultPrevented && !filledField(event.target)) close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [close, panel]);

  const body = (
    <ApiContext.Provider value={guarded}>
      <TopBar onClose={close} notice={notice} />
      <main class="content" aria-busy={screen.status === 'loading'}>
        <p class="answer-notice" role="status" data-testid="answer-notice">
          {answered?.text ?? ''}
        </p>
        <Body screen={screen} turn={turn} retry={load} replace={replace} />
      </main>
    </ApiContext.Provider>
  );
  return officials ? <DirectoryContext.Provider value={officials}>{body}</DirectoryContext.Provider> : body;
}
