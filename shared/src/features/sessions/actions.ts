import { z } from 'zod';
import { areaSchema, dueDateSchema, idSchema, instantSchema, positionSchema as cardPlacementSchema, titleSchema } from '../../model.js';

/** An action item (Aufgabe) agreed during an agenda item: a card on the board, linked to the session (M55). */
export const sessionActionSchema = z.strictObject({ itemId: idSchema, cardId: idSchema, by: idSchema, at: instantSchema });
export type SessionAction = z.infer<typeof sessionActionSchema>;

export const SESSION_ACTION_LIMIT = 200;

export const actionCommands = {
  /** M55: what, who, by when; becomes a card at once (status idea, on the given board), linked to the item. */
  'session.add_action': z.strictObject({
    sessionId: idSchema,
    itemId: idSchema,
    cardId: idSchema,
    boardId: idSchema,
    position: cardPlacementSchema,
    title: titleSchema,
    area: areaSchema,
    ownerIds: z.array(idSchema).min(1).max(10),
    dueDate: dueDateSchema.nullable(),
  }),
};

export const actionEvents = {
  'session.action_added': z.strictObject({ sessionId: idSchema, action: sessionActionSchema }),
};

/** The action items of one session, in the order they were agreed. */
export const actionsOf = (actions: Readonly<Record<string, SessionAction[]>>, sessionId: string): SessionAction[] => actions[sessionId] ?? [];
