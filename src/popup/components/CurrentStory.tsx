import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { formatCount, formatNumber } from '../../shared/format';
import type { StorySummary } from '../../shared/views';
import type { PopupDeps } from '../deps';

interface Props {
  story: StorySummary;
  otherReports: number;
  tabId: number;
  deps: PopupDeps;
}

export function CurrentStory({ story, otherReports, tabId, deps }: Props) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const openSidebar = (): void => {
    setBusy(true);
    setFailed(false);
    deps
      .call('popup/open-sidebar', { tabId })
      .then((opened) => (opened ? deps.closePopup() : setFailed(true)))
      .catch(() => setFailed(true))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <h1 class="story-title" data-testid="story-title" dir="auto">
        {story.title}
      </h1>
      <p class="summary clamp" dir="auto">{story.summary}</p>
      <ul class="counts">
        <li>{formatCount('otherReportCount', otherReports)}</li>
        <li>{formatCount('opinionCount', story.opinionCount)}</li>
        {story.actionCount > 0 && <li>{formatCount('stepsDone', story.actionCount, [formatNumber(story.actionsDone)])}</li>}
      </ul>
      <button type="button" class="button primary" data-testid="open-sidebar" disabled={busy} onClick={openSidebar}>
        {t('openSidebar')}
      </button>
      <p class="message-error" role="alert">
        {failed ? t('openSidebarFailed') : ''}
      </p>
    </>
  );
}
