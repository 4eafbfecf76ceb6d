// The welcome page's first fetch: many feeds added at once, their progress sent to the page as it
// happens. The fetching itself (at most six requests in flight, a timeout per source, the stories
// clustered once every source has answered, or in waves when some are slow) is feed-batch.ts's;
// this module only reports it.
import type { FeedBatchProgress } from '../../contracts/source-events';
import type { FeedBatchResult, FeedProgress } from '../../contracts/views';
import type { BackgroundRuntime } from '../browser-api';
import { addFeeds } from './feed-batch';
import type { Serially } from './runtime-env';

/** At most this often a progress message: a hundred sources landing at once would flood the page. */
const PROGRESS_EVERY_MS = 150;

function reporter(runtime: Pick<BackgroundRuntime, 'sendMessage'>, urls: readonly string[]): { update(p: FeedProgress): void; landed(soFar: FeedBatchResult): void; flush(): void } {
  const states = new Map<string, FeedProgress>(urls.map((url) => [url, { url, state: 'waiting', items: 0, error: null, detail: null }]));
  let landed: FeedBatchResult | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = (): void => {
    timer = undefined;
    const message: FeedBatchProgress = { type: 'feeds/progress', sources: [...states.values()], ...(landed ? { landed } : {}) };
    // Nobody may be listening (the page was closed): the batch goes on all the same.
    runtime.sendMessage(message).catch(() => undefined);
  };
  return {
    update(p) {
      states.set(p.url, p);
      timer ??= setTimeout(send, PROGRESS_EVERY_MS);
    },
    landed(soFar) {
      landed = soFar;
      clearTimeout(timer);
      send();
    },
    flush() {
      clearTimeout(timer);
      send();
    },
  };
}

export async function addFeedBatch(runtime: Pick<BackgroundRuntime, 'sendMessage'>, serially: Serially, urls: string[]): Promise<FeedBatchResult> {
  const progress = reporter(runtime, urls);
  try {
    return await serially((env) => addFeeds(env, urls, (p) => progress.update(p), { onWave: (soFar) => progress.landed(soFar) }));
  } finally {
    progress.flush();
  }
}
