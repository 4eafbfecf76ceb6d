import { useId, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { fillTemplate, mailtoUrl, placeholderLabel, placeholders } from '../../shared/letter';
import type { LetterTemplate as Template } from '../../shared/model';

interface Props {
  template: Template;
  /** The one address to write to, when the step names exactly one. */
  to?: string;
}

/**
 * A letter the reader completes: one field per placeholder, a live preview, then "Open in mail"
 * or "Copy". What the reader types stays in this panel: it is never stored or sent by Storyline.
 */
export function LetterTemplate({ template, to }: Props) {
  const baseId = useId();
  const keys = placeholders(template.subject, template.body);
  const [values, setValues] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const subject = fillTemplate(template.subject, values);
  const body = fillTemplate(template.body, values);
  const missing = keys.filter((key) => !values[key]?.trim()).length;

  const copy = (): void => {
    navigator.clipboard.writeText(`${subject}\n\n${body}`).then(
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
                onInput={(event) => setValues({ ...values, [key]: (event.target as HTMLInputElement).value })}
              />
            </label>
          ))}
        </div>
      )}
      <p class="template-subject" dir="auto">
        {t('templateSubject', subject)}
      </p>
      <pre class="template-body" dir="auto" data-testid="letter-body">
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
          {status || (missing > 0 ? t('templateMissing', String(missing)) : '')}
        </span>
      </div>
    </details>
  );
}
