import type { KeyboardEvent } from 'react';
import { useDraggable, useDroppable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { Card, Partner, Person } from '@verbund/shared/model';
import { CardPresence } from '../../components/card-presence';
import { FollowUpMark } from '../../components/follow-up-mark';
import { PartnerBadge } from '../../components/partner-badge';
import type { ColumnKey, MoveDirection } from '../../lib/card-moves';
import { formatDate } from '../../lib/format';
import { personName } from '../../lib/person-name';
import { presenceOnCard, usePresenceStore } from '../../lib/presence-store';
import { useSession } from '../../lib/session-context';
import type { BoardView } from '../../lib/ui-store';

type Props = {
  card: Card;
  column: ColumnKey;
  view: BoardView;
  partners: Record<string, Partner>;
  people: Map<string, Person>;
  /** Ticked and all items of the card's checklist; null without one. */
  checklist: { done: number; total: number } | null;
  /** Wiedervorlage of a position this card concerns (P37); overdue once the office's today is past it. */
  followUpOn: string | null;
  onOpen: (cardId: string) => void;
  onMove: (card: Card, direction: MoveDirection) => void;
};

const ARROWS: Record<string, MoveDirection> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** The Alt+Arrow shortcut, or null for any other key. */
export function moveDirectionForKey(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>): MoveDirection | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  return ARROWS[event.key] ?? null;
}

export function BoardCard({ card, column, view, partners, people, checklist, followUpOn, onOpen, onMove }: Props) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const entries = usePresenceStore((s) => s.entries);
  const { setNodeRef, attributes, listeners, transform, isDragging } = useDraggable({ id: card.id, data: { column } });
  const { setNodeRef: setDropRef, isOver } = useDroppable({ id: `card:${card.id}`, data: { column, cardId: card.id } });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const direction = moveDirectionForKey(event);
    if (direction) {
      event.preventDefault();
      onMove(card, direction);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(card.id);
    }
  };

  const owners = card.ownerIds.filter((id) => people.has(id)).map((id) => personName(t, people.get(id), partners));
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined;
  const classes = ['card', isDragging ? 'card-dragging' : '', isOver && !isDragging ? 'card-drop-target' : '', card.archived ? 'card-archived' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <li className="card-slot" ref={setDropRef}>
      <div
        ref={setNodeRef}
        {...attributes}
        {...listeners}
        aria-roledescription={t('board.cardRole')}
        aria-describedby="card-instructions"
        className={classes}
        style={style}
        data-card-id={card.id}
        onClick={() => onOpen(card.id)}
        onKeyDown={onKeyDown}
      >
        <span className="card-title">{card.title}</span>
        <span className="card-row">
          <span className={`badge badge-status status-${card.status}`}>
            {view === 'area' ? t(`status.${card.status}`) : t(`area.${card.area}`)}
          </span>
          {card.archived && <span className="badge badge-archived">{t('board.archived')}</span>}
        </span>
        {(card.leadPartnerId || card.partnerIds.length > 0) && (
          <span className="card-row">
            {card.leadPartnerId && (
              <span className="card-lead">
                <span className="visually-hidden">{t('board.lead', { partner: '' })}</span>
                <PartnerBadge partners={partners} partnerId={card.leadPartnerId} emphasis />
              </span>
            )}
            {card.partnerIds.filter((id) => id !== card.leadPartnerId).length > 0 && (
              <span className="card-partners">
                <span className="visually-hidden">{t('board.partners', { partners: '' })}</span>
                {card.partnerIds
                  .filter((id) => id !== card.leadPartnerId)
                  .map((id) => (
                    <PartnerBadge key={id} partners={partners} partnerId={id} />
                  ))}
              </span>
            )}
          </span>
        )}
        {owners.length > 0 && <span className="card-line">{t('board.owners', { names: owners.join(', ') })}</span>}
        {card.dueDate && <span className="card-line">{t('board.due', { date: formatDate(card.dueDate, i18n.language) })}</span>}
        {followUpOn && <FollowUpMark day={followUpOn} />}
        {checklist && (
          <span className={checklist.done === checklist.total ? 'card-line card-checklist card-checklist-done' : 'card-line card-checklist'}>
            <span className="visually-hidden">{t('board.checklist', checklist)}</span>
            <span aria-hidden="true">
              ☑ {checklist.done}/{checklist.total}
            </span>
          </span>
        )}
        {card.tags.length > 0 && (
          <span className="card-tags">
            <span className="visually-hidden">{t('board.tags', { tags: '' })}</span>
            {card.tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
          </span>
        )}
        <CardPresence presence={presenceOnCard(entries, card.id, me.id)} partners={partners} />
      </div>
    </li>
  );
}
