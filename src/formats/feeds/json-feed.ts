// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). Publishers bend it: numeric ids,
// `author` (1.0) beside `authors` (1.1), dates without zones, `tags` as a string.
import { parseHttpUrl } from '../url';
import { feedTitle, firstItems, toFeedItem } from './item';
import type { Feed } from './types';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);

function authors(item: Json, feed: Json): string | null {
  const list = [item['authors'], item['author'], feed['authors'], feed['author']]
    .map((a) => (Array.isArray(a) ? a : isObject(a) ? [a] : []))
    .find((a) => a.length > 0) ?? [];
  const names = list.map((a) => (isObject(a) ? str(a['name']) : null)).filter((n): n is string => n !== null);
  return names.length ? names.join(', ') : null;
}

function tags(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
}

export function isJsonFeed(value: unknown): value is Json {
  return isObject(value) && typeof value['version'] === 'string' && value['version'].startsWith('https://jsonfeed.org/version/');
}

export function parseJsonFeed(feed: Json, feedUrl: string | null, maxItems: number): Feed {
  const home = str(feed['home_page_url']);
  const homeUrl = home ? (parseHttpUrl(home, feedUrl ?? undefined)?.href ?? null) : null;
  // Relative item links are resolved against the site, else the feed's own address, as in RSS. The
  // home page as given is no base when relative ("/" resolves nothing) or not http(s).
  const base = homeUrl ?? feedUrl;
  const convert = (item: Json) =>
    toFeedItem(
      {
        id: str(item['id']),
        url: str(item['url']) ?? str(item['external_url']),
        // JSON Feed's titles are plain text (the spec gives HTML its own fields): "Apple <AAPL.O>" is a ticker.
        title: str(item['title']),
        titleIsText: true,
        summaries: [str(item['summary']), str(item['content_text']), str(item['content_html'])],
        date: str(item['date_published']) ?? str(item['date_modified']),
        author: authors(item, feed),
        categories: tags(item['tags']),
        section: null,
      },
      base,
    );
  const items = firstItems((Array.isArray(feed['items']) ? feed['items'] : []).filter(isObject), convert, maxItems);
  return { dialect: 'json', title: feedTitle(str(feed['title']), true), homeUrl, items };
}
