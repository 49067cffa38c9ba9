import { z } from 'zod';
import { defineFeature, replace } from '../../feature.js';
import { areaSchema, boardSchema, cardFieldsSchema, cardSchema, descriptionSchema, idSchema, LIMITS, newCard, positionSchema, statusSchema } from '../../model.js';

/**
 * A card's description is a live document (`card-description:<cardId>`, rule Y17): an edit changes
 * the document, and the server mirrors its text into the card. `card.update` no longer carries it, so
 * two people writing in one description no longer overwrite each other.
 */
const cardChangesSchema = cardFieldsSchema
  .omit({ description: true })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'at least one field must change');

function describedShape() {
  return { cardId: idSchema, description: descriptionSchema, writers: z.array(idSchema).max(LIMITS.people) };
}

const placement = { area: areaSchema.optional(), status: statusSchema.optional(), position: positionSchema };

/** Boards and the cards on them: create, edit, move, archive and restore. */
export const boardFeature = defineFeature({
  name: 'board',
  commands: {
    'card.create': z.strictObject({
      cardId: idSchema,
      boardId: idSchema,
      position: positionSchema,
      fields: cardFieldsSchema.partial().required({ title: true, area: true, status: true }),
    }),
    'card.update': z.strictObject({ cardId: idSchema, changes: cardChangesSchema }),
    'card.move': z.strictObject({ cardId: idSchema, ...placement }),
    'card.archive': z.strictObject({ cardId: idSchema }),
    'card.restore': z.strictObject({ cardId: idSchema }),
    /** The server's own (Y17): the description document's text, with the people who wrote since the last mirror. */
    'card.describe': z.strictObject(describedShape()),
  },
  events: {
    'board.created': z.strictObject({ board: boardSchema }),
    'card.created': z.strictObject({ card: cardSchema }),
    'card.updated': z.strictObject({ cardId: idSchema, changes: cardFieldsSchema.partial() }),
    'card.moved': z.strictObject({ cardId: idSchema, ...placement }),
    'card.archived': z.strictObject({ cardId: idSchema }),
    'card.restored': z.strictObject({ cardId: idSchema }),
    'card.described': z.strictObject(describedShape()),
  },
  slice: {
    version: 1,
    shape: { boards: z.record(z.string(), boardSchema), cards: z.record(z.string(), cardSchema) },
    empty: () => ({ boards: {}, cards: {} }),
    containers: ['boards', 'cards'],
    reducers: {
      'board.created': (s, e) => {
        s.boards[e.data.board.id] = e.data.board;
      },
      'card.created': (s, e) => {
        s.cards[e.data.card.id] = e.data.card;
      },
      'card.updated': (s, e) => replace(s.cards, e.data.cardId, { ...e.data.changes, updatedAt: e.at }),
      'card.moved': (s, e) => {
        const { cardId, ...moved } = e.data;
        replace(s.cards, cardId, { ...moved, updatedAt: e.at });
      },
      'card.archived': (s, e) => replace(s.cards, e.data.cardId, { archived: true, updatedAt: e.at }),
      'card.restored': (s, e) => replace(s.cards, e.data.cardId, { archived: false, updatedAt: e.at }),
      'card.described': (s, e) => replace(s.cards, e.data.cardId, { description: e.data.description, updatedAt: e.at }),
    },
    migrations: {},
  },
  predict: {
    'card.create': (s, payload, by) => (s.cards[payload.cardId] ? null : [{ type: 'card.created', data: { card: newCard(payload, by.actorId, by.now) } }]),
    'card.update': (s, payload) => (s.cards[payload.cardId] ? [{ type: 'card.updated', data: payload }] : null),
    'card.move': (s, payload) => (s.cards[payload.cardId] ? [{ type: 'card.moved', data: payload }] : null),
    'card.archive': (s, payload) => (s.cards[payload.cardId] ? [{ type: 'card.archived', data: payload }] : null),
    'card.restore': (s, payload) => (s.cards[payload.cardId] ? [{ type: 'card.restored', data: payload }] : null),
  },
  subjects: {
    'board.created': (d) => d.board.id,
    'card.created': (d) => d.card.id,
    'card.updated': (d) => d.cardId,
    'card.moved': (d) => d.cardId,
    'card.archived': (d) => d.cardId,
    'card.restored': (d) => d.cardId,
    'card.described': (d) => d.cardId,
  },
});
