import { z } from 'zod';
import { defineFeature } from '../../feature.js';
import { idSchema, instantSchema, line, positionSchema } from '../../model.js';
import { orderKeySchema, positionAfter } from './checklist-items.js';

export const CHECKLIST_LIMITS = { itemText: 200, items: 100 } as const;

/** What a person types as an item: one line (S19). */
export const checklistTextSchema = line(CHECKLIST_LIMITS.itemText);

/** One point of a card's checklist; who added and who ticked it come from the events' envelopes. */
export const checklistItemSchema = z.strictObject({
  id: idSchema,
  cardId: idSchema,
  text: checklistTextSchema,
  done: z.boolean(),
  position: positionSchema,
  createdBy: idSchema,
  createdAt: instantSchema,
  /** Who ticked it and when; null while it is open. */
  doneBy: idSchema.nullable(),
  doneAt: instantSchema.nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

type Lists = Record<string, Record<string, ChecklistItem>>;

const itemRef = { cardId: idSchema, itemId: idSchema };

/**
 * Replaces the card's list with one where the item is changed. A card's list is the entity of the
 * `checklists` container (reducer contract): it is replaced, never mutated, because an immutable
 * update copies only the container and shares the lists.
 */
function changeItem(lists: Lists, cardId: string, itemId: string, changes: Partial<ChecklistItem>): void {
  const list = lists[cardId];
  const item = list?.[itemId];
  if (list && item) lists[cardId] = { ...list, [itemId]: { ...item, ...changes } };
}

export const itemOf = (lists: Readonly<Lists>, cardId: string, itemId: string): ChecklistItem | undefined => lists[cardId]?.[itemId];
/** Item ids are unique in the workspace, not only on their card. */
export const itemIdTaken = (lists: Readonly<Lists>, itemId: string): boolean => Object.values(lists).some((list) => itemId in list);

/** A checklist on a card: points added at the end, renamed, ticked and unticked, reordered, removed. */
export const checklistsFeature = defineFeature({
  name: 'checklists',
  commands: {
    'checklist.add_item': z.strictObject({ ...itemRef, text: checklistTextSchema }),
    'checklist.rename_item': z.strictObject({ ...itemRef, text: checklistTextSchema }),
    'checklist.tick_item': z.strictObject({ ...itemRef, done: z.boolean() }),
    'checklist.move_item': z.strictObject({ ...itemRef, position: orderKeySchema }),
    'checklist.remove_item': z.strictObject(itemRef),
  },
  events: {
    /** The server chose the position: after the last item (`positionAfter`). */
    'checklist.item_added': z.strictObject({ ...itemRef, text: checklistTextSchema, position: positionSchema }),
    'checklist.item_renamed': z.strictObject({ ...itemRef, text: checklistTextSchema }),
    'checklist.item_ticked': z.strictObject({ ...itemRef, done: z.boolean() }),
    'checklist.item_moved': z.strictObject({ ...itemRef, position: positionSchema }),
    'checklist.item_removed': z.strictObject(itemRef),
  },
  slice: {
    version: 1,
    /** Items by card id, then by item id; order by `compareItems`. A card without items has no entry. */
    shape: { checklists: z.record(z.string(), z.record(z.string(), checklistItemSchema)) },
    empty: () => ({ checklists: {} }),
    containers: ['checklists'],
    reducers: {
      'checklist.item_added': (s, e) => {
        const { cardId, itemId, text, position } = e.data;
        const item: ChecklistItem = { id: itemId, cardId, text, done: false, position, createdBy: e.actorId, createdAt: e.at, doneBy: null, doneAt: null };
        s.checklists[cardId] = { ...s.checklists[cardId], [itemId]: item };
      },
      'checklist.item_renamed': (s, e) => changeItem(s.checklists, e.data.cardId, e.data.itemId, { text: e.data.text }),
      'checklist.item_ticked': (s, e) =>
        changeItem(s.checklists, e.data.cardId, e.data.itemId, e.data.done ? { done: true, doneBy: e.actorId, doneAt: e.at } : { done: false, doneBy: null, doneAt: null }),
      'checklist.item_moved': (s, e) => changeItem(s.checklists, e.data.cardId, e.data.itemId, { position: e.data.position }),
      'checklist.item_removed': (s, e) => {
        const { cardId, itemId } = e.data;
        const { [itemId]: _removed, ...rest } = s.checklists[cardId] ?? {};
        if (Object.keys(rest).length > 0) s.checklists[cardId] = rest;
        else delete s.checklists[cardId];
      },
    },
    migrations: {},
  },
  // Like board edits, a person sees their checklist change at once; the card's own rules (it exists, not archived) wait for the server.
  predict: {
    'checklist.add_item': (s, payload) => {
      if (itemIdTaken(s.checklists, payload.itemId)) return null;
      const position = positionAfter(Object.values(s.checklists[payload.cardId] ?? {}));
      return position === null ? null : [{ type: 'checklist.item_added', data: { ...payload, position } }];
    },
    'checklist.rename_item': (s, payload) => (itemOf(s.checklists, payload.cardId, payload.itemId) ? [{ type: 'checklist.item_renamed', data: payload }] : null),
    'checklist.tick_item': (s, payload) => {
      const item = itemOf(s.checklists, payload.cardId, payload.itemId);
      return item && item.done !== payload.done ? [{ type: 'checklist.item_ticked', data: payload }] : null;
    },
    'checklist.move_item': (s, payload) => (itemOf(s.checklists, payload.cardId, payload.itemId) ? [{ type: 'checklist.item_moved', data: payload }] : null),
    'checklist.remove_item': (s, payload) => (itemOf(s.checklists, payload.cardId, payload.itemId) ? [{ type: 'checklist.item_removed', data: payload }] : null),
  },
  // The card is the subject, so its history shows what happened to its checklist.
  subjects: {
    'checklist.item_added': (d) => d.cardId,
    'checklist.item_renamed': (d) => d.cardId,
    'checklist.item_ticked': (d) => d.cardId,
    'checklist.item_moved': (d) => d.cardId,
    'checklist.item_removed': (d) => d.cardId,
  },
});
