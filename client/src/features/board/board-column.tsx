import { useDroppable } from '@dnd-kit/core';
import { checklistProgress } from '@verbund/shared/features/checklists/checklist-items';
import { useTranslation } from 'react-i18next';
import type { Card, Partner, Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { ColumnKey, MoveDirection } from '../../lib/card-moves';
import { columnLabel } from '../../lib/move-card';
import type { BoardView } from '../../lib/ui-store';
import { BoardCard } from './board-card';

type Props = {
  column: ColumnKey;
  cards: readonly Card[];
  view: BoardView;
  partners: Record<string, Partner>;
  people: Map<string, Person>;
  checklists: WorkspaceState['checklists'];
  /** The earliest pending follow-up date of the positions each card concerns (P37). */
  followUps: Readonly<Record<string, string>>;
  onOpen: (cardId: string) => void;
  onMove: (card: Card, direction: MoveDirection) => void;
};

export function BoardColumn({ column, cards, view, partners, people, checklists, followUps, onOpen, onMove }: Props) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: `column:${column}`, data: { column, cardId: null } });
  const headingId = `column-heading-${column}`;
  return (
    <section className={isOver ? 'column column-over' : 'column'} aria-labelledby={headingId}>
      <div className="column-header">
        <h3 id={headingId}>{columnLabel(t, view, column)}</h3>
        <span className="column-count">{t('board.columnCount', { count: cards.length })}</span>
      </div>
      <ul className="column-cards" ref={setNodeRef}>
        {cards.map((card) => (
          <BoardCard
            key={card.id}
            card={card}
            column={column}
            view={view}
            partners={partners}
            people={people}
            checklist={checklistProgress(checklists[card.id])}
            followUpOn={followUps[card.id] ?? null}
            onOpen={onOpen}
            onMove={onMove}
          />
        ))}
        {cards.length === 0 && <li className="column-empty">{t('board.empty')}</li>}
      </ul>
    </section>
  );
}
