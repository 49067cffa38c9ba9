import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { actionsOf } from '@verbund/shared/features/sessions/actions';
import type { AgendaItem, ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import { areaSchema, dueDateSchema, titleSchema, type Area, type Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { SubmitActions } from '../../components/form-parts';
import { SelectField } from '../../components/select-field';
import { positionAtEnd } from '../../lib/card-moves';
import { newId } from '../../lib/command-queue';
import { formatDate } from '../../lib/format';
import { nameOf } from '../../lib/person-name';
import { navigate, routePath } from '../../lib/router';
import { areaOptions } from '../../lib/select-options';
import { useUiStore } from '../../lib/ui-store';
import { useCommand } from '../../lib/use-command';

type Props = { session: ModeratedSession; item: AgendaItem | undefined; state: WorkspaceState; people: Person[]; runner: boolean };

/**
 * M55: the session's action items (Aufgaben), each a card on the board; while an item is treated,
 * who runs the session records one (what, who, by when), and it is on everyone's board at once.
 */
export function ActionItems({ session, item, state, people, runner }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId().replace(/:/g, '');
  const openCard = useUiStore((s) => s.openCard);
  const actions = actionsOf(state.sessionActions, session.id);
  const recording = runner && session.state === 'running' && item !== undefined;
  if (actions.length === 0 && !recording) return null;
  const show = (cardId: string) => {
    navigate(routePath({ name: 'board' }));
    openCard(cardId);
  };
  return (
    <section className="panel action-items" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('sessions.actions.heading')}</h3>
      {actions.length === 0 ? (
        <p className="muted">{t('sessions.actions.none')}</p>
      ) : (
        <ul className="action-list">
          {actions.map((action) => {
            const card = state.cards[action.cardId];
            const n = session.items.findIndex((i) => i.id === action.itemId) + 1;
            return (
              <li key={action.cardId}>
                <a href={routePath({ name: 'board' })} onClick={(event) => { event.preventDefault(); show(action.cardId); }}>
                  {card?.title ?? t('audit.text.unknownCard')}
                </a>{' '}
                <span className="muted small">
                  {t('sessions.actions.line', {
                    who: (card?.ownerIds ?? []).map((personId) => nameOf(t, people, state.partners, personId)).join(', '),
                    item: n,
                  })}
                  {card?.dueDate ? ` · ${t('sessions.actions.due', { date: formatDate(card.dueDate, i18n.language) })}` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {recording && <ActionForm session={session} item={item} state={state} people={people} />}
    </section>
  );
}

function ActionForm({ session, item, state, people }: { session: ModeratedSession; item: AgendaItem; state: WorkspaceState; people: Person[] }) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const command = useCommand();
  const [title, setTitle] = useState('');
  const [area, setArea] = useState<Area>('basisdienste');
  const [owners, setOwners] = useState<string[]>([]);
  const [due, setDue] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const boardId = Object.keys(state.boards)[0];
  const members = people
    .filter((p) => state.members[p.id]?.active)
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsedTitle = titleSchema.safeParse(title);
    const parsedDue = due ? dueDateSchema.safeParse(due) : { success: true as const, data: null };
    const found = [!parsedTitle.success && 'title', owners.length === 0 && 'owners', !parsedDue.success && 'due'].filter((p): p is string => typeof p === 'string');
    setProblems(found);
    if (!parsedTitle.success || !parsedDue.success || found.length > 0 || !boardId) return;
    const cards = Object.values(state.cards).filter((c) => c.boardId === boardId).sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
    command.mutate(
      {
        type: 'session.add_action',
        payload: { sessionId: session.id, itemId: item.id, cardId: newId(), boardId, position: positionAtEnd(cards), title: parsedTitle.data, area, ownerIds: owners, dueDate: parsedDue.data },
        done: t('sessions.actions.added', { title: parsedTitle.data }),
      },
      {
        onSuccess: () => {
          setTitle('');
          setOwners([]);
          setDue('');
        },
      },
    );
  };

  return (
    <form className="stack-form action-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} className="form-heading">
        {t('sessions.actions.formHeading', { title: item.title })}
      </h4>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('sessions.actions.what')}</label>
        <input id={`${id}-title`} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} aria-invalid={problems.includes('title') || undefined} />
      </div>
      <div className="field-grid">
        <SelectField id={`${id}-area`} label={t('board.newCardArea')} value={area} onChange={(v) => setArea(areaSchema.catch('basisdienste').parse(v))} options={areaOptions(t)} />
        <div className="field">
          <label htmlFor={`${id}-due`}>{t('sessions.actions.byWhen')}</label>
          <input id={`${id}-due`} type="date" value={due} onChange={(e) => setDue(e.target.value)} aria-invalid={problems.includes('due') || undefined} />
        </div>
      </div>
      <fieldset className="fieldset" aria-invalid={problems.includes('owners') || undefined}>
        <legend>{t('sessions.actions.who')}</legend>
        <div className="checkbox-list action-owners">
          {members.map((person) => (
            <label key={person.id} className="checkbox">
              <input
                type="checkbox"
                checked={owners.includes(person.id)}
                onChange={(e) => setOwners(e.target.checked ? [...owners, person.id].slice(0, 10) : owners.filter((x) => x !== person.id))}
              />
              {nameOf(t, people, state.partners, person.id)}
            </label>
          ))}
        </div>
      </fieldset>
      {problems.length > 0 && (
        <div role="alert" className="form-error">
          {t('sessions.actions.invalid', { fields: problems.map((p) => t(`sessions.actions.field.${p}`)).join(', ') })}
        </div>
      )}
      <SubmitActions label={t('sessions.actions.submit')} pending={command.isPending} />
    </form>
  );
}
