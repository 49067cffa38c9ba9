import { z } from 'zod';
import {
  areaSchema,
  cardFieldsSchema,
  idSchema,
  positionSchema,
  statusSchema,
  type Board,
  type Card,
  type Comment,
  type Partner,
} from './model.js';

/** Version of the stored event envelope; bump it together with a numbered migration. */
export const EVENT_VERSION = 1;

const partnerSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1).max(200),
  shortName: z.string().min(1).max(40),
  active: z.boolean(),
}) satisfies z.ZodType<Partner>;

const boardSchema = z.strictObject({ id: idSchema, name: z.string().min(1).max(200) }) satisfies z.ZodType<Board>;

const cardSchema = cardFieldsSchema.extend({
  id: idSchema,
  boardId: idSchema,
  position: positionSchema,
  archived: z.boolean(),
  createdAt: z.iso.datetime(),
  createdBy: idSchema,
  updatedAt: z.iso.datetime(),
}) satisfies z.ZodType<Card>;

const commentSchema = z.strictObject({
  id: idSchema,
  cardId: idSchema,
  authorId: idSchema,
  body: z.string(),
  createdAt: z.iso.datetime(),
}) satisfies z.ZodType<Comment>;

/** The payload of every event type; the envelope is `eventSchema` below. */
export const eventDataSchemas = {
  'workspace.created': z.strictObject({ workspaceId: idSchema, name: z.string().min(1).max(200) }),
  'partner.added': z.strictObject({ partner: partnerSchema }),
  'board.created': z.strictObject({ board: boardSchema }),
  'card.created': z.strictObject({ card: cardSchema }),
  'card.updated': z.strictObject({ cardId: idSchema, changes: cardFieldsSchema.partial() }),
  'card.moved': z.strictObject({
    cardId: idSchema,
    area: areaSchema.optional(),
    status: statusSchema.optional(),
    position: positionSchema,
  }),
  'card.archived': z.strictObject({ cardId: idSchema }),
  'card.restored': z.strictObject({ cardId: idSchema }),
  'comment.added': z.strictObject({ comment: commentSchema }),
} as const;

export type EventType = keyof typeof eventDataSchemas;
export type EventData<T extends EventType> = z.infer<(typeof eventDataSchemas)[T]>;
export const EVENT_TYPES = Object.keys(eventDataSchemas) as EventType[];

/** What the domain decides: an event before the log gives it a place. */
export type NewEvent = { [T in EventType]: { type: T; data: EventData<T> } }[EventType];

const envelope = {
  v: z.literal(EVENT_VERSION),
  workspaceId: idSchema,
  seq: z.number().int().positive(),
  /** The person who caused it; the nil UUID is the system (seeding, scheduled work). */
  actorId: idSchema,
  partnerId: idSchema.nullable(),
  at: z.iso.datetime(),
  commandId: idSchema.nullable(),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
};

const ev = <T extends EventType>(type: T) =>
  z.strictObject({ ...envelope, type: z.literal(type), data: eventDataSchemas[type] });

export const eventSchema = z.discriminatedUnion('type', [
  ev('workspace.created'),
  ev('partner.added'),
  ev('board.created'),
  ev('card.created'),
  ev('card.updated'),
  ev('card.moved'),
  ev('card.archived'),
  ev('card.restored'),
  ev('comment.added'),
]);

/** An event as it stands in the log: envelope, payload, and its link in the hash chain. */
export type StoredEvent = z.infer<typeof eventSchema>;

export const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';
export const GENESIS_HASH = '0'.repeat(64);

/** The entity an event is about, for history look-ups (a card's history). */
export function eventSubjectId(event: NewEvent): string | null {
  switch (event.type) {
    case 'workspace.created':
      return event.data.workspaceId;
    case 'partner.added':
      return event.data.partner.id;
    case 'board.created':
      return event.data.board.id;
    case 'card.created':
      return event.data.card.id;
    case 'card.updated':
    case 'card.moved':
    case 'card.archived':
    case 'card.restored':
      return event.data.cardId;
    case 'comment.added':
      return event.data.comment.cardId;
    default:
      return assertNever(event);
  }
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
