// The toolbar badge: on a matched page, the number of reports of its story other than the page
// itself; elsewhere, new reports on the stories the reader follows.
import type { IDBPDatabase } from 'idb';
import { formatCount } from '../shared/format';
import { t, type MessageKey } from '../shared/i18n';
import type { StorylineDB } from '../formats/storage-schema';
import type { BackgroundBrowser } from './browser-api';
import { followedStories } from './follow';
import type { ShowOutcome } from './surface';

/** Orange for "new on what you follow", apart from the blue count of a page's own story. */
const FOLLOW_BADGE_COLOR = '#b4490c';
/** A notice: the sidebar the reader asked for did not open. */
const NOTICE_COLOR = '#6b6b6b';

const NOTICES: Readonly<Record<Exclude<ShowOutcome, 'shown'>, MessageKey>> = {
  'site-off': 'noticeSiteOff',
  'no-page': 'noticeNoPage',
  'panel-failed': 'noticePanelFailed',
};

export interface Badge {
  /**
   * A tab's own count. Without one (null), the tab's text is removed (null, not ''), so the tab shows
   * the global badge: new coverage on followed stories (follow.ts).
   */
  show(tabId: number, count: number | null): Promise<void>;
  /**
   * Why the sidebar the reader asked for (shortcut, menu) did not open, on that tab's button: a
   * mark, and the reason as its tooltip (also its accessible name). The next show() of the tab
   * (its next page, its match) clears it. A background cannot open the popup or a panel by itself
   * after awaiting (Firefox; MDN "User actions"), nor draw on a page it may not or must not touch.
   */
  explain(tabId: number, why: Exclude<ShowOutcome, 'shown'>): Promise<void>;
  /** The global badge (shown where a tab has no count of its own) and the button's tooltip. */
  showFollow(database: IDBPDatabase<StorylineDB>): Promise<void>;
}

export function badge(action: BackgroundBrowser['action']): Badge {
  return {
    async show(tabId, count) {
      const title = await action.getTitle({ tabId });
      const text = count === null ? null : count > 99 ? '99+' : String(count);
      await action.setBadgeText({ tabId, text });
      if (text) await action.setBadgeBackgroundColor({ tabId, color: '#2a5bd7' });
      // A notice (explain()) ends with the page or the count that follows it.
      if (Object.values(NOTICES).some((key) => t(key) === title)) await clearTitle(action, tabId);
    },
    async explain(tabId, why) {
      await action.setBadgeText({ tabId, text: '!' });
      await action.setBadgeBackgroundColor({ tabId, color: NOTICE_COLOR });
      await action.setTitle({ tabId, title: t(NOTICES[why]) });
    },
    async showFollow(database) {
      const fresh = (await followedStories(database)).reduce((sum, story) => sum + story.newReports, 0);
      await action.setBadgeText({ text: fresh === 0 ? '' : fresh > 99 ? '+99' : `+${fresh}` });
      if (fresh > 0) await action.setBadgeBackgroundColor({ color: FOLLOW_BADGE_COLOR });
      await action.setTitle({ title: fresh === 0 ? t('extName') : formatCount('followBadgeTitle', fresh) });
    },
  };
}

/**
 * Removes a tab's own tooltip (a notice). A tab keeps it across pages in Chrome (only closing the
 * tab resets it), so show() does this. Firefox takes null: the tab inherits the global title (MDN
 * action.setTitle). Chrome's schema wants a string: the tab gets the global title as it is now.
 */
async function clearTitle(action: BackgroundBrowser['action'], tabId: number): Promise<void> {
  try {
    await action.setTitle({ tabId, title: null });
  } catch {
    await action.setTitle({ tabId, title: await action.getTitle({}) });
  }
}
