import { t, type MessageKey } from '../../shared/i18n';
import { formatCalendarDate } from '../../shared/format';
import { contactUrl, telUrl } from '../officials';
import type { HouseSeat, Member } from '../../formats/officials-format';
import { ExternalLink } from './ExternalLink';

const HOUSE_ROLE: Record<HouseSeat, MessageKey> = {
  representative: 'officialRepresentative',
  delegate: 'officialDelegate',
  'resident-commissioner': 'officialResidentCommissioner',
};

/** A member's role in their own chamber: "Senator", "Representative", "Delegate"… */
export function chamberRole(member: Member, house: HouseSeat): string {
  return member.chamber === 'senate' ? t('officialSenator') : t(HOUSE_ROLE[house]);
}

interface Props {
  member: Member;
  /** What to call them here: their chamber role, or a committee title ("Chairman"). */
  role: string;
  /** The day their term ended, when it is over: the seat may be someone else's now. */
  ended?: string;
}

/** One official: name, role, party and state, then the office phone (a tel: link) and where to write. */
export function OfficialCard({ member, role, ended }: Props) {
  const tel = member.phone ? telUrl(member.phone) : null;
  const contact = contactUrl(member);
  return (
    <li class="official" data-official={member.id}>
      <span class="official-name">{member.name}</span>
      <span class="official-role">
        {role} · {t('officialParty', [member.party, member.state])}
      </span>
      {ended && (
        <span class="official-ended" data-testid="term-ended">
          {t('officialTermEnded', formatCalendarDate(ended))}
        </span>
      )}
      {(member.phone || contact) && (
        <span class="official-links">
          {member.phone &&
            (tel ? (
              <a href={tel} aria-label={t('officialCall', [member.name, member.phone])}>
                {member.phone}
              </a>
            ) : (
              <span>{member.phone}</span>
            ))}
          {contact && <ExternalLink href={contact.url}>{t(contact.form ? 'officialForm' : 'officialWebsite')}</ExternalLink>}
        </span>
      )}
    </li>
  );
}
