import { appError, refusal } from '@verbund/shared/errors';
import { positionAfter } from '@verbund/shared/features/checklists/checklist-items';
import { CHECKLIST_LIMITS, itemIdTaken, itemOf, type ChecklistItem } from '@verbund/shared/features/checklists/checklists-feature';
import type { WorkspaceState } from '@verbund/shared/projection';
import { accept, reject, type Deciders, type Decision } from '../decision.js';
import type { DomainFeature } from '../feature.js';
import { withLiveCard } from '../live-card.js';
import { anyMember } from '../roles.js';

type ChecklistCommand = 'checklist.add_item' | 'checklist.rename_item' | 'checklist.tick_item' | 'checklist.move_item' | 'checklist.remove_item';

/** C2: a checklist changes only on a live card (S15), and only items that are on it. */
function withItem(state: WorkspaceState, cardId: string, itemId: string, then: (item: ChecklistItem) => Decision): Decision {
  return withLiveCard(state, cardId, () => {
    const item = itemOf(state.checklists, cardId, itemId);
    return item ? then(item) : reject(refusal('not_found', 'item_not_found', 'checklist item not found'));
  });
}

const checklistDeciders: Deciders<ChecklistCommand> = {
  'checklist.add_item': (state, { payload }) =>
    withLiveCard(state, payload.cardId, () => {
      if (itemIdTaken(state.checklists, payload.itemId)) return reject(appError('conflict', 'a checklist item with this id exists'));
      const items = Object.values(state.checklists[payload.cardId] ?? {});
      if (items.length >= CHECKLIST_LIMITS.items) return reject(refusal('conflict', 'checklist_full', `a checklist holds at most ${CHECKLIST_LIMITS.items} items`));
      const position = positionAfter(items);
      // Only crafted keys near the top of the key space get here; a client's own moves never do, so no reason to show.
      if (position === null) return reject(appError('conflict', 'no position after the last item'));
      return accept({ type: 'checklist.item_added', data: { ...payload, position } });
    }),
  'checklist.rename_item': (state, { payload }) =>
    withItem(state, payload.cardId, payload.itemId, () => accept({ type: 'checklist.item_renamed', data: payload })),
  // C3: ticking to the state the item is in is refused, so the history records only real changes and
  // the second of two people ticking at once learns that someone was first.
  'checklist.tick_item': (state, { payload }) =>
    withItem(state, payload.cardId, payload.itemId, (item) => {
      if (item.done === payload.done) {
        return reject(payload.done ? refusal('conflict', 'item_already_done', 'the item is ticked already') : refusal('conflict', 'item_not_done', 'the item is not ticked'));
      }
      return accept({ type: 'checklist.item_ticked', data: payload });
    }),
  'checklist.move_item': (state, { payload }) =>
    withItem(state, payload.cardId, payload.itemId, () => accept({ type: 'checklist.item_moved', data: payload })),
  'checklist.remove_item': (state, { payload }) =>
    withItem(state, payload.cardId, payload.itemId, () => accept({ type: 'checklist.item_removed', data: payload })),
};

/** Checklists on cards: decided here, seen by everyone as stored. */
export const checklistsDomain: DomainFeature<ChecklistCommand> = {
  name: 'checklists',
  deciders: checklistDeciders,
  /** Checklists are part of the card: whoever may edit the card may edit its checklist. */
  policy: {
    'checklist.add_item': anyMember,
    'checklist.rename_item': anyMember,
    'checklist.tick_item': anyMember,
    'checklist.move_item': anyMember,
    'checklist.remove_item': anyMember,
  },
};
