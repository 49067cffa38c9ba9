import type { TFunction } from 'i18next';
import type { Card } from '@verbund/shared/model';
import { useAnnouncer } from './announcer-store';
import { columnKeys, keyboardMove, movePayload, type Columns, type MoveDirection, type Placement } from './card-moves';
import { newId, submitCommand } from './command-queue';
import type { BoardView } from './ui-store';

export function columnLabel(t: TFunction, view: BoardView, column: string): string {
  return view === 'area' ? t(`area.${column}`) : t(`status.${column}`);
}

/** Sends a placement as card.move and says where the card went, for people who cannot see it. */
export function commitPlacement(t: TFunction, workspaceId: string, view: BoardView, card: Card, placement: Placement): void {
  submitCommand({ id: newId(), workspaceId, type: 'card.move', payload: movePayload(view, placement) });
  useAnnouncer
    .getState()
    .announce(t('board.moved', { title: card.title, column: columnLabel(t, view, placement.column), index: placement.index, total: placement.total }));
}

export function moveCardBy(t: TFunction, workspaceId: string, view: BoardView, columns: Columns, card: Card, direction: MoveDirection): void {
  const placement = keyboardMove(columns, columnKeys(view), card.id, direction);
  if (!placement) {
    useAnnouncer.getState().announce(t('board.cannotMove', { title: card.title }));
    return;
  }
  commitPlacement(t, workspaceId, view, card, placement);
}
