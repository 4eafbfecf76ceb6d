// Background → page messages about story sources that are not calls (nobody answers them), and the
// limits pages share with the source calls. Apart from messages-sources.ts so the pages that listen
// for these keep none of the call table.
import { int, isRecord, optStr, str } from '../formats/guards';
import { MAX_SOURCE_URL } from '../formats/url';
import { FEED_ERROR_CODES, type FeedBatchResult, type FeedProgress } from './views';

/** The largest pack file the options page sends (a 10k-story pack is some 15 MB). */
export const MAX_PACK_TEXT = 40_000_000;
/** The longest source URL a page may send (what is stored: an imported file is held to it too). */
export const MAX_URL = MAX_SOURCE_URL;

/**
 * The id an options page gives the pack import it starts: its progress carries it back, and every
 * options tab hears every progress, so each shows only its own import's.
 */
export const IMPORT_ID = /^[A-Za-z0-9-]{8,64}$/;

/** Background → options pages, while a pack is written: not a call, nobody answers it. */
export interface ImportProgress {
  type: 'import/progress';
  /** The page's id for the import (absent when the import was sent without one). */
  importId?: string;
  done: number;
  total: number;
}

/**
 * Background → extension pages, after any change to sources (a feed added or refreshed, a pack
 * updated, a scheduled refresh): pages that list sources read them again. Carries nothing, so a
 * forged one can at most cause a reload; receivers still check it came from the extension itself.
 */
export interface SourcesChanged {
  type: 'sources/changed';
}

export function isSourcesChanged(message: unknown): message is SourcesChanged {
  return isRecord(message) && message['type'] === 'sources/changed' && Object.keys(message).length === 1;
}

export function isImportProgress(message: unknown): message is ImportProgress {
  if (!isRecord(message) || message['type'] !== 'import/progress') return false;
  const id = message['importId'];
  return (id === undefined || (typeof id === 'string' && IMPORT_ID.test(id))) && int(message['done'], 0) !== undefined && int(message['total'], 0) !== undefined;
}

/**
 * Background → welcome page while a batch of feeds is fetched: every source's state, each time,
 * and, once the prompt sources' stories are stored while slow ones are still out, what is stored
 * so far (feed-batch.ts stores in waves).
 */
export interface FeedBatchProgress {
  type: 'feeds/progress';
  sources: FeedProgress[];
  landed?: FeedBatchResult;
}

/** The most feeds one batch may add: the directory's every outlet with its opinion feed, and room. */
export const MAX_BATCH_FEEDS = 300;
const PROGRESS_STATES: readonly FeedProgress['state'][] = ['waiting', 'fetching', 'done', 'failed'];

function progressEntry(value: unknown): boolean {
  if (!isRecord(value) || str(value['url'], MAX_URL) === undefined || int(value['items'], 0) === undefined) return false;
  const state = value['state'];
  const error = value['error'];
  const detail = optStr(value['detail'], 1_000);
  return PROGRESS_STATES.includes(state as FeedProgress['state']) && (error === null || FEED_ERROR_CODES.includes(error as never)) && detail !== undefined;
}

function landedEntry(value: unknown): boolean {
  return isRecord(value) && int(value['sources'], 0) !== undefined && int(value['failed'], 0) !== undefined && int(value['stories'], 0) !== undefined;
}

export function isFeedBatchProgress(message: unknown): message is FeedBatchProgress {
  if (!isRecord(message) || message['type'] !== 'feeds/progress') return false;
  const sources = message['sources'];
  const landed = message['landed'];
  return Array.isArray(sources) && sources.length <= MAX_BATCH_FEEDS && sources.every(progressEntry) && (landed === undefined || landedEntry(landed));
}
