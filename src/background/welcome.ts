// The welcome page, opened once on install and again from the popup or the options page.
import { browser } from '../shared/browser';

export const WELCOME_PAGE = 'welcome.html';

export async function openWelcome(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
}
