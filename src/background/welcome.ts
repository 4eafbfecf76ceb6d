// The welcome page, opened once on install and again from the popup or the options page.
import type { BackgroundBrowser } from './browser-api';

export const WELCOME_PAGE = 'welcome.html';

export async function openWelcome(browser: Pick<BackgroundBrowser, 'tabs' | 'runtime'>): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
}
