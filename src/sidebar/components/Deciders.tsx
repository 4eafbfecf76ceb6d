import { t } from '../../shared/i18n';
import { formatNumber } from '../../shared/format';
import { deciders } from '../officials';
import type { CivicCategoryId, OfficialsDirectory } from '../../formats/officials-format';
import { ExternalLink } from './ExternalLink';
import { OfficialCard } from './OfficialCard';
import { SnapshotNote } from './YourOfficials';

interface Props {
  directory: OfficialsDirectory;
  /** The civic categories the step is about, with the names the story shows for them. */
  categories: { id: CivicCategoryId; name: string }[];
}

/**
 * "Who decides this": the chairs and ranking members of the committees whose jurisdiction covers the
 * step's categories. Folded by default: the reader's own officials come first.
 */
export function Deciders({ directory, categories }: Props) {
  const groups = deciders(directory, categories.map((c) => c.id));
  if (groups.length === 0) return null;
  const names = new Map(categories.map((c) => [c.id, c.name]));
  const people = groups.reduce((n, g) => n + g.deciders.length, 0);
  return (
    <details class="deciders" data-testid="deciders">
      <summary>{t('decidersTitle', formatNumber(people))}</summary>
      <p class="deciders-hint">{t('decidersHint')}</p>
      {groups.map(({ committee, categories: covered, deciders: leads }) => (
        <div key={committee.id} class="committee" data-committee={committee.id}>
          <p class="committee-name">{committee.url ? <ExternalLink href={committee.url}>{committee.name}</ExternalLink> : committee.name}</p>
          <p class="committee-covers">{t('decidersCovers', covered.map((id) => names.get(id) ?? id).join(', '))}</p>
          <ul class="official-list" aria-label={t('decidersLabel', committee.name)}>
            {leads.map((d) => (
              <OfficialCard key={`${d.member.id}-${d.role}`} member={d.member} role={d.title} />
            ))}
          </ul>
        </div>
      ))}
      <SnapshotNote directory={directory} />
    </details>
  );
}
