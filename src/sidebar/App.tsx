import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { SidebarView } from '../shared/views';
import { ApiContext, errorDetail } from './api';
import type { CallBackground } from './api';
import { Notice } from './components/Notice';
import { SearchFlow } from './components/SearchFlow';
import { StoryPage } from './components/StoryPage';
import { TopBar } from './components/TopBar';

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
      return <SearchFlow view={view} />;
    case 'none':
      return <Notice role="status" title={t('noneTitle')} detail={t('noneDetail')} />;
  }
}

/** The sidebar: asks the background what to show for its tab, and closes on request (button or Esc). */
export function App({ call }: { call: CallBackground }) {
  const [screen, setScreen] = useState<Screen>({ status: 'loading' });
  const [notice, setNotice] = useState('');

  const load = useCallback(() => {
    setScreen({ status: 'loading' });
    call('sidebar/view', {}).then(
      (view) => setScreen({ status: 'ready', view }),
      (err: unknown) => setScreen({ status: 'error', detail: errorDetail(err) }),
    );
  }, [call]);

  const close = useCallback(() => {
    setNotice('');
    call('sidebar/close', {}).catch(() => setNotice(t('closeFailed')));
  }, [call]);

  const replace = useCallback((view: SidebarView, message: string) => {
    setScreen({ status: 'ready', view });
    setNotice(message);
  }, []);

  useEffect(load, [load]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && !event.defaultPrevented) close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [close]);

  return (
    <ApiContext.Provider value={call}>
      <TopBar onClose={close} notice={notice} />
      <main class="content" aria-busy={screen.status === 'loading'}>
        <Body screen={screen} retry={load} replace={replace} />
      </main>
    </ApiContext.Provider>
  );
}
