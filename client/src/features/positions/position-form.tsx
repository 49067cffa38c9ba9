import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ADDRESSEE_KINDS, positionFieldsSchema, type PositionFields } from '@verbund/shared/features/positions/positions-feature';
import type { Partner } from '@verbund/shared/model';
import { FormFooter } from '../../components/form-parts';
import { SelectField } from '../../components/select-field';

type Props = {
  initial: PositionFields;
  partners: Record<string, Partner>;
  submitLabel: string;
  pending: boolean;
  /** Called with fields the shared schema accepts; the server decides the rest (P2, P3). */
  onSubmit: (fields: PositionFields) => void;
  onCancel?: () => void;
};

type Draft = { title: string; kind: PositionFields['addressee']['kind']; name: string; leadPartnerId: string; dueDate: string };

const toDraft = (f: PositionFields): Draft => ({ title: f.title, kind: f.addressee.kind, name: f.addressee.name, leadPartnerId: f.leadPartnerId, dueDate: f.dueDate ?? '' });
const toFields = (d: Draft) => ({ title: d.title, addressee: { kind: d.kind, name: d.name }, leadPartnerId: d.leadPartnerId, dueDate: d.dueDate || null });

/** A position's fields (P2–P5): title, addressee, lead partner, due date. Checked with the shared schema before it is sent. */
export function PositionForm({ initial, partners, submitLabel, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const [d, setD] = useState<Draft>(() => toDraft(initial));
  const [invalid, setInvalid] = useState<string[]>([]);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const field = (name: string) => `${id}-${name}`;
  const active = Object.values(partners)
    .filter((p) => p.active || p.id === initial.leadPartnerId)
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = positionFieldsSchema.safeParse(toFields(d));
    if (!parsed.success) {
      setInvalid([...new Set(parsed.error.issues.map((i) => String(i.path[i.path.length - 1] === 'name' ? 'addressee' : i.path[0])))]);
      return;
    }
    setInvalid([]);
    onSubmit(parsed.data);
  };

  return (
    <form className="stack-form position-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={field('title')}>{t('positions.field.title')}</label>
        <input id={field('title')} value={d.title} maxLength={200} onChange={(e) => set({ title: e.target.value })} aria-invalid={invalid.includes('title') || undefined} />
      </div>
      <div className="field-grid">
        <SelectField
          id={field('kind')}
          label={t('positions.field.addresseeKind')}
          value={d.kind}
          options={ADDRESSEE_KINDS.map((k) => ({ value: k, label: t(`positions.addresseeKind.${k}`) }))}
          onChange={(value) => set({ kind: ADDRESSEE_KINDS.find((k) => k === value) ?? 'other' })}
        />
        <div className="field">
          <label htmlFor={field('name')}>{t('positions.field.addresseeName')}</label>
          <input id={field('name')} value={d.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} aria-invalid={invalid.includes('addressee') || undefined} />
        </div>
        <SelectField
          id={field('lead')}
          label={t('positions.field.leadPartnerId')}
          value={d.leadPartnerId}
          options={active.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(leadPartnerId) => set({ leadPartnerId })}
        />
        <div className="field">
          <label htmlFor={field('due')}>{t('positions.field.dueDate')}</label>
          <input id={field('due')} type="date" value={d.dueDate} onChange={(e) => set({ dueDate: e.target.value })} aria-invalid={invalid.includes('dueDate') || undefined} />
        </div>
      </div>
      <FormFooter
        problems={invalid.map((key) => t('positions.invalid', { field: t(`positions.field.${key}`) }))}
        label={submitLabel}
        pending={pending}
        onCancel={onCancel}
        cancelLabel={t('positions.cancel')}
      />
    </form>
  );
}
