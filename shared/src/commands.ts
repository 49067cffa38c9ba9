import { z } from 'zod';
import { mergeMaps } from './feature.js';
import { FEATURES } from './feature-registry.js';
import { idSchema } from './model.js';

/** Every command's payload schema by type; each feature contributes its own map. */
export const commandPayloads = mergeMaps(
  FEATURES.map((f) => f.commands),
  'command type',
);
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
