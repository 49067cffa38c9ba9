import { z } from 'zod';
import { areaSchema, cardFieldsSchema, commentBodySchema, idSchema, positionSchema, statusSchema } from './model.js';

/**
 * Commands a client sends. Each carries a client-generated id: a retry with the same id is
 * applied once and answered with the first answer (protocol rule S4).
 */
const command = <T extends string, P extends z.ZodType>(type: T, payload: P) =>
  z.strictObject({ id: idSchema, workspaceId: idSchema, type: z.literal(type), payload });

const cardChangesSchema = cardFieldsSchema
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'at least one field must change');

export const commandSchema = z.discriminatedUnion('type', [
  command(
    'card.create',
    z.strictObject({
      cardId: idSchema,
      boardId: idSchema,
      position: positionSchema,
      fields: cardFieldsSchema.partial().required({ title: true, area: true, status: true }),
    }),
  ),
  command('card.update', z.strictObject({ cardId: idSchema, changes: cardChangesSchema })),
  command(
    'card.move',
    z.strictObject({
      cardId: idSchema,
      area: areaSchema.optional(),
      status: statusSchema.optional(),
      position: positionSchema,
    }),
  ),
  command('card.archive', z.strictObject({ cardId: idSchema })),
  command('card.restore', z.strictObject({ cardId: idSchema })),
  command('comment.add', z.strictObject({ commentId: idSchema, cardId: idSchema, body: commentBodySchema })),
]);

export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
export const COMMAND_TYPES = commandSchema.options.map((o) => o.shape.type.value) as CommandType[];
