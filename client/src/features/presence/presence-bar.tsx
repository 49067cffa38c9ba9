import { useTranslation } from 'react-i18next';
import type { Partner } from '@verbund/shared/model';
import type { PresenceEntry } from '@verbund/shared/protocol';
import { Avatar } from '../../components/avatar';
import { PartnerBadge } from '../../components/partner-badge';
import { usePresenceStore } from '../../lib/presence-store';
import { useSession } from '../../lib/session-context';

type Props = { partners: Record<string, Partner> };

/** One entry per person, however many tabs they have open. */
export function uniquePeople(entries: readonly PresenceEntry[]): PresenceEntry[] {
  const byPerson = new Map<string, PresenceEntry>();
  for (const entry of entries) if (!byPerson.has(entry.personId)) byPerson.set(entry.personId, entry);
  return [...byPerson.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function PresenceBar({ partners }: Props) {
  const { t } = useTranslation();
  const { me, membership } = useSession();
  const entries = usePresenceStore((s) => s.entries);
  const people = uniquePeople([
    { connectionId: 'self', personId: me.id, name: me.name, partnerId: membership.partnerId, viewingCardId: null, editingCardId: null },
    ...entries,
  ]);
  return (
    <section className="presence-bar" aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="presence-heading">
        {t('presence.label')}
      </h2>
      <ul className="presence-list">
        {people.map((person) => (
          <li key={person.personId} className="presence-person">
            <Avatar name={person.name} partnerId={person.partnerId} partners={partners} />
            <span className="presence-name">
              {person.name}
              {person.personId === me.id && <span className="muted"> {t('presence.you')}</span>}
            </span>
            <PartnerBadge partners={partners} partnerId={person.partnerId} />
          </li>
        ))}
      </ul>
    </section>
  );
}
