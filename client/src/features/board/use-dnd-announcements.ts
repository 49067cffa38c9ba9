import type { Announcements } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { Card } from '@verbund/shared/model';
import { columnLabel } from '../../lib/move-card';
import type { BoardView } from '../../lib/ui-store';

/** dnd-kit speaks English by default; these say the same in the person's language, with card titles. */
export function useDndAnnouncements(cards: Record<string, Card>, view: BoardView): Announcements {
  const { t } = useTranslation();
  const title = (id: string | number) => cards[String(id)]?.title ?? '';
  const column = (data: Record<string, unknown> | undefined) => {
    const key = data?.column;
    return typeof key === 'string' ? columnLabel(t, view, key) : '';
  };
  return {
    onDragStart: ({ active }) => t('board.dragStart', { title: title(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('board.dragOver', { title: title(active.id), column: column(over.data.current) }) : undefined),
    // The move itself is announced by the shared announcer once the command is queued.
    onDragEnd: () => undefined,
    onDragCancel: ({ active }) => t('board.dragCancel', { title: title(active.id) }),
  };
}
