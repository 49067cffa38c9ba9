import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { partnerNameSchema, partnerShortNameSchema, text } from '@verbund/shared/model';
import { FormError, SubmitActions } from '../../components/form-parts';
import { TextField } from '../../components/text-field';
import { errorMessageKey } from '../../lib/error-messages';
import { useCreateWorkspace, type NewWorkspace } from './workspaces-api';

/** "Neuer Verbund": any signed-in person may start one and becomes its first admin. */
export function NewWorkspaceForm() {
  const { t } = useTranslation();
  const create = useCreateWorkspace();
  const [draft, setDraft] = useState<NewWorkspace>({ name: '', partnerName: '', partnerShortName: '' });
  const [invalid, setInvalid] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ok = text(200).safeParse(draft.name).success && partnerNameSchema.safeParse(draft.partnerName).success && partnerShortNameSchema.safeParse(draft.partnerShortName).success;
    setInvalid(!ok);
    if (ok) create.mutate({ name: draft.name.trim(), partnerName: draft.partnerName.trim(), partnerShortName: draft.partnerShortName.trim() });
  };

  const error = invalid ? 'workspaces.invalid' : create.isError ? errorMessageKey(create.error) : null;
  return (
    <form className="panel stack-form" onSubmit={onSubmit} aria-labelledby="new-workspace-heading" noValidate>
      <h3 id="new-workspace-heading">{t('workspaces.new')}</h3>
      <p className="muted">{t('workspaces.intro')}</p>
      <TextField id="workspace-name" label={t('workspaces.name')} value={draft.name} maxLength={200} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      <TextField id="workspace-partner" label={t('workspaces.partnerName')} value={draft.partnerName} maxLength={200} onChange={(e) => setDraft({ ...draft, partnerName: e.target.value })} />
      <TextField id="workspace-short" label={t('workspaces.partnerShortName')} value={draft.partnerShortName} maxLength={12} onChange={(e) => setDraft({ ...draft, partnerShortName: e.target.value })} />
      <FormError messageKey={error} />
      <SubmitActions label={t('workspaces.create')} pending={create.isPending} />
    </form>
  );
}
