import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PositionFields } from '@verbund/shared/features/positions/positions-feature';
import type { WorkspaceState } from '@verbund/shared/projection';
import { DataTable } from '../../components/data-table';
import { newId } from '../../lib/command-queue';
import { navigate, onLinkClick, routePath } from '../../lib/router';
import { useSession } from '../../lib/session-context';
import { useCommand } from '../../lib/use-command';
import { PositionForm } from './position-form';
import { addresseeText, dueText, leadText } from '../../lib/position-text';

type Props = { state: WorkspaceState };

/** Every joint position of the workspace (P6: everyone reads them), newest change first, and a form for a new one. */
export function PositionsPage({ state }: Props) {
  const { t, i18n } = useTranslation();
  const { membership } = useSession();
  const command = useCommand();
  const [creating, setCreating] = useState(false);
  const positions = Object.values(state.positions).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? -1 : 1));
  const ownPartner = state.partners[membership.partnerId]?.active ? membership.partnerId : (Object.values(state.partners).find((p) => p.active)?.id ?? '');
  const blank: PositionFields = { title: '', addressee: { kind: 'land', name: 'Land Niedersachsen' }, leadPartnerId: ownPartner, dueDate: null };

  const create = (fields: PositionFields) => {
    const positionId = newId();
    command.mutate(
      { type: 'position.create', payload: { positionId, fields, cardIds: [] }, done: t('positions.created', { title: fields.title }) },
      { onSuccess: () => navigate(routePath({ name: 'position', positionId })) },
    );
  };

  return (
    <div className="page positions-page">
      <h2 id="page-heading" tabIndex={-1}>
        {t('positions.heading')}
      </h2>
      <p className="muted">{t('positions.intro')}</p>
      {creating ? (
        <section className="panel" aria-labelledby="new-position-heading">
          <h3 id="new-position-heading">{t('positions.new')}</h3>
          <PositionForm initial={blank} partners={state.partners} submitLabel={t('positions.create')} pending={command.isPending} onSubmit={create} onCancel={() => setCreating(false)} />
        </section>
      ) : (
        <div className="form-actions">
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('positions.new')}
          </button>
        </div>
      )}
      <DataTable
        caption={t('positions.caption')}
        columns={[t('positions.field.title'), t('positions.field.addressee'), t('positions.field.status'), t('positions.field.leadPartnerId'), t('positions.field.dueDate'), t('positions.field.cards')]}
        empty={positions.length === 0 ? t('positions.none') : null}
      >
        {positions.map((p) => (
          <tr key={p.id}>
            <td>
              <a href={routePath({ name: 'position', positionId: p.id })} onClick={onLinkClick}>
                {p.title}
              </a>
            </td>
            <td>{addresseeText(t, p)}</td>
            <td>
              <span className="badge">{t(`positions.status.${p.status}`)}</span>
            </td>
            <td>{leadText(t, state.partners, p)}</td>
            <td>{dueText(t, i18n.language, p)}</td>
            <td>{p.cardIds.map((id) => state.cards[id]?.title ?? t('audit.text.unknownCard')).join(', ')}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
