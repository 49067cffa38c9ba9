import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agendaItemFieldsSchema, SESSION_LIMITS, type AgendaItemFields } from '@verbund/shared/features/sessions/sessions-feature';
import type { WorkspaceState } from '@verbund/shared/projection';
import { FormFooter } from '../../components/form-parts';
import { TextField } from '../../components/text-field';
import { ChoiceList } from './choice-list';
import { LINK_KINDS, linkChoices } from './item-links';

type Props = {
  initial: AgendaItemFields;
  state: WorkspaceState;
  submitLabel: string;
  pending: boolean;
  /** Called with fields the shared schema accepts (M4); the server checks that the links exist. */
  onSubmit: (fields: AgendaItemFields) => void;
  onCancel?: () => void;
};

export const BLANK_ITEM: AgendaItemFields = { title: '', plannedMinutes: 15, links: { cardIds: [], voteIds: [], positionIds: [] } };

/** An agenda item's fields (M4): title, planned minutes, and what it treats, picked from the workspace. */
export function AgendaItemForm({ initial, state, submitLabel, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const [title, setTitle] = useState(initial.title);
  const [minutes, setMinutes] = useState(String(initial.plannedMinutes));
  const [links, setLinks] = useState(initial.links);
  const [invalid, setInvalid] = useState<string[]>([]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = agendaItemFieldsSchema.safeParse({ title, plannedMinutes: Number(minutes), links });
    if (!parsed.success) {
      setInvalid([...new Set(parsed.error.issues.map((i) => String(i.path[0])))]);
      return;
    }
    setInvalid([]);
    onSubmit(parsed.data);
    if (!onCancel) {
      // The add form stays open for the next item.
      setTitle('');
      setMinutes(String(BLANK_ITEM.plannedMinutes));
      setLinks(BLANK_ITEM.links);
    }
  };

  return (
    <form className="stack-form agenda-item-form" onSubmit={submit} noValidate>
      <div className="field-grid">
        <TextField id={`${id}-title`} label={t('sessions.item.title')} value={title} maxLength={SESSION_LIMITS.itemTitle} onChange={(e) => setTitle(e.target.value)} aria-invalid={invalid.includes('title') || undefined} />
        <TextField
          id={`${id}-minutes`}
          label={t('sessions.item.plannedMinutes')}
          type="number"
          min={1}
          max={SESSION_LIMITS.maxMinutes}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          aria-invalid={invalid.includes('plannedMinutes') || undefined}
        />
      </div>
      <details className="agenda-links-picker">
        <summary>{t('sessions.item.links', { count: LINK_KINDS.reduce((n, kind) => n + links[kind].length, 0) })}</summary>
        {LINK_KINDS.map((kind) => (
          <ChoiceList
            key={kind}
            legend={t(`sessions.linkKind.${kind}`)}
            choices={linkChoices(state, kind)}
            chosen={links[kind]}
            onChange={(chosen) => setLinks((l) => ({ ...l, [kind]: chosen }))}
            empty={t('sessions.item.nothingToLink')}
          />
        ))}
      </details>
      <FormFooter
        problems={invalid.map((key) => t('sessions.invalid', { field: t(`sessions.item.${key}`) }))}
        label={submitLabel}
        pending={pending}
        onCancel={onCancel}
        cancelLabel={t('sessions.cancel')}
      />
    </form>
  );
}
