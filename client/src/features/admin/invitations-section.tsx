import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Person, type Role } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { DataTable } from '../../components/data-table';
import { FormError, SubmitActions } from '../../components/form-parts';
import { SelectField } from '../../components/select-field';
import { useAnnouncer } from '../../lib/announcer-store';
import { errorMessageKey } from '../../lib/error-messages';
import { formatDateTime } from '../../lib/format';
import { nameOf } from '../../lib/person-name';
import { partnerOptions } from '../../lib/select-options';
import { useSession } from '../../lib/session-context';
import { useCommand } from '../../lib/use-command';
import { useCreateInvitation } from './admin-api';
import { invitationLink, invitationStatus, sortInvitations } from './invitations';
import { toggleRole } from './roles';

type Props = { state: WorkspaceState; people: Person[] };

export function InvitationsSection({ state, people }: Props) {
  const { t, i18n } = useTranslation();
  const { membership } = useSession();
  const command = useCommand();
  const create = useCreateInvitation(membership.workspaceId);
  const activePartners = Object.values(state.partners).filter((p) => p.active).sort((a, b) => a.name.localeCompare(b.name));
  const [partnerId, setPartnerId] = useState('');
  const [roles, setRoles] = useState<Role[]>(['member']);
  const [days, setDays] = useState('7');
  const [formError, setFormError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const now = new Date();
  const invitations = sortInvitations(Object.values(state.invitations), now);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const expiresInDays = Number(days);
    if (!partnerId) return setFormError('admin.invitations.partnerMissing');
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 30) return setFormError('admin.invitations.daysInvalid');
    setFormError(null);
    create.mutate(
      { partnerId, roles, expiresInDays },
      {
        onSuccess: (created) => {
          setLink(invitationLink(window.location.origin, created.token));
          // The link is the result; take the person straight to it.
          requestAnimationFrame(() => linkRef.current?.focus());
        },
        onError: (error) => setFormError(errorMessageKey(error)),
      },
    );
  };

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      useAnnouncer.getState().announce(t('admin.invitations.copied'));
    } catch {
      linkRef.current?.select();
      useAnnouncer.getState().announce(t('admin.invitations.copyFailed'));
    }
  };

  return (
    <section className="admin-section" aria-labelledby="admin-invitations">
      <h3 id="admin-invitations">{t('admin.invitations.heading')}</h3>
      <form className="panel invitation-form" onSubmit={onSubmit} aria-labelledby="admin-invitation-new" noValidate>
        <h4 id="admin-invitation-new" className="form-heading">
          {t('admin.invitations.new')}
        </h4>
        <div className="field-grid">
          <SelectField id="invitation-partner" label={t('admin.invitations.partner')} value={partnerId} onChange={setPartnerId} emptyLabel={t('admin.invitations.choosePartner')} options={partnerOptions(activePartners)} />
          <div className="field">
            <label htmlFor="invitation-days">{t('admin.invitations.days')}</label>
            <input id="invitation-days" type="number" min={1} max={30} value={days} onChange={(e) => setDays(e.target.value)} aria-describedby="invitation-days-hint" />
            <span id="invitation-days-hint" className="hint">
              {t('admin.invitations.daysHint')}
            </span>
          </div>
        </div>
        <fieldset className="fieldset">
          <legend>{t('admin.invitations.roles')}</legend>
          <div className="role-group">
            {ROLES.map((role) => (
              <div key={role} className="checkbox">
                <input
                  id={`invitation-role-${role}`}
                  type="checkbox"
                  checked={roles.includes(role)}
                  onChange={(e) => {
                    const next = toggleRole(roles, role, e.target.checked);
                    if (next) setRoles(next);
                    else setFormError('admin.people.needsOneRole');
                  }}
                />
                <label htmlFor={`invitation-role-${role}`}>{t(`roles.${role}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <FormError messageKey={formError} />
        <SubmitActions label={t('admin.invitations.create')} pending={create.isPending} />
      </form>

      {link && (
        <div className="panel invitation-link" role="group" aria-labelledby="invitation-link-heading">
          <h4 id="invitation-link-heading" className="form-heading">
            {t('admin.invitations.linkHeading')}
          </h4>
          <p id="invitation-link-hint">{t('admin.invitations.linkHint')}</p>
          <div className="field">
            <label htmlFor="invitation-link">{t('admin.invitations.link')}</label>
            <input id="invitation-link" ref={linkRef} readOnly value={link} aria-describedby="invitation-link-hint" onFocus={(e) => e.currentTarget.select()} />
          </div>
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={() => void copy()}>
              {t('admin.invitations.copy')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setLink(null)}>
              {t('admin.invitations.done')}
            </button>
          </div>
        </div>
      )}

      <DataTable caption={t('admin.invitations.caption')} columns={[t('admin.invitations.partner'), t('admin.invitations.roles'), t('admin.invitations.expires'), t('admin.invitations.createdBy'), t('admin.status'), t('admin.actions')]} empty={invitations.length === 0 ? t('admin.invitations.empty') : null}>
        {invitations.map((invitation) => {
          const status = invitationStatus(invitation, now);
          const partner = state.partners[invitation.partnerId];
          return (
            <tr key={invitation.id}>
              <td>{partner ? `${partner.name} (${partner.shortName})` : '?'}</td>
              <td>{invitation.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
              <td>
                <time dateTime={invitation.expiresAt}>{formatDateTime(invitation.expiresAt, i18n.language)}</time>
              </td>
              <td>{nameOf(t, people, state.partners, invitation.createdBy)}</td>
              <td>
                {t(`admin.invitations.status.${status}`)}
                {status === 'used' && invitation.usedBy && ` (${nameOf(t, people, state.partners, invitation.usedBy)})`}
              </td>
              <td>
                {status === 'open' && (
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-label={t('admin.invitations.revokeLabel', { partner: partner?.name ?? '', date: formatDateTime(invitation.expiresAt, i18n.language) })}
                    onClick={() => command.mutate({ type: 'invitation.revoke', payload: { invitationId: invitation.id }, done: t('admin.invitations.revoked') })}
                  >
                    {t('admin.invitations.revoke')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}
