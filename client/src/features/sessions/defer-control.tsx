import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mayRunSession, type AgendaItem, type ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import type { WorkspaceState } from '@verbund/shared/projection';
import { SelectField } from '../../components/select-field';
import { newId } from '../../lib/command-queue';
import { formatOfficeDateTime } from '@verbund/shared/office-time';
import { useSession } from '../../lib/session-context';
import { useCommand } from '../../lib/use-command';

type Props = { item: AgendaItem; session: ModeratedSession; state: WorkspaceState };

const LATER = 'later';

/** M6: defer an item to another planned session the person runs too, or to "later" (no session planned yet). */
export function DeferControl({ item, session, state }: Props) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const command = useCommand();
  const id = useId().replace(/:/g, '');
  const [open, setOpen] = useState(false);
  const targets = Object.values(state.sessions)
    .filter((s) => s.id !== session.id && s.state === 'planned' && mayRunSession(me.id, s))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const [target, setTarget] = useState(() => targets[0]?.id ?? LATER);

  if (!open) {
    return (
      <button type="button" className="button button-quiet" onClick={() => setOpen(true)} aria-label={`${t('sessions.defer.open')}: ${item.title}`}>
        {t('sessions.defer.open')}
      </button>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const toSessionId = target === LATER ? null : target;
    const where = toSessionId ? (state.sessions[toSessionId]?.title ?? '') : t('sessions.defer.laterShort');
    command.mutate(
      { type: 'session.defer_item', payload: { sessionId: session.id, itemId: item.id, toSessionId, newItemId: newId() }, done: t('sessions.defer.done', { title: item.title, where }) },
      { onSuccess: () => setOpen(false) },
    );
  };
  return (
    <form className="inline-form defer-form" onSubmit={submit}>
      <SelectField
        id={`${id}-target`}
        label={t('sessions.defer.label', { title: item.title })}
        value={target}
        onChange={setTarget}
        options={[
          ...targets.map((s) => ({ value: s.id, label: `${s.title} (${formatOfficeDateTime(s.startsAt, i18n.language)})` })),
          { value: LATER, label: t('sessions.defer.later') },
        ]}
        inline
      />
      <button type="submit" className="button button-secondary" disabled={command.isPending}>
        {t('sessions.defer.submit')}
      </button>
      <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
        {t('sessions.cancel')}
      </button>
    </form>
  );
}
