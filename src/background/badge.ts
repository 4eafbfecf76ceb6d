// The toolbar badge: on a matched page, the number of reports of its story other than the page
// itself; elsewhere, new reports on the stories the reader follows.
import type { IDBPDatabase } from 'idb';
import { formatCount } from '../shared/format';
import { t } from '../shared/i18n';
import type { StorylineDB } from '../formats/storage-schema';
import type { BackgroundBrowser } from './browser-api';
import { followedStories } from './follow';

/** Orange for "new on what you follow", apart from the blue count of a page's own story. */
const FOLLOW_BADGE_COLOR = '#b4490c';

export interface Badge {
  /**
   * A tab's own count. Without one (null), the tab's text is removed (null, not ''), so the tab shows
   * the global badge: new coverage on followed stories (follow.ts).
   */
  show(tabId: number, count: number | null): Promise<void>;
  /** The global badge (shown where a tab has no count of its own) and the button's tooltip. */
  showFollow(database: IDBPDatabase<StorylineDB>): Promise<void>;
}

export function badge(action: BackgroundBrowser['action']): Badge {
  return {
    async show(tabId, count) {
      const text = count === null ? null : count > 99 ? '99+' : String(count);
      await action.setBadgeText({ tabId, text });
      if (text) await action.setBadgeBackgroundColor({ tabId, color: '#2a5bd7' });
    },
    async showFollow(database) {
      const fresh = (await followedStories(database)).reduce((sum, story) => sum + story.newReports, 0);
      await action.setBadgeText({ text: fresh === 0 ? '' : fresh > 99 ? '+99' : `+${fresh}` });
      if (fresh > 0) await action.setBadgeBackgroundColor({ color: FOLLOW_BADGE_COLOR });
      await action.setTitle({ title: fresh === 0 ? t('extName') : formatCount('followBadgeTitle', fresh) });
    },
  };
}
