import { useId, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { formatCount } from '../../shared/format';
import { fillTemplate, MAILTO_MAX, mailtoUrl, omitSentences, placeholderLabel, placeholders, type LetterFill } from '../letter';
import type { LetterTemplate as Template } from '../../formats/model';

interface Props {
  template: Template;
  /** The one address to write to, when the step names exactly one. */
  to?: string;
  /** What Storyline fills in itself (the story, the reader's officials and name); the reader may edit it. */
  filled?: LetterFill;
}

const NOTHING_FILLED: LetterFill = { values: new Map(), absent: new Set() };

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
export function LetterTemplate({ template, to, filled = NOTHING_FILLED }: Props) {
  const baseId = useId();
  // What nobody holds for this reader (senators, in D.C.) is no blank to fill: its sentence goes.
  const subjectText = omitSentences(template.subject, filled.absent);
  const bodyText = omitSentences(template.body, filled.absent);
  const keys = placeholders(subjectText, bodyText);
  // The reader's own edits win over what Storyline filled, and survive a later fill (a place set inline).
  const [edits, setEdits] = useState<ReadonlyMap<string, string>>(() => new Map());
  const values = new Map([...filled.values, ...edits]);
  const [status, setStatus] = useState('');
  const subject = fillTemplate(subjectText, values);
  const body = fillTemplate(bodyText, values);
  const missing = keys.filter((key) => !values.get(key)?.trim()).length;
  const whole = mailtoUrl(subject, body, to);
  // Too long for some mail handlers, which cut it or open nothing: the link opens the message with
  // its address and subject, and copies the body for the reader to paste (said before and after).
  const tooLong = whole.length > MAILTO_MAX;

  const copy = (letter: string, copied: string, failed: string): void => {
    if (copyBySelection(letter)) {
      setStatus(copied);
      return;
    }
    // The async clipboard, where the frame may use it (the iframe allows clipboard-write).
    (navigator.clipboard?.writeText(letter) ?? Promise.reject(new Error('no clipboard'))).then(
      () => setStatus(copied),
      () => setStatus(failed),
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
                class="text-field"
                type="text"
                autoComplete="off"
                value={values.get(key) ?? ''}
                onInput={(event) => setEdits(new Map(edits).set(key, (event.target as HTMLInputElement).value))}
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
        <a
          class="button primary"
          href={tooLong ? mailtoUrl(subject, '', to) : whole}
          target="_blank"
          rel="noopener noreferrer"
          {...(tooLong ? { onClick: () => copy(body, t('templateLongCopied'), t('templateLongCopyFailed')), 'aria-describedby': `${baseId}-long` } : {})}
        >
          {t('templateOpenMail')}
        </a>
        <button type="button" class="button" onClick={() => copy(`${subject}\n\n${body}`, t('templateCopied'), t('templateCopyFailed'))}>
          {t('templateCopy')}
        </button>
        <span class="template-status" role="status">
          {status || (missing > 0 ? formatCount('templateMissing', missing) : '')}
        </span>
      </div>
      {tooLong && (
        <p class="template-hint" id={`${baseId}-long`} data-testid="letter-too-long">
          {t('templateTooLong')}
        </p>
      )}
    </details>
  );
}
