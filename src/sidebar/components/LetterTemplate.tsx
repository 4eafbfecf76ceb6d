import { useId, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { formatCount } from '../../shared/format';
import { fillTemplate, mailtoUrl, placeholderLabel, placeholders } from '../letter';
import type { LetterTemplate as Template } from '../../formats/model';

interface Props {
  template: Template;
  /** The one address to write to, when the step names exactly one. */
  to?: string;
  /** What Storyline fills in itself (the story, the reader's officials and name); the reader may edit it. */
  filled?: Readonly<Record<string, string>>;
}

/**
 * Copies by selecting the text and running the copy command, inside the click: it needs no
 * permission, so it works in the sidebar iframe on a page whose permissions policy blocks the async
 * clipboard (and where an http page leaves the frame without `navigator.clipboard` at all).
 */
function copyBySelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.readOnly = true;
  // Out of sight and fixed, so selecting it scrolls nothing.
  Object.assign(area.style, { position: 'fixed', insetBlockStart: '0', insetInlineStart: '0', opacity: '0', pointerEvents: 'none' });
  const focused = document.activeElement;
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    if (focused instanceof HTMLElement) focused.focus();
  }
}

/**
 * A letter the reader completes: one field per placeholder, a live preview, then "Open in mail"
 * or "Copy". What the reader types stays in this panel: it is never stored or sent by Storyline.
 */
export function LetterTemplate({ template, to, filled = {} }: Props) {
  const baseId = useId();
  const keys = placeholders(template.subject, template.body);
  // The reader's own edits win over what Storyline filled, and survive a later fill (a place set inline).
  const [edits, setEdits] = useState<Record<string, string>>({});
  const values = { ...filled, ...edits };
  const [status, setStatus] = useState('');
  const subject = fillTemplate(template.subject, values);
  const body = fillTemplate(template.body, values);
  const missing = keys.filter((key) => !values[key]?.trim()).length;

  const copy = (): void => {
    const letter = `${subject}\n\n${body}`;
    if (copyBySelection(letter)) {
      setStatus(t('templateCopied'));
      return;
    }
    // The async clipboard, where the frame may use it (the iframe allows clipboard-write).
    (navigator.clipboard?.writeText(letter) ?? Promise.reject(new Error('no clipboard'))).then(
      () => setStatus(t('templateCopied')),
      () => setStatus(t('templateCopyFailed')),
    );
  };

  return (
    <details class="template" data-testid="letter">
      <summary>{t('templateTitle')}</summary>
      <p class="template-hint">{t('templateHint')}</p>
      {keys.length > 0 && (
        <div class="template-fields">
          {keys.map((key) => (
            <label key={key} class="template-field" for={`${baseId}-${key}`}>
              <span>{placeholderLabel(key)}</span>
              <input
                id={`${baseId}-${key}`}
                type="text"
                autoComplete="off"
                value={values[key] ?? ''}
                onInput={(event) => setEdits({ ...edits, [key]: (event.target as HTMLInputElement).value })}
              />
            </label>
          ))}
        </div>
      )}
      <p class="template-subject" dir="auto">
        {t('templateSubject', subject)}
      </p>
      {/* A long letter scrolls inside its box: focusable, so a keyboard can scroll it too. */}
      <pre class="template-body" dir="auto" data-testid="letter-body" tabIndex={0} aria-label={t('templatePreview')}>
        {body}
      </pre>
      <div class="template-actions">
        <a class="button primary" href={mailtoUrl(subject, body, to)} target="_blank" rel="noopener noreferrer">
          {t('templateOpenMail')}
        </a>
        <button type="button" class="button" onClick={copy}>
          {t('templateCopy')}
        </button>
        <span class="template-status" role="status">
          {status || (missing > 0 ? formatCount('templateMissing', missing) : '')}
        </span>
      </div>
    </details>
  );
}
