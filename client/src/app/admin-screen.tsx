import { useTranslation } from 'react-i18next';
import type { Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { InvitationsSection } from '../features/admin/invitations-section';
import { PartnersSection } from '../features/admin/partners-section';
import { PeopleSection } from '../features/admin/people-section';
import { DeputiesSection } from '../features/deputies/deputies-section';
import { useSession } from '../lib/session-context';
import { can } from '../lib/workspace-choice';

type Props = { state: WorkspaceState; people: Person[] };

/** /admin: the workspace's administration for admins, and the deputies section for dezernentinnen and dezernenten. */
export function AdminScreen({ state, people }: Props) {
  const { t } = useTranslation();
  const { me, membership } = useSession();
  const isAdmin = can(membership, 'workspace.admin');
  const sections = [
    ...(isAdmin
      ? [
          { id: 'admin-partners', label: t('admin.partners.heading') },
          { id: 'admin-people', label: t('admin.people.heading') },
          { id: 'admin-invitations', label: t('admin.invitations.heading') },
        ]
      : []),
    { id: 'admin-deputies', label: t('deputies.heading') },
  ];
  return (
    <div className="page">
      <h2 id="page-heading" tabIndex={-1}>
        {t('admin.heading')}
      </h2>
      <nav aria-label={t('admin.sections')} className="section-nav">
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      {isAdmin && (
        <>
          <PartnersSection partners={state.partners} ownPartnerId={membership.partnerId} />
          <PeopleSection state={state} people={people} myId={me.id} />
          <InvitationsSection state={state} people={people} />
        </>
      )}
      <DeputiesSection state={state} people={people} />
    </div>
  );
}
