import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { partnerNameSchema, partnerShortNameSchema, type Partner } from '@verbund/shared/model';
import { DataTable } from '../../components/data-table';
import { FormError } from '../../components/form-parts';
import { TextField } from '../../components/text-field';
import { newId } from '../../lib/command-queue';
import { useCommand } from '../../lib/use-command';

type Props = { partners: Record<string, Partner>; ownPartnerId: string };

type Naming = { name: string; shortName: string };

function validNaming(naming: Naming): Naming | null {
  const name = partnerNameSchema.safeParse(naming.name);
  const shortName = partnerShortNameSchema.safeParse(naming.shortName);
  return name.success && shortName.success ? { name: name.data, shortName: shortName.data } : null;
}

export function PartnersSection({ partners, ownPartnerId }: Props) {
  const { t } = useTranslation();
  const command = useCommand();
  const [adding, setAdding] = useState<Naming>({ name: '', shortName: '' });
  const [addError, setAddError] = useState(false);
  const [renaming, setRenaming] = useState<{ id: string } & Naming | null>(null);
  const [renameError, setRenameError] = useState(false);
  const list = Object.values(partners).sort((a, b) => a.name.localeCompare(b.name));

  const onAdd = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const naming = validNaming(adding);
    setAddError(!naming);
    if (!naming) return;
    command.mutate(
      { type: 'partner.add', payload: { partnerId: newId(), ...naming }, done: t('admin.partners.added', { name: naming.name }) },
      { onSuccess: () => setAdding({ name: '', shortName: '' }) },
    );
  };

  const onRename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!renaming) return;
    const naming = validNaming(renaming);
    setRenameError(!naming);
    if (!naming) return;
    command.mutate(
      { type: 'partner.rename', payload: { partnerId: renaming.id, ...naming }, done: t('admin.partners.renamed', { name: naming.name }) },
      { onSuccess: () => setRenaming(null) },
    );
  };

  return (
    <section className="admin-section" aria-labelledby="admin-partners">
      <h3 id="admin-partners">{t('admin.partners.heading')}</h3>
      <DataTable caption={t('admin.partners.caption')} columns={[t('admin.partners.name'), t('admin.partners.shortName'), t('admin.status'), t('admin.actions')]}>
        {list.map((partner) =>
          renaming?.id === partner.id ? (
            <tr key={partner.id}>
              <td colSpan={4}>
                <form className="inline-form" onSubmit={onRename} aria-label={t('admin.partners.renameForm', { name: partner.name })} noValidate>
                  <TextField id={`rename-name-${partner.id}`} label={t('admin.partners.name')} value={renaming.name} maxLength={200} onChange={(e) => setRenaming({ ...renaming, name: e.target.value })} aria-invalid={renameError} />
                  <TextField id={`rename-short-${partner.id}`} label={t('admin.partners.shortName')} value={renaming.shortName} maxLength={12} onChange={(e) => setRenaming({ ...renaming, shortName: e.target.value })} aria-invalid={renameError} />
                  <button type="submit" className="button button-primary" disabled={command.isPending}>
                    {t('admin.save')}
                  </button>
                  <button type="button" className="button button-secondary" onClick={() => setRenaming(null)}>
                    {t('admin.cancel')}
                  </button>
                  <FormError messageKey={renameError ? 'admin.partners.invalid' : null} />
                </form>
              </td>
            </tr>
          ) : (
            <tr key={partner.id}>
              <th scope="row">{partner.name}</th>
              <td>{partner.shortName}</td>
              <td>{partner.active ? t('admin.active') : t('admin.inactive')}</td>
              <td>
                <div className="button-row">
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-label={t('admin.partners.renameLabel', { name: partner.name })}
                    onClick={() => {
                      setRenameError(false);
                      setRenaming({ id: partner.id, name: partner.name, shortName: partner.shortName });
                    }}
                  >
                    {t('admin.partners.rename')}
                  </button>
                  {partner.active ? (
                    partner.id !== ownPartnerId && (
                      <button
                        type="button"
                        className="button button-secondary"
                        aria-label={t('admin.partners.deactivateLabel', { name: partner.name })}
                        onClick={() => command.mutate({ type: 'partner.deactivate', payload: { partnerId: partner.id }, done: t('admin.partners.deactivated', { name: partner.name }) })}
                      >
                        {t('admin.deactivate')}
                      </button>
                    )
                  ) : (
                    <button
                      type="button"
                      className="button button-secondary"
                      aria-label={t('admin.partners.reactivateLabel', { name: partner.name })}
                      onClick={() => command.mutate({ type: 'partner.reactivate', payload: { partnerId: partner.id }, done: t('admin.partners.reactivated', { name: partner.name }) })}
                    >
                      {t('admin.reactivate')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ),
        )}
      </DataTable>
      <form className="inline-form panel" onSubmit={onAdd} aria-labelledby="admin-partner-add" noValidate>
        <h4 id="admin-partner-add" className="form-heading">
          {t('admin.partners.add')}
        </h4>
        <TextField id="partner-add-name" label={t('admin.partners.name')} value={adding.name} maxLength={200} onChange={(e) => setAdding({ ...adding, name: e.target.value })} aria-invalid={addError} aria-describedby="partner-add-error" />
        <TextField id="partner-add-short" label={t('admin.partners.shortName')} value={adding.shortName} maxLength={12} onChange={(e) => setAdding({ ...adding, shortName: e.target.value })} aria-invalid={addError} aria-describedby="partner-add-error" />
        <button type="submit" className="button button-primary" disabled={command.isPending}>
          {t('admin.partners.addSubmit')}
        </button>
        <FormError id="partner-add-error" messageKey={addError ? 'admin.partners.invalid' : null} />
      </form>
    </section>
  );
}
