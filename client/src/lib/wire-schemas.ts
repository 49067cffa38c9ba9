import { z } from 'zod';
import { appErrorSchema } from '@verbund/shared/errors';
import { eventDataSchemas, eventSchema } from '@verbund/shared/events';
import type { CatchUp, CommandResult, PresenceEntry } from '@verbund/shared/protocol';
import { presenceUpdateSchema } from '@verbund/shared/protocol';
import type { WorkspaceState } from '@verbund/shared/projection';

/*
 * shared/ gives zod schemas for entities only inside the event payloads; the answers built from them
 * (state, acks) are composed here from those pieces so nothing is copied by hand, and `satisfies`
 * pins each one to the protocol's own type.
 */
const cardSchema = eventDataSchemas['card.created'].shape.card;
const partnerSchema = eventDataSchemas['partner.added'].shape.partner;
const boardSchema = eventDataSchemas['board.created'].shape.board;
const commentSchema = eventDataSchemas['comment.added'].shape.comment;

export const workspaceStateSchema = z.object({
  workspaceId: z.string(),
  name: z.string(),
  seq: z.number().int().min(0),
  partners: z.record(z.string(), partnerSchema),
  boards: z.record(z.string(), boardSchema),
  cards: z.record(z.string(), cardSchema),
  comments: z.record(z.string(), z.array(commentSchema)),
}) satisfies z.ZodType<WorkspaceState>;

export const storedEventsSchema = z.array(eventSchema);

export const catchUpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('events'), events: storedEventsSchema }),
  z.object({ kind: z.literal('snapshot'), state: workspaceStateSchema }),
]) satisfies z.ZodType<CatchUp>;

export const commandResultSchema = z.object({
  seq: z.number().int().min(0),
  events: storedEventsSchema,
}) satisfies z.ZodType<CommandResult>;

export function ackSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: appErrorSchema }),
  ]);
}

export const presenceEntriesSchema = z.array(
  presenceUpdateSchema.extend({
    connectionId: z.string(),
    personId: z.string(),
    name: z.string(),
    partnerId: z.string(),
  }),
) satisfies z.ZodType<PresenceEntry[]>;

export const connectRefusalSchema = z.object({
  code: z.enum(['unauthenticated', 'forbidden', 'protocol_mismatch', 'invalid_payload']),
  message: z.string(),
});
