import { z } from 'zod';
import type { AppError } from './errors.js';
import { eventSchema, type StoredEvent } from './events.js';
import type { Command } from './commands.js';
import { idSchema } from './model.js';
import type { WorkspaceState } from './projection.js';

/**
 * Version of the live protocol. A client states it in the handshake; a server that speaks another
 * version refuses the connection with `protocol_mismatch` (rule S1). Bump on any incompatible change.
 */
export const PROTOCOL_VERSION = 1;

export const handshakeAuthSchema = z.strictObject({
  protocolVersion: z.number().int(),
  workspaceId: idSchema,
});
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

export const joinRequestSchema = z.strictObject({
  /** The last sequence number the client has applied; 0 for none. */
  lastSeq: z.number().int().min(0),
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;

/** Catch-up answer: the missed events in order, or a snapshot when the client is too far behind. */
export type CatchUp =
  | { kind: 'events'; events: StoredEvent[] }
  | { kind: 'snapshot'; state: WorkspaceState };

export type Ack<T> = { ok: true; value: T } | { ok: false; error: AppError };

export type CommandResult = { seq: number; events: StoredEvent[] };

export const presenceUpdateSchema = z.strictObject({
  viewingCardId: idSchema.nullable(),
  editingCardId: idSchema.nullable(),
});
export type PresenceUpdate = z.infer<typeof presenceUpdateSchema>;

export type PresenceEntry = PresenceUpdate & {
  connectionId: string;
  personId: string;
  name: string;
  partnerId: string;
};

export const appendedEventsSchema = z.array(eventSchema);

/** Socket.IO event maps: `entity:verb` from clients, `entity:verbed` from the server. */
export interface ClientToServerEvents {
  'sync:join': (request: JoinRequest, ack: (answer: Ack<CatchUp>) => void) => void;
  'command:submit': (command: Command, ack: (answer: Ack<CommandResult>) => void) => void;
  'presence:update': (update: PresenceUpdate) => void;
}

export interface ServerToClientEvents {
  /** Newly stored events, in order, each exactly once per connection. */
  'events:appended': (events: StoredEvent[]) => void;
  'presence:changed': (entries: PresenceEntry[]) => void;
}

/** Why the server ended a connection; sent as the handshake error's `data`. */
export type ConnectRefusal = { code: 'unauthenticated' | 'forbidden' | 'protocol_mismatch' | 'invalid_payload'; message: string };
