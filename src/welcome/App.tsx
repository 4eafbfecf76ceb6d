import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { feedUrlsOf, hostPatternsOf, type Directory, type DirectoryOutlet } from '../formats/directory';
import { t } from '../shared/i18n';
import { errorText } from '../shared/error-text';
import type { FeedBatchResult, FeedProgress, TopStory } from '../contracts/views';
import { IngestProgress, type SourceLabel } from './components/IngestProgress';
import { Intro } from './components/Intro';
import { SourcePicker } from './components/SourcePicker';
import type { WelcomeDeps } from './deps';

type Stage =
  | { name: 'loading' }
  | { name: 'error' }
  | { name: 'choose'; directory: Directory; subscribed: Set<string> }
  | {
      name: 'fetching';
      labels: Map<string, SourceLabel>;
      progress: FeedProgress[];
      /** What is stored while slow sources are still out (feed-batch.ts stores in waves). */
      landed: FeedBatchResult | null;
      result: FeedBatchResult | null;
      /** Before "Try again": the sources the earlier rounds stored (the result adds them up). */
      earlier: number;
      failure: string | null;
      /** Once stories are stored: the stories most of the new sources cover now. */
      top: TopStory[];
    };

const waitingOf = (url: string): FeedProgress => ({ url, state: 'waiting', items: 0, error: null, detail: null });

/** The batch's latest states over the rows shown: a retry reports only the sources it retries. */
function merged(shown: readonly FeedProgress[], latest: readonly FeedProgress[]): FeedProgress[] {
  const byUrl = new Map(latest.map((p) => [p.url, p]));
  const known = new Set(shown.map((p) => p.url));
  return [...shown.map((p) => byUrl.get(p.url) ?? p), ...latest.filter((p) => !known.has(p.url))];
}

/** Which outlet (and which of its feeds) each feed URL is, for the progress list. */
function labelsOf(outlets: readonly DirectoryOutlet[]): Map<string, SourceLabel> {
  const labels = new Map<string, SourceLabel>();
  for (const outlet of outlets) {
    labels.set(outlet.feeds.top, { name: outlet.name, opinion: false });
    if (outlet.feeds.opinion) labels.set(outlet.feeds.opinion, { name: outlet.name, opinion: true });
  }
  return labels;
}

/**
 * The first-run page: what Storyline does, the privacy promise, and the choice of news sources from
 * the directory shipped in the extension; then each source's first fetch as it happens.
 */
export function App({ deps }: { deps: WelcomeDeps }) {
  const [stage, setStage] = useState<Stage>({ name: 'loading' });

  useEffect(() => {
    Promise.all([deps.loadDirectory(), deps.call('welcome/state', {})]).then(
      ([directory, state]) => setStage({ name: 'choose', directory, subscribed: new Set(state.feeds) }),
      () => setStage({ name: 'error' }),
    );
  }, [deps]);

  // While the reader chooses, sources added or removed elsewhere (options, another welcome tab) move
  // outlets in or out of "Added": the choice is made against what is taken now.
  useEffect(
    () =>
      deps.onSourcesChanged(() => {
        deps.call('welcome/state', {}).then(
          (state) => setStage((current) => (current.name === 'choose' ? { ...current, subscribed: new Set(state.feeds) } : current)),
          () => undefined,
        );
      }),
    [deps],
  );

  /** The stories most of the new sources cover, read again each time more are stored. */
  const loadTop = useMemo(
    () => (): void => {
      // A list that cannot be had leaves the page as it is: the sources are in all the same.
      deps.call('welcome/top-stories', {}).then(
        (top) => setStage((current) => (current.name === 'fetching' ? { ...current, top } : current)),
        () => undefined,
      );
    },
    [deps],
  );
  const landedStories = useRef<number | null>(null);
  const progressListener = useMemo(
    () => (sources: FeedProgress[], landed: FeedBatchResult | null) => {
      setStage((current) =>
        current.name === 'fetching' && current.result === null
          ? { ...current, progress: merged(current.progress, sources), landed: landed ? { ...landed, sources: landed.sources + current.earlier } : current.landed }
          : current,
      );
      if (landed !== null && landed.stories !== landedStories.current) {
        landedStories.current = landed.stories;
        loadTop();
      }
    },
    [loadTop],
  );
  useEffect(() => deps.onProgress(progressListener), [deps, progressListener]);

  /** Adds `urls` once the host access asked for is granted; the result counts the earlier rounds' sources too. */
  const fetchSources = (asked: Promise<boolean>, urls: string[]): void => {
    asked
      .then((granted) => {
        if (!granted) throw new Error(t('welcomeAccessRefused'));
        return deps.call('feeds/add-many', { urls });
      })
      .then(
        (result) => {
          setStage((current) => (current.name === 'fetching' ? { ...current, result: { ...result, sources: result.sources + current.earlier } } : current));
          loadTop();
        },
        (error: unknown) =>
          setStage((current) => (current.name === 'fetching' ? { ...current, failure: errorText(error) } : current)),
      );
  };

  /** Runs from the Save click: the permission request comes first, before anything is awaited. */
  const save = (outlets: DirectoryOutlet[], withOpinion: boolean, subscribed: Set<string>): void => {
    const urls = feedUrlsOf(outlets, { opinion: withOpinion }).filter((url) => !subscribed.has(url));
    const asked = deps.requestHosts(hostPatternsOf(urls));
    setStage({ name: 'fetching', labels: labelsOf(outlets), progress: urls.map(waitingOf), landed: null, result: null, earlier: 0, failure: null, top: [] });
    fetchSources(asked, urls);
  };

  /**
   * "Try again" on the sources that failed (a server down a moment, access withdrawn), or on all of
   * them when the batch could not run (access refused): asked for again, as on Save.
   */
  const retry = (urls: string[]): void => {
    const asked = deps.requestHosts(hostPatternsOf(urls));
    const again = new Set(urls);
    landedStories.current = null;
    setStage((current) =>
      current.name === 'fetching' && (current.result || current.failure)
        ? { ...current, progress: current.progress.map((p) => (again.has(p.url) ? waitingOf(p.url) : p)), landed: null, result: null, earlier: current.result?.sources ?? current.earlier, failure: null }
        : current,
    );
    fetchSources(asked, urls);
  };

  return (
    <div class="welcome">
      <header class="welcome-header">
        <p class="brand">
          <span class="brand-mark" aria-hidden="true" />
          {t('extName')}
        </p>
        <h1>{t('welcomeTitle')}</h1>
      </header>
      <main>
        <Intro />
        {stage.name === 'loading' && <p role="status">{t('loading')}</p>}
        {stage.name === 'error' && (
          <p class="message-error" role="alert">
            {t('welcomeLoadFailed')}
          </p>
        )}
        {stage.name === 'choose' && (
          <SourcePicker directory={stage.directory} subscribed={stage.subscribed} onSave={(outlets, withOpinion) => save(outlets, withOpinion, stage.subscribed)} />
        )}
        {stage.name === 'fetching' && (
          <IngestProgress labels={stage.labels} progress={stage.progress} landed={stage.landed} result={stage.result} failure={stage.failure} top={stage.top} retry={retry} openOptions={deps.openOptions} />
        )}
      </main>
    </div>
  );
}
