import { useMemo } from 'react';
import {
  DndContext,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
} from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { followUpsOfCards } from '@verbund/shared/features/positions/dispatch';
import { AREAS, STATUSES, type Card, type Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { buildColumns, columnKeys, dropMove, type ColumnKey, type MoveDirection } from '../../lib/card-moves';
import { commitPlacement, moveCardBy } from '../../lib/move-card';
import { useSession } from '../../lib/session-context';
import { useUiStore } from '../../lib/ui-store';
import { BoardColumn } from './board-column';
import { BoardToolbar } from './board-toolbar';
import { filterCards, tagsInUse } from './filter-cards';
import { NewCardForm } from './new-card-form';
import { useDndAnnouncements } from './use-dnd-announcements';

type Props = { state: WorkspaceState; people: Person[] };

/** Cards win over the column they sit in, so a drop lands next to the card under the pointer. */
const preferCards: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  const card = hits.find((hit) => String(hit.id).startsWith('card:'));
  if (card) return [card];
  return hits.length > 0 ? hits : rectIntersection(args);
};

function isColumnKey(value: unknown): value is ColumnKey {
  return (AREAS as readonly unknown[]).includes(value) || (STATUSES as readonly unknown[]).includes(value);
}

function focusCard(cardId: string): void {
  // The card may have moved to another column and been mounted anew; focus follows it there.
  setTimeout(() => document.querySelector<HTMLElement>(`[data-card-id="${cardId}"]`)?.focus(), 0);
}

export function Board({ state, people }: Props) {
  const { t } = useTranslation();
  const { membership } = useSession();
  const { view, showArchived, filter, openCard } = useUiStore();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const allCards = useMemo(() => Object.values(state.cards), [state.cards]);
  const visible = useMemo(() => filterCards(allCards, filter, showArchived), [allCards, filter, showArchived]);
  const columns = useMemo(() => buildColumns(visible, view), [visible, view]);
  const peopleById = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);
  const followUps = useMemo(() => followUpsOfCards(state.positions, state.positionDispatches), [state.positions, state.positionDispatches]);
  const partnerList = useMemo(() => Object.values(state.partners).sort((a, b) => a.name.localeCompare(b.name, 'de')), [state.partners]);
  const boardId = Object.keys(state.boards).sort()[0] ?? null;
  const announcements = useDndAnnouncements(state.cards, view);

  const onMove = (card: Card, direction: MoveDirection) => {
    moveCardBy(t, membership.workspaceId, view, columns, card, direction);
    focusCard(card.id);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const card = state.cards[String(active.id)];
    const column: unknown = over?.data.current?.column;
    if (!card || !over || !isColumnKey(column)) return;
    const overCardId: unknown = over.data.current?.cardId;
    const placement = dropMove(columns, card.id, column, typeof overCardId === 'string' ? overCardId : null);
    if (placement) commitPlacement(t, membership.workspaceId, view, card, placement);
  };

  return (
    <div className="board">
      <div className="board-top">
        <h2 className="board-heading">{t('board.heading')}</h2>
        <NewCardForm boardId={boardId} cards={allCards} view={view} onCreated={focusCard} />
      </div>
      {!boardId && <p className="muted">{t('board.noBoard')}</p>}
      <BoardToolbar partners={partnerList} tags={tagsInUse(allCards)} />
      <p id="card-instructions" className="hint">
        {t('board.dragDescription')}
      </p>
      <DndContext
        sensors={sensors}
        collisionDetection={preferCards}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.dragDescription') } }}
      >
        <div className="columns">
          {columnKeys(view).map((column) => (
            <BoardColumn
              key={`${view}-${column}`}
              column={column}
              cards={columns.get(column) ?? []}
              view={view}
              partners={state.partners}
              people={peopleById}
              checklists={state.checklists}
              followUps={followUps}
              onOpen={openCard}
              onMove={onMove}
            />
          ))}
        </div>
      </DndContext>
    </div>
  );
}
