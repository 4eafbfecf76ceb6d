// "Discover from the current tab": the feeds the reader's most recent web page declares in its
// `<link rel="alternate">` tags. The head is read from the open tab in the extension's isolated
// world (background/extraction.ts), never fetched again, so discovery makes no network request.
import { CallError } from '../../contracts/call-result';
import type { BackgroundBrowser } from '../browser-api';
import { pageHead } from '../extraction';
import { discoverFeeds } from '../../formats/feeds';
import type { DiscoveryView } from '../../contracts/views';

type Browser = Pick<BackgroundBrowser, 'tabs' | 'scripting'>;

/** The web page the reader looked at last: the options page itself is a tab too. */
async function lastWebTab(tabs: Browser['tabs']): Promise<{ id: number; url: string; title: string } | null> {
  const web = (await tabs.query({ windowType: 'normal' }))
    .filter((tab) => !tab.incognito && tab.id !== undefined && /^https?:/.test(tab.url ?? ''))
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  return web?.id !== undefined && web.url ? { id: web.id, url: web.url, title: web.title ?? web.url } : null;
}

export async function discoverInCurrentTab(browser: Browser): Promise<DiscoveryView> {
  const tab = await lastWebTab(browser.tabs);
  if (!tab) throw new CallError('not-found', 'no web page is open in a tab');
  const answer: unknown = await pageHead(browser.scripting, tab.id).catch(() => {
    throw new Error('Storyline cannot read that page (open it again after installing or updating)');
  });
  // The page's own markup: only a string is taken, and discoverFeeds reads it as untrusted text.
  const html = typeof answer === 'string' ? answer.slice(0, 500_000) : '';
  return { pageTitle: tab.title, pageUrl: tab.url, feeds: discoverFeeds(html, tab.url) };
}
