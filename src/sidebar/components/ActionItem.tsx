import { useId } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n';
import { formatCalendarDate } from '../../shared/format';
import type { ActionKind, Contact } from '../../formats/model';
import type { ActionView } from '../../contracts/views';
import { stepCategories, useLetterFill, useStoryOfficials } from '../officials-context';
import { Deciders } from './Deciders';
import { ExternalLink } from './ExternalLink';
import { LetterTemplate } from './LetterTemplate';
import { YourOfficials } from './YourOfficials';

const KIND_LABEL: Record<ActionKind, MessageKey> = {
  petition: 'actionKindPetition',
  'contact-official': 'actionKindContactOfficial',
  donate: 'actionKindDonate',
  volunteer: 'actionKindVolunteer',
  event: 'actionKindEvent',
  learn: 'actionKindLearn',
  share: 'actionKindShare',
  write: 'actionKindWrite',
};

/** Only plain addresses become mailto links; anything odd is shown as text. */
const EMAIL = /^[^\s@:/?#]+@[^\s@:/?#]+$/;

function ContactItem({ contact }: { contact: Contact }) {
  return (
    <li class="contact">
      <span class="contact-name">{contact.name}</span>
      {contact.role && <span class="contact-role">{contact.role}</span>}
      {contact.email &&
        (EMAIL.test(contact.email) ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : <span>{contact.email}</span>)}
      {contact.url && <ExternalLink href={contact.url}>{t('contactWebsite')}</ExternalLink>}
      <span class="contact-checked">{t('contactChecked', formatCalendarDate(contact.checked))}</span>
    </li>
  );
}

/** The recipient for "Open in mail": only when the step names exactly one plain address. */
function soleEmail(contacts: Contact[] | undefined): { to?: string } {
  const emails = (contacts ?? []).flatMap((c) => (c.email && EMAIL.test(c.email) ? [c.email] : []));
  return emails.length === 1 ? { to: emails[0]! } : {};
}

interface Props {
  action: ActionView;
  done: boolean;
  onToggle(done: boolean): void;
}

export function ActionItem({ action, done, onToggle }: Props) {
  const boxId = useId();
  const detailsId = useId();
  const officials = useStoryOfficials();
  const filled = useLetterFill();
  const contact = action.kind === 'contact-official';
  const directory = officials?.state.status === 'ready' ? officials.state.directory : null;
  return (
    <li class={done ? 'action is-done' : 'action'} data-action={action.id}>
      <div class="action-head">
        <input
          type="checkbox"
          id={boxId}
          checked={done}
          aria-describedby={detailsId}
          onChange={(event) => onToggle(event.currentTarget.checked)}
        />
        <label for={boxId} class="action-title" dir="auto">
          {action.title}
        </label>
      </div>
      <div class="action-body">
        <p class="action-kind">{t(KIND_LABEL[action.kind])}</p>
        <p id={detailsId} class="action-details" dir="auto">
          {action.details}
        </p>
        {action.url && (
          <ExternalLink class="more-link" href={action.url}>
            {t('actionOpen')}
          </ExternalLink>
        )}
        {action.contacts && action.contacts.length > 0 && (
          <ul class="contacts" aria-label={t('contactsLabel')}>
            {action.contacts.map((contact) => (
              <ContactItem key={`${contact.name}|${contact.role ?? ''}`} contact={contact} />
            ))}
          </ul>
        )}
        {action.hashtags && action.hashtags.length > 0 && (
          <ul class="terms hashtags" aria-label={t('hashtagsLabel')}>
            {action.hashtags.map((tag) => (
              <li key={tag}>#{tag}</li>
            ))}
          </ul>
        )}
        {contact && <YourOfficials actionId={action.id} />}
        {action.template && <LetterTemplate template={action.template} {...(filled ? { filled } : {})} {...soleEmail(action.contacts)} />}
        {contact && directory && officials && <Deciders directory={directory} categories={stepCategories(officials.story, action.fromCategory)} />}
        {(action.curatedBy || (action.url && action.checked)) && (
          <p class="action-provenance">
            {action.curatedBy && <span>{t('actionCuratedBy', action.curatedBy)}</span>}
            {action.url && action.checked && <span>{t('actionChecked', formatCalendarDate(action.checked))}</span>}
          </p>
        )}
      </div>
    </li>
  );
}
