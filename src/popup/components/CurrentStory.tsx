import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { formatCount, formatNumber } from '../../shared/format';
import type { Surface } from '../../formats/settings';
import type { StorySummary } from '../../contracts/views';
import { BusyButton } from '../../ui/busy-button';
import type { PopupDeps } from '../deps';

interface Props {
  story: StorySummary;
  otherReports: number;
  tabId: number;
  surface: Surface;
  deps: PopupDeps;
}

export function CurrentStory({ story, otherReports, tabId, surface, deps }: Props) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const openSidebar = (): void => {
    // The side panel opens only from the click itself: before anything else is awaited.
    const panel = surface === 'panel' ? deps.openPanel(tabId) : Promise.resolve();
    setBusy(true);
    setFailed(false);
    panel
      .then(() => deps.call('popup/open-sidebar', { tabId }))
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
      {/* Busy, not disabled: should the sidebar not open, the focus is still on the button (busy-button.tsx). */}
      <BusyButton type="button" class="button primary" data-testid="open-sidebar" busy={busy} onClick={openSidebar}>
        {t('openSidebar')}
      </BusyButton>
      <p class="message-error" role="alert">
        {failed ? t('openSidebarFailed') : ''}
      </p>
    </>
  );
}
