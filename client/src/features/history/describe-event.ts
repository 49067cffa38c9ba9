import type { TFunction } from 'i18next';
import { assertNever, type StoredEvent } from '@verbund/shared/events';

const FIELD_KEYS: Record<string, string> = {
  title: 'card.title',
  description: 'card.description',
  area: 'card.area',
  status: 'card.status',
  leadPartnerId: 'card.leadPartner',
  partnerIds: 'card.partners',
  ownerIds: 'card.owners',
  tags: 'card.tags',
  dueDate: 'card.dueDate',
  addressee: 'card.addressee',
  links: 'card.links',
};

type CardEvent = Extract<StoredEvent, { type: `card.${string}` | 'comment.added' | `checklist.${string}` }>;

function isCardEvent(event: StoredEvent): event is CardEvent {
  return event.type.startsWith('card.') || event.type === 'comment.added' || event.type.startsWith('checklist.');
}

/** One line of a card's history in words; values are left out, the fields named. */
export function describeEvent(t: TFunction, event: StoredEvent): string {
  // A card's history holds card, comment and checklist events; anything else is named generically.
  if (!isCardEvent(event)) return t('history.other');
  switch (event.type) {
    case 'card.created':
      return t('history.created');
    case 'card.updated': {
      const fields = Object.keys(event.data.changes).map((f) => t(FIELD_KEYS[f] ?? f));
      const status = event.data.changes.status ? ` → ${t(`status.${event.data.changes.status}`)}` : '';
      return t('history.updated', { fields: fields.join(', ') }) + status;
    }
    case 'card.described':
      return t('history.described');
    case 'card.moved': {
      const { area, status } = event.data;
      if (area) return t('history.moved', { place: t(`area.${area}`) });
      if (status) return t('history.moved', { place: t(`status.${status}`) });
      return t('history.movedOrder');
    }
    case 'card.archived':
      return t('history.archived');
    case 'card.restored':
      return t('history.restored');
    case 'comment.added':
      return t('history.commented');
    case 'checklist.item_added':
      return t('history.checklistAdded');
    case 'checklist.item_renamed':
      return t('history.checklistRenamed');
    case 'checklist.item_ticked':
      return t(event.data.done ? 'history.checklistTicked' : 'history.checklistUnticked');
    case 'checklist.item_moved':
      return t('history.checklistMoved');
    case 'checklist.item_removed':
      return t('history.checklistRemoved');
    default:
      return assertNever(event);
  }
}
