import { useState, type KeyboardEvent } from 'react';
import { DndContext, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { SESSION_LIMITS, type ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import type { WorkspaceState } from '@verbund/shared/projection';
import { useAnnouncer } from '../../lib/announcer-store';
import { newId } from '../../lib/command-queue';
import { useCommand } from '../../lib/use-command';
import { AgendaItemForm, BLANK_ITEM } from './agenda-item-form';
import { dropIndex, grabStep, previewOrder, type Lifted } from './agenda-order';
import { AgendaRow } from './agenda-row';
import type { VoteSlots } from './vote-slots';

type Props = { session: ModeratedSession; state: WorkspaceState; runner: boolean; slots: VoteSlots };

function focusGrab(itemId: string): void {
  // The row may have been moved in the DOM; focus follows the item to its new place.
  setTimeout(() => document.querySelector<HTMLElement>(`[data-grab-item="${itemId}"]`)?.focus(), 0);
}

/** The agenda (M4): items in their order, reordered by drag and drop or by keyboard, and the total planned time. */
export function Agenda({ session, state, runner, slots }: Props) {
  const { t } = useTranslation();
  const command = useCommand();
  const announce = useAnnouncer((s) => s.announce);
  const [lifted, setLifted] = useState<Lifted | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const editable = runner && session.state !== 'ended';
  const items = previewOrder(session.items, lifted);
  const count = session.items.length;
  const titleOf = (itemId: string) => session.items.find((i) => i.id === itemId)?.title ?? '';
  const live = session.items.filter((i) => !i.deferred);
  const planned = live.reduce((sum, i) => sum + i.plannedMinutes, 0);

  const move = (itemId: string, toIndex: number) =>
    command.mutate({
      type: 'session.move_item',
      payload: { sessionId: session.id, itemId, toIndex },
      done: t('sessions.agenda.moved', { title: titleOf(itemId), index: toIndex + 1, count }),
    });

  const onGrabKey = (event: KeyboardEvent<HTMLButtonElement>, itemId: string, index: number) => {
    const step = grabStep(lifted, event.key, itemId, index, count);
    if (step.kind === 'ignore') return;
    event.preventDefault();
    const title = titleOf(itemId);
    if (step.kind === 'lift' || step.kind === 'carry') {
      setLifted(step.lifted);
      announce(t(step.kind === 'lift' ? 'sessions.agenda.lifted' : 'sessions.agenda.carried', { title, index: step.lifted.at + 1, count }));
      focusGrab(itemId);
      return;
    }
    const from = lifted?.from ?? index;
    setLifted(null);
    focusGrab(itemId);
    if (step.kind === 'drop' && step.toIndex !== null) move(itemId, step.toIndex);
    else announce(t('sessions.agenda.putBack', { title, index: from + 1, count }));
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const overItem: unknown = over?.data.current?.itemId;
    const toIndex = dropIndex(
      session.items.map((i) => i.id),
      String(active.id),
      typeof overItem === 'string' ? overItem : null,
    );
    if (toIndex !== null) move(String(active.id), toIndex);
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('sessions.agenda.dragStart', { title: titleOf(String(active.id)) }),
    onDragOver: ({ active, over }) => (over ? t('sessions.agenda.dragOver', { title: titleOf(String(active.id)), over: titleOf(String(over.data.current?.itemId ?? '')) }) : undefined),
    // The move itself is announced by the shared announcer once the server took it.
    onDragEnd: () => undefined,
    onDragCancel: ({ active }) => t('sessions.agenda.putBack', { title: titleOf(String(active.id)), index: session.items.findIndex((i) => i.id === active.id) + 1, count }),
  };

  return (
    <section className="panel agenda" aria-labelledby="agenda-heading">
      <h3 id="agenda-heading">{t('sessions.agenda.heading')}</h3>
      <p className="agenda-total">
        {t('sessions.agenda.total', { count: live.length, minutes: planned })}
        {session.items.length > live.length && ` · ${t('sessions.agenda.deferredCount', { count: session.items.length - live.length })}`}
      </p>
      {editable && count > 1 && (
        <p id="agenda-grab-help" className="hint">
          {t('sessions.agenda.grabHelp')}
        </p>
      )}
      {count === 0 && <p className="muted">{t('sessions.agenda.empty')}</p>}
      <DndContext sensors={sensors} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: t('sessions.agenda.grabHelp') } }}>
        <ol className="agenda-list">
          {items.map((item, index) => (
            <AgendaRow
              key={item.id}
              item={item}
              index={index}
              session={session}
              state={state}
              editable={editable}
              movable={editable && count > 1}
              lifted={lifted?.itemId === item.id}
              onGrabKey={(event) => onGrabKey(event, item.id, index)}
              slots={slots}
            />
          ))}
        </ol>
      </DndContext>
      {editable && count < SESSION_LIMITS.items && (
        <>
          <h4 className="form-heading">{t('sessions.agenda.add')}</h4>
          <AgendaItemForm
            initial={BLANK_ITEM}
            state={state}
            submitLabel={t('sessions.agenda.addSubmit')}
            pending={command.isPending}
            onSubmit={(fields) =>
              command.mutate({ type: 'session.add_item', payload: { sessionId: session.id, itemId: newId(), fields }, done: t('sessions.agenda.added', { title: fields.title }) })
            }
          />
        </>
      )}
    </section>
  );
}
