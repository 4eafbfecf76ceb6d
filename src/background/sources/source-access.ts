// The one way the background reaches the network for a source: only URLs the reader added, only
// with the host permission granted for them (the reader may revoke it at any time, Firefox
// included), and every request written to the network log. The permission check is passed in
// (host-permission.ts in the extension) so this module runs in Node against a local server.
import type { IDBPDatabase } from 'idb';
import { fetchSource, type SourceFetchOptions } from './source-fetch';
import { sourcePermission, type NetworkLogEntry, type SourceFetchResult, type SourceRequest } from '../../formats/source-request';
import type { StorylineDB } from '../../formats/storage-schema';
import { networkLogWriter } from './network-log';

/** Fetches one source request; refresh code takes it as a parameter. */
export type Fetcher = (req: SourceRequest) => Promise<SourceFetchResult>;

export const noPermissionMessage = (url: string): string =>
  `no permission to reach ${sourcePermission(url) ?? url}: use “Grant access again” to allow it`;

/** fetchSource behind the permission check, writing every request it made to the network log. */
export function loggedFetcher(
  database: IDBPDatabase<StorylineDB>,
  mayFetch: (url: string) => Promise<boolean>,
  limits: Pick<SourceFetchOptions, 'timeoutMs' | 'maxBytes'> = {},
): Fetcher {
  const log = networkLogWriter(database);
  return async (req) => {
    if (!(await mayFetch(req.url))) return { status: 'error', reason: 'network', message: noPermissionMessage(req.url) };
    const entries: NetworkLogEntry[] = [];
    const result = await fetchSource(req, { ...limits, log: (entry) => entries.push(entry) });
    await log(entries);
    return result;
  };
}
