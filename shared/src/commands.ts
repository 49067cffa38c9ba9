import { z } from 'zod';
import { adminCommandPayloads } from './admin.js';
import { voteCommandPayloads } from './vote-wire.js';
import { areaSchema, cardFieldsSchema, commentBodySchema, idSchema, positionSchema, statusSchema } from './model.js';

const cardChangesSchema = cardFieldsSchema
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'at least one field must change');

const boardCommandPayloads = {
  'card.create': z.strictObject({
    cardId: idSchema,
    boardId: idSchema,
    position: positionSchema,
    fields: cardFieldsSchema.partial().required({ title: true, area: true, status: true }),
  }),
  'card.update': z.strictObject({ cardId: idSchema, changes: cardChangesSchema }),
  'card.move': z.strictObject({
    cardId: idSchema,
    area: areaSchema.optional(),
    status: statusSchema.optional(),
    position: positionSchema,
  }),
  'card.archive': z.strictObject({ cardId: idSchema }),
  'card.restore': z.strictObject({ cardId: idSchema }),
  'comment.add': z.strictObject({ commentId: idSchema, cardId: idSchema, body: commentBodySchema }),
} as const;

/** Every command's payload schema by type; each feature contributes its own map. */
export const commandPayloads = { ...boardCommandPayloads, ...adminCommandPayloads, ...voteCommandPayloads } as const;
type Payloads = typeof commandPayloads;
export type CommandType = keyof Payloads;

const commandOf = <T extends CommandType>(type: T) =>
  z.strictObject({ id: idSchema, workspaceId: idSchema, type: z.literal(type), payload: commandPayloads[type] });
type CommandSchema = { [T in CommandType]: ReturnType<typeof commandOf<T>> }[CommandType];

export const COMMAND_TYPES = Object.keys(commandPayloads) as CommandType[];

/**
 * Commands a client sends. Each carries a client-generated id: a retry with the same id is
 * applied once and answered with the first answer (protocol rule S4).
 */
export const commandSchema = z.discriminatedUnion(
  'type',
  COMMAND_TYPES.map(commandOf) as [CommandSchema, ...CommandSchema[]],
);

export type Command = z.infer<typeof commandSchema>;
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
