import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useDraggable, useDroppable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { sessionLeadOf } from '@verbund/shared/features/sessions/session-lead';
import { actualMinutes, type AgendaItem, type ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import type { WorkspaceState } from '@verbund/shared/projection';
import { formatMinutes, formatOfficeDateTime } from '@verbund/shared/office-time';
import { navigate, onLinkClick, routePath } from '../../lib/router';
import { useSession } from '../../lib/session-context';
import { useUiStore } from '../../lib/ui-store';
import { useCommand } from '../../lib/use-command';
import { AgendaItemForm } from './agenda-item-form';
import { CurrentItemClock } from './current-item-clock';
import { DeferControl } from './defer-control';
import { PreparedVoteControl } from './item-vote-controls';
import { useSetFocus } from './use-set-focus';
import { LINK_KINDS, linkTitle, type LinkKind } from './item-links';
import type { VoteSlots } from './vote-slots';

type Props = {
  item: AgendaItem;
  index: number;
  session: ModeratedSession;
  state: WorkspaceState;
  /** The person runs the session and it has not ended (M1, M2). */
  editable: boolean;
  movable: boolean;
  lifted: boolean;
  onGrabKey: (event: KeyboardEvent<HTMLButtonElement>) => void;
  slots: VoteSlots;
};

/** One agenda item: what it treats, planned and actual time (M5), where it went if deferred (M6), and the runner's actions. */
export function AgendaRow({ item, index, session, state, editable, movable, lifted, onGrabKey, slots }: Props) {
  const { t, i18n } = useTranslation();
  const command = useCommand();
  const { me } = useSession();
  const setFocus = useSetFocus(session.id);
  const [editing, setEditing] = useState(false);
  const current = session.state === 'running' && session.currentItemId === item.id;
  const open = editable && !item.deferred;
  const { setNodeRef, setActivatorNodeRef, listeners, transform, isDragging } = useDraggable({ id: item.id, disabled: !movable || Boolean(item.deferred) });
  const { setNodeRef: setDropRef, isOver } = useDroppable({ id: `agenda:${item.id}`, data: { itemId: item.id }, disabled: !movable });
  const ref = { sessionId: session.id, itemId: item.id };
  const classes = ['agenda-item', current && 'agenda-item-current', item.deferred && 'agenda-item-deferred', (lifted || isDragging) && 'agenda-item-lifted', isOver && !isDragging && 'agenda-item-drop']
    .filter(Boolean)
    .join(' ');

  return (
    <li ref={setDropRef} className={classes} aria-current={current ? 'step' : undefined} data-agenda-item-id={item.id}>
      <div ref={setNodeRef} className="agenda-item-body" style={transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined}>
        {movable && !item.deferred && (
          <button
            ref={setActivatorNodeRef}
            {...listeners}
            type="button"
            className="grab-button"
            data-grab-item={item.id}
            aria-label={t('sessions.agenda.grab', { title: item.title })}
            aria-describedby="agenda-grab-help"
            aria-pressed={lifted}
            onKeyDown={onGrabKey}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )}
        {/* A deferred item keeps its column, so the numbers stay in line with the movable ones. */}
        {movable && item.deferred && <span className="grab-space" aria-hidden="true" />}
        <span className="agenda-number">{index + 1}.</span>
        <div className="agenda-main">
          <div className="agenda-head">
            <span className="agenda-title">{item.title}</span>
            {current && <span className="badge badge-current">{t('sessions.run.now')}</span>}
            {item.deferred && <span className="badge badge-deferred">{t('sessions.item.deferredBadge')}</span>}
          </div>
          <p className="agenda-times small">
            {current ? <CurrentItemClock item={item} /> : <ItemTimes item={item} />}
          </p>
          <ItemLinksLine item={item} state={state} />
          {/* The current item shows its votes in full (M61); the others their results (M62). */}
          {!current && slots.itemVotes(item.links.voteIds, 'result')}
          {item.deferred && (
            <p className="small agenda-deferred-to">
              {item.deferred.to ? (
                <>
                  {t('sessions.item.deferredTo')}{' '}
                  <a href={routePath({ name: 'session', sessionId: item.deferred.to })} onClick={onLinkClick}>
                    {state.sessions[item.deferred.to]?.title ?? t('sessions.unknownSession')}
                  </a>
                </>
              ) : (
                t('sessions.item.deferredLater')
              )}{' '}
              <span className="muted">({formatOfficeDateTime(item.deferred.at, i18n.language)})</span>
            </p>
          )}
          {open && editing && (
            <AgendaItemForm
              initial={item}
              state={state}
              submitLabel={t('sessions.save')}
              pending={command.isPending}
              onCancel={() => setEditing(false)}
              onSubmit={(fields) =>
                command.mutate({ type: 'session.update_item', payload: { ...ref, changes: fields }, done: t('sessions.item.saved', { title: fields.title }) }, { onSuccess: () => setEditing(false) })
              }
            />
          )}
          {open && !editing && (
            <div className="agenda-actions">
              {session.state === 'running' && !current && (
                <button
                  aria-label={`${t('sessions.run.takeUp')}: ${item.title}`}
                  type="button"
                  className="button button-primary"
                  disabled={command.isPending}
                  onClick={() =>
                    command.mutate(
                      { type: 'session.take_up_item', payload: ref, done: t('sessions.run.takenUp', { title: item.title }) },
                      // M45: the item taken up is what the person leading shows everyone, until they show something else.
                      { onSuccess: () => sessionLeadOf(state.sessionLeads, session) === me.id && setFocus({ kind: 'item', itemId: item.id }) },
                    )
                  }
                >
                  {t('sessions.run.takeUp')}
                </button>
              )}
              <button type="button" className="button button-secondary" onClick={() => setEditing(true)} aria-label={`${t('sessions.item.edit')}: ${item.title}`}>
                {t('sessions.item.edit')}
              </button>
              {item.spans.length === 0 && (
                <button
                  aria-label={`${t('sessions.item.remove')}: ${item.title}`}
                  type="button"
                  className="button button-quiet"
                  disabled={command.isPending}
                  onClick={() => command.mutate({ type: 'session.remove_item', payload: ref, done: t('sessions.item.removed', { title: item.title }) })}
                >
                  {t('sessions.item.remove')}
                </button>
              )}
              {!current && <DeferControl item={item} session={session} state={state} />}
            </div>
          )}
          {open && !editing && (
            <div className="agenda-vote">
              <PreparedVoteControl session={session} item={item} slots={slots} />
            </div>
          )}
        </div>
      </div>
    </li>
  );
}

function ItemTimes({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  if (item.spans.length === 0) return <>{t('sessions.item.planned', { minutes: item.plannedMinutes })}</>;
  // Not the current item: every span has ended, so the clock does not matter.
  const actual = actualMinutes(item, new Date().toISOString());
  const overrun = actual - item.plannedMinutes;
  return (
    <>
      {t('sessions.run.actualOf', { actual: formatMinutes(actual), planned: item.plannedMinutes })}
      {overrun > 0 && <span className="badge badge-overrun"> {t('sessions.run.overrun', { overrun: formatMinutes(overrun) })}</span>}
    </>
  );
}

function ItemLinksLine({ item, state }: { item: AgendaItem; state: WorkspaceState }) {
  const { t } = useTranslation();
  const openCard = useUiStore((s) => s.openCard);
  const linked = LINK_KINDS.flatMap((kind) => item.links[kind].map((id) => ({ kind, id })));
  if (linked.length === 0) return null;
  const target = (kind: LinkKind, id: string) =>
    kind === 'positionIds' ? routePath({ name: 'position', positionId: id }) : routePath({ name: kind === 'cardIds' ? 'board' : 'votes' });
  const follow = (kind: LinkKind, id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    onLinkClick(event);
    if (kind === 'cardIds' && event.defaultPrevented) {
      navigate(routePath({ name: 'board' }));
      openCard(id);
    }
  };
  return (
    <ul className="agenda-links small" aria-label={t('sessions.item.linksLabel', { title: item.title })}>
      {linked.map(({ kind, id }) => (
        <li key={`${kind}:${id}`}>
          <span className="muted">{t(`sessions.linkKindOne.${kind}`)}:</span>{' '}
          <a href={target(kind, id)} onClick={follow(kind, id)}>
            {linkTitle(t, state, kind, id)}
          </a>
        </li>
      ))}
    </ul>
  );
}
