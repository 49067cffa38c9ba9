import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { officeDay, type Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { DataTable } from '../../components/data-table';
import { FormError } from '../../components/form-parts';
import { TextField } from '../../components/text-field';
import { SelectField } from '../../components/select-field';
import { newId } from '../../lib/command-queue';
import { currentDeputyships } from '../../lib/deputies';
import { formatDate } from '../../lib/format';
import { nameOf } from '../../lib/person-name';
import { useSession } from '../../lib/session-context';
import { useCommand } from '../../lib/use-command';
import { can } from '../../lib/workspace-choice';

type Props = { state: WorkspaceState; people: Person[] };

/**
 * "Vertretung": a dezernent names a deputy from their own partner for a range of days; admins see
 * and may end every deputyship. Signing joint positions as a deputy comes with that feature.
 */
export function DeputiesSection({ state, people }: Props) {
  const { t, i18n } = useTranslation();
  const { me, membership } = useSession();
  const command = useCommand();
  const day = officeDay(new Date());
  const [deputyId, setDeputyId] = useState('');
  const [from, setFrom] = useState(day);
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const isAdmin = can(membership, 'workspace.admin');
  const mayAppoint = can(membership, 'deputy.appoint');
  const partners = state.partners;
  const name = (id: string) => nameOf(t, people, partners, id);
  const candidates = Object.values(state.members)
    .filter((m) => m.active && m.partnerId === membership.partnerId && m.personId !== me.id)
    .map((m) => ({ id: m.personId, name: name(m.personId) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const list = currentDeputyships(state.deputyships, day).filter((d) => isAdmin || d.partnerId === membership.partnerId);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!deputyId) return setError('deputies.deputyMissing');
    if (!from || !to) return setError('deputies.rangeMissing');
    if (to < from) return setError('deputies.rangeOrder');
    if (to < day) return setError('refusals.range_past');
    setError(null);
    command.mutate(
      { type: 'deputy.appoint', payload: { deputyshipId: newId(), deputyId, from, to }, done: t('deputies.appointed', { name: name(deputyId) }) },
      { onSuccess: () => setDeputyId('') },
    );
  };

  return (
    <section className="admin-section" aria-labelledby="admin-deputies">
      <h3 id="admin-deputies">{t('deputies.heading')}</h3>
      <p className="muted">{t('deputies.intro')}</p>
      {mayAppoint && (
        <form className="panel inline-form" onSubmit={onSubmit} aria-labelledby="deputy-new" noValidate>
          <h4 id="deputy-new" className="form-heading">
            {t('deputies.appoint')}
          </h4>
          <SelectField id="deputy-person" label={t('deputies.deputy')} value={deputyId} onChange={setDeputyId} emptyLabel={t('deputies.choose')} options={candidates.map((c) => ({ value: c.id, label: c.name }))} />
          <TextField id="deputy-from" label={t('deputies.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          <TextField id="deputy-to" label={t('deputies.to')} type="date" value={to} min={from || day} onChange={(e) => setTo(e.target.value)} />
          <button type="submit" className="button button-primary" disabled={command.isPending}>
            {t('deputies.submit')}
          </button>
          <FormError messageKey={error} />
        </form>
      )}
      <DataTable caption={t('deputies.caption')} columns={[t('deputies.partner'), t('deputies.dezernent'), t('deputies.deputy'), t('deputies.from'), t('deputies.to'), t('admin.actions')]} empty={list.length === 0 ? t('deputies.empty') : null}>
        {list.map((d) => (
          <tr key={d.id}>
            <td>{partners[d.partnerId]?.shortName ?? '?'}</td>
            <td>{name(d.dezernentId)}</td>
            <td>{name(d.deputyId)}</td>
            <td>{formatDate(d.from, i18n.language)}</td>
            <td>{formatDate(d.to, i18n.language)}</td>
            <td>
              {(isAdmin || (mayAppoint && d.partnerId === membership.partnerId)) && (
                <button
                  type="button"
                  className="button button-secondary"
                  aria-label={t('deputies.revokeLabel', { name: name(d.deputyId) })}
                  onClick={() => command.mutate({ type: 'deputy.revoke', payload: { deputyshipId: d.id }, done: t('deputies.revoked') })}
                >
                  {t('deputies.revoke')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
