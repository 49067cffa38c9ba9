import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '@verbund/shared/admin';
import { officeDay, ROLES, type Partner, type Person, type Role } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DataTable } from '../../components/data-table';
import { currentDeputyships } from '../../lib/deputies';
import { formatDate } from '../../lib/format';
import { nameOf, personName } from '../../lib/person-name';
import { showToast } from '../../lib/toast-store';
import { useCommand } from '../../lib/use-command';
import { toggleRole } from './roles';

type Props = { state: WorkspaceState; people: Person[]; myId: string };

type Row = { member: Member; name: string };

export function PeopleSection({ state, people, myId }: Props) {
  const { t, i18n } = useTranslation();
  const command = useCommand();
  const [erasing, setErasing] = useState<Row | null>(null);
  const partners = state.partners;
  const activePartners = Object.values(partners).filter((p) => p.active);
  const rows: Row[] = Object.values(state.members)
    .map((member) => {
      // The state is live; the people list (names) catches up a moment later.
      const person = people.find((p) => p.id === member.personId);
      return { member, name: personName(t, person && { ...person, erased: member.erased, partnerId: member.partnerId }, partners) };
    })
    .sort((a, b) => Number(a.member.erased) - Number(b.member.erased) || a.name.localeCompare(b.name));
  const deputyships = currentDeputyships(state.deputyships, officeDay(new Date()));
  const date = (d: string) => formatDate(d, i18n.language);

  const setRole = (row: Row, role: Role, checked: boolean) => {
    const roles = toggleRole(row.member.roles, role, checked);
    if (!roles) return showToast(t('admin.people.needsOneRole'));
    command.mutate({ type: 'member.set_roles', payload: { personId: row.member.personId, roles }, done: t('admin.people.rolesSaved', { name: row.name }) });
  };

  const deputyText = (personId: string) =>
    deputyships.flatMap((d) => {
      const range = { from: date(d.from), to: date(d.to) };
      if (d.deputyId === personId) return [t('admin.people.deputyFor', { name: nameOf(t, people, partners, d.dezernentId), ...range })];
      if (d.dezernentId === personId) return [t('admin.people.deputyBy', { name: nameOf(t, people, partners, d.deputyId), ...range })];
      return [];
    });

  return (
    <section className="admin-section" aria-labelledby="admin-people">
      <h3 id="admin-people">{t('admin.people.heading')}</h3>
      <DataTable caption={t('admin.people.caption')} columns={[t('admin.people.name'), t('admin.people.partner'), t('admin.people.roles'), t('admin.status'), t('admin.people.deputies'), t('admin.actions')]}>
        {rows.map((row) => {
          const { member, name } = row;
          const id = member.personId;
          const editable = !member.erased;
          return (
            <tr key={id}>
              <th scope="row">
                {name}
                {id === myId && <span className="muted"> {t('presence.you')}</span>}
              </th>
              <td>
                {editable ? (
                  <>
                    <label htmlFor={`partner-${id}`} className="visually-hidden">
                      {t('admin.people.partnerOf', { name })}
                    </label>
                    <select
                      id={`partner-${id}`}
                      value={member.partnerId}
                      onChange={(e) => command.mutate({ type: 'member.set_partner', payload: { personId: id, partnerId: e.target.value }, done: t('admin.people.partnerSaved', { name }) })}
                    >
                      {!partners[member.partnerId]?.active && <option value={member.partnerId}>{partnerLabel(partners[member.partnerId])}</option>}
                      {activePartners.map((p) => (
                        <option key={p.id} value={p.id}>
                          {partnerLabel(p)}
                        </option>
                      ))}
                    </select>
                  </>
                ) : (
                  partnerLabel(partners[member.partnerId])
                )}
              </td>
              <td>
                {editable ? (
                  <fieldset className="role-group">
                    <legend className="visually-hidden">{t('admin.people.rolesOf', { name })}</legend>
                    {ROLES.map((role) => (
                      <div key={role} className="checkbox">
                        <input id={`role-${id}-${role}`} type="checkbox" checked={member.roles.includes(role)} onChange={(e) => setRole(row, role, e.target.checked)} />
                        <label htmlFor={`role-${id}-${role}`}>{t(`roles.${role}`)}</label>
                      </div>
                    ))}
                  </fieldset>
                ) : (
                  member.roles.map((role) => t(`roles.${role}`)).join(', ')
                )}
              </td>
              <td>{member.erased ? t('admin.people.erased') : member.active ? t('admin.active') : t('admin.inactive')}</td>
              <td>
                {deputyText(id).map((line) => (
                  <p key={line} className="small">
                    {line}
                  </p>
                ))}
              </td>
              <td>
                {editable && id !== myId && (
                  <div className="button-row">
                    {member.active ? (
                      <button
                        type="button"
                        className="button button-secondary"
                        aria-label={t('admin.people.deactivateLabel', { name })}
                        onClick={() => command.mutate({ type: 'member.deactivate', payload: { personId: id }, done: t('admin.people.deactivated', { name }) })}
                      >
                        {t('admin.deactivate')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button button-secondary"
                        aria-label={t('admin.people.reactivateLabel', { name })}
                        onClick={() => command.mutate({ type: 'member.reactivate', payload: { personId: id }, done: t('admin.people.reactivated', { name }) })}
                      >
                        {t('admin.reactivate')}
                      </button>
                    )}
                    <button type="button" className="button button-danger-secondary" aria-label={t('admin.people.eraseLabel', { name })} onClick={() => setErasing(row)}>
                      {t('admin.people.erase')}
                    </button>
                  </div>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
      {erasing && (
        <ConfirmDialog
          title={t('admin.people.eraseTitle', { name: erasing.name })}
          confirmLabel={t('admin.people.eraseConfirm')}
          cancelLabel={t('admin.cancel')}
          danger
          onCancel={() => setErasing(null)}
          onConfirm={() => {
            const { member, name } = erasing;
            setErasing(null);
            command.mutate({ type: 'member.erase', payload: { personId: member.personId }, done: t('admin.people.erasedDone', { name }) });
          }}
        >
          <p>{t('admin.people.eraseText', { partner: partners[erasing.member.partnerId]?.name ?? '' })}</p>
          <p>
            <strong>{t('admin.people.eraseIrreversible')}</strong>
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function partnerLabel(partner: Partner | undefined): string {
  return partner ? `${partner.name} (${partner.shortName})` : '?';
}
