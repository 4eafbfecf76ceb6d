// The toolbar badge: the number of reports of the matched story other than the page itself.
import { browser } from '../shared/browser';

export async function showBadge(tabId: number, count: number | null): Promise<void> {
  const text = count === null ? '' : count > 99 ? '99+' : String(count);
  await browser.action.setBadgeText({ tabId, text });
  if (text) await browser.action.setBadgeBackgroundColor({ tabId, color: '#2a5bd7' });
}
