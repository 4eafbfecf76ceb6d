import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { SidebarView } from '../contracts/views';
import { ApiContext, errorDetail } from './api';
import type { CallBackground } from './api';
import { NoMatch } from './components/NoMatch';
import { Notice } from './components/Notice';
import { SearchFlow } from './components/SearchFlow';
import { StoryPage } from './components/StoryPage';
import { TopBar } from './components/TopBar';
import { DirectoryContext, type DirectoryLoader } from './officials-context';
import type { PanelLink } from './panel';

/** Which view a view is, for the acknowledgement of an answer to stay with the view it brought. */
const viewKey = (view: SidebarView): string => (view.kind === 'story' ? `story:${view.story.id}` : view.kind);

type Screen = { status: 'loading' } | { status: 'error'; detail: string } | { status: 'ready'; view: SidebarView };

function Body({ screen, retry, replace }: { screen: Screen; retry(): void; replace(view: SidebarView, notice: string): void }) {
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
      return <StoryPage story={view.story} onReplace={replace} />;
    case 'search':
      return <SearchFlow view={view} onReplace={replace} />;
    case 'none':
      return <NoMatch maybe={view.maybe} onReplace={replace} />;
  }
}

interface Props {
  call: CallBackground;
  /** Present when shown in the browser's side panel, which follows a tab and closes itself. */
  panel?: Pick<PanelLink, 'subscribe' | 'close'>;
  /** Loads the officials directory shipped in the extension (absent: letter steps keep their blanks). */
  officials?: DirectoryLoader;
}

/** The sidebar: asks the background what to show for its tab, and closes on request (button or Esc). */
export function App({ call, panel, officials }: Props) {
  const [screen, setScreen] = useState<Screen>({ status: 'loading' });
  // A problem with the panel itself, in the top bar; the acknowledgement of the reader's answer about
  // the page, above the view it brought.
  const [notice, setNotice] = useState('');
  const [answered, setAnswered] = useState<{ text: string; view: string } | null>(null);

  const show = useCallback(
    () =>
      call('sidebar/view', {}).then(
        (view) => {
          setScreen({ status: 'ready', view });
          // The side panel reloads its view whenever the tab's state is written, the answer's own
          // write too: the acknowledgement stays while the view is the one the answer brought.
          setAnswered((current) => (current?.view === viewKey(view) ? current : null));
        },
        (err: unknown) => setScreen({ status: 'error', detail: errorDetail(err) }),
      ),
    [call],
  );

  const load = useCallback(() => {
    setScreen({ status: 'loading' });
    void show();
  }, [show]);

  // The side panel's tab changed or got a new match: the new view replaces the old without a
  // "loading" flash, and an old notice no longer applies.
  useEffect(
    () =>
      panel?.subscribe(() => {
        setNotice('');
        void show();
      }),
    [panel, show],
  );

  const close = useCallback(() => {
    setNotice('');
    if (panel) {
      // The panel closes itself; the background only forgets a pending search or pinned story.
      panel.close().catch(() => setNotice(t('closeFailed')));
      call('sidebar/close', {}).catch(() => undefined);
      return;
    }
    call('sidebar/close', {}).catch(() => setNotice(t('closeFailed')));
  }, [call, panel]);

  const replace = useCallback((view: SidebarView, message: string) => {
    setScreen({ status: 'ready', view });
    setAnswered({ text: message, view: viewKey(view) });
  }, []);

  useEffect(load, [load]);

  useEffect(() => {
    // Esc closes what lies over the page; the browser's panel is the browser's to close.
    if (panel) return undefined;
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && !event.defaultPrevented) close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [close, panel]);

  const body = (
    <ApiContext.Provider value={call}>
      <TopBar onClose={close} notice={notice} />
      <main class="content" aria-busy={screen.status === 'loading'}>
        <p class="answer-notice" role="status" data-testid="answer-notice">
          {answered?.text ?? ''}
        </p>
        <Body screen={screen} retry={load} replace={replace} />
      </main>
    </ApiContext.Provider>
  );
  return officials ? <DirectoryContext.Provider value={officials}>{body}</DirectoryContext.Provider> : body;
}
