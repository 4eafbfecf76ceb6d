import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../shared/i18n';
import type { Settings, SidebarSide, SidebarWidth, Surface, Theme } from '../../formats/settings';
import { sidePanelSupported } from '../../shared/side-panel';

interface Props {
  settings: Settings;
  update(change: Partial<Settings>): Promise<void>;
}

interface Choice<T extends string> {
  value: T;
  label: MessageKey;
  disabled?: boolean;
}

/** One radio group: a fieldset whose legend names the choice; arrow keys move between options. */
function Choices<T extends string>(props: { name: string; legend: MessageKey; value: T; choices: Choice<T>[]; pick(value: T): void; hint?: string }) {
  return (
    <fieldset class="choices" data-testid={`choice-${props.name}`}>
      <legend>{t(props.legend)}</legend>
      {props.choices.map((choice) => (
        <label key={choice.value} class="choice">
          <input
            type="radio"
            name={props.name}
            value={choice.value}
            checked={props.value === choice.value}
            disabled={choice.disabled}
            onChange={() => props.pick(choice.value)}
          />
          <span>{t(choice.label)}</span>
        </label>
      ))}
      {props.hint && <p class="muted choice-hint">{props.hint}</p>}
    </fieldset>
  );
}

/** Theme, where the sidebar shows, its side and width. Open pages follow at once (storage events). */
export function AppearanceSection({ settings, update }: Props) {
  const [message, setMessage] = useState('');
  const panel = sidePanelSupported();
  const save = (change: Partial<Settings>): void => {
    update(change).then(
      () => setMessage(t('appearanceSaved')),
      () => setMessage(t('settingsSaveFailed')),
    );
  };
  const inPage = settings.surface === 'page';

  return (
    <section class="panel" id="appearance" aria-labelledby="appearance-title" data-testid="appearance">
      <h2 id="appearance-title">{t('appearanceTitle')}</h2>
      <Choices<Theme>
        name="theme"
        legend="appearanceTheme"
        value={settings.theme}
        choices={[
          { value: 'system', label: 'themeSystem' },
          { value: 'light', label: 'themeLight' },
          { value: 'dark', label: 'themeDark' },
        ]}
        pick={(theme) => save({ theme })}
      />
      <Choices<Surface>
        name="surface"
        legend="appearanceSurface"
        value={settings.surface}
        choices={[
          { value: 'page', label: 'surfacePage' },
          { value: 'panel', label: 'surfacePanel', disabled: !panel && settings.surface !== 'panel' },
        ]}
        pick={(surface) => save({ surface })}
        hint={panel ? t('surfacePanelHint') : t('surfacePanelUnavailable')}
      />
      {/* Side and width shape the sidebar over the page; the browser sizes its own panel. */}
      <Choices<SidebarSide>
        name="side"
        legend="appearanceSide"
        value={settings.side}
        choices={[
          { value: 'right', label: 'sideRight', disabled: !inPage },
          { value: 'left', label: 'sideLeft', disabled: !inPage },
        ]}
        pick={(side) => save({ side })}
      />
      <div class="inline-form">
        <label for="sidebar-width">{t('appearanceWidth')}</label>
        <select id="sidebar-width" value={settings.width} disabled={!inPage} onChange={(e) => save({ width: e.currentTarget.value as SidebarWidth })}>
          <option value="narrow">{t('widthNarrow')}</option>
          <option value="standard">{t('widthStandard')}</option>
          <option value="wide">{t('widthWide')}</option>
        </select>
      </div>
      <p class="muted" role="status">
        {message}
      </p>
    </section>
  );
}
