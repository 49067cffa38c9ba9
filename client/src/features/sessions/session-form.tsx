import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionFieldsSchema, SESSION_LIMITS, type SessionFields } from '@verbund/shared/features/sessions/sessions-feature';
import type { Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { FormFooter } from '../../components/form-parts';
import { TextField } from '../../components/text-field';
import { officeInputs, officeInstant } from '@verbund/shared/office-time';
import { personName } from '../../lib/person-name';
import { ChoiceList } from './choice-list';

type Props = {
  initial: SessionFields;
  /** The session's moderator, never among the co-moderators (M1). */
  moderatorId: string;
  state: WorkspaceState;
  people: readonly Person[];
  submitLabel: string;
  pending: boolean;
  /** Called with fields the shared schema accepts; the server decides the rest (M1, M3). */
  onSubmit: (fields: SessionFields) => void;
  onCancel?: () => void;
};

type Draft = { title: string; date: string; time: string; place: string; link: string; coModeratorIds: string[] };

const toDraft = (f: SessionFields): Draft => ({ title: f.title, ...officeInputs(f.startsAt), place: f.place ?? '', link: f.link ?? '', coModeratorIds: f.coModeratorIds });
const toFields = (d: Draft) => ({
  title: d.title,
  startsAt: officeInstant(d.date, d.time) ?? '',
  place: d.place.trim() || null,
  link: d.link.trim() || null,
  coModeratorIds: d.coModeratorIds,
});

/** A session's fields (M3): title, start on the office's clock, place and/or link, co-moderators from the active members (M1). */
export function SessionForm({ initial, moderatorId, state, people, submitLabel, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const [d, setD] = useState<Draft>(() => toDraft(initial));
  const [invalid, setInvalid] = useState<string[]>([]);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const field = (name: string) => `${id}-${name}`;
  const candidates = Object.values(state.members)
    .filter((m) => m.active && !m.erased && m.personId !== moderatorId)
    .map((m) => ({ value: m.personId, label: `${personName(t, people.find((p) => p.id === m.personId), state.partners)} (${state.partners[m.partnerId]?.shortName ?? ''})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'de'));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = sessionFieldsSchema.safeParse(toFields(d));
    if (!parsed.success) {
      setInvalid([...new Set(parsed.error.issues.map((i) => String(i.path[0])))]);
      return;
    }
    setInvalid([]);
    onSubmit(parsed.data);
  };
  const bad = (name: string) => invalid.includes(name) || undefined;

  return (
    <form className="stack-form session-form" onSubmit={submit} noValidate>
      <TextField id={field('title')} label={t('sessions.field.title')} value={d.title} maxLength={SESSION_LIMITS.title} onChange={(e) => set({ title: e.target.value })} aria-invalid={bad('title')} />
      <div className="field-grid">
        <TextField id={field('date')} label={t('sessions.field.date')} type="date" value={d.date} onChange={(e) => set({ date: e.target.value })} aria-invalid={bad('startsAt')} />
        <TextField id={field('time')} label={t('sessions.field.time')} type="time" value={d.time} onChange={(e) => set({ time: e.target.value })} aria-invalid={bad('startsAt')} />
        <TextField id={field('place')} label={t('sessions.field.place')} value={d.place} maxLength={SESSION_LIMITS.place} onChange={(e) => set({ place: e.target.value })} aria-invalid={bad('place')} />
        <TextField id={field('link')} label={t('sessions.field.link')} type="url" value={d.link} onChange={(e) => set({ link: e.target.value })} aria-invalid={bad('link')} placeholder="https://" />
      </div>
      <ChoiceList
        legend={t('sessions.field.coModeratorIds')}
        choices={candidates}
        chosen={d.coModeratorIds}
        onChange={(coModeratorIds) => set({ coModeratorIds })}
      />
      <p className="hint">{t('sessions.timeZoneHint')}</p>
      <FormFooter
        problems={invalid.map((key) => t('sessions.invalid', { field: t(`sessions.field.${key}`) }))}
        label={submitLabel}
        pending={pending}
        onCancel={onCancel}
        cancelLabel={t('sessions.cancel')}
      />
    </form>
  );
}
