import { z } from 'zod';
import { appErrorSchema, type AppError } from './errors.js';
import { eventSchema, type StoredEvent } from './events.js';
import type { Command } from './commands.js';
import type { DocClientToServerEvents, DocServerToClientEvents } from './docs.js';
import type { FocusClientToServerEvents, FocusServerToClientEvents } from './features/sessions/focus.js';
import { idSchema } from './model.js';
import { workspaceStateSchema, type WorkspaceState } from './projection.js';
import type { VoteView } from './votes.js';

/**
 * Version of the live protocol. A client states it in the handshake; a server that speaks another
 * version refuses the connection with `protocol_mismatch` (rule S1). Bump on any incompatible change.
 * 2: views carry `turnout` and may have no `participation`; anonymous ballots name nobody (D38, D39).
 */
export const PROTOCOL_VERSION = 2;

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

/* Schemas of what the server sends, so a client parses every message instead of trusting it. */
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
  code: z.enum(['unauthenticated', 'forbidden', 'protocol_mismatch', 'invalid_payload', 'rate_limited']),
  message: z.string(),
});

/** A `command:submit` sent without an acknowledgement callback: refused, and said so on this event. */
export const commandRefusedSchema = z.object({ commandId: idSchema.nullable(), error: appErrorSchema });
export type CommandRefused = z.infer<typeof commandRefusedSchema>;

/**
 * The answer to `time:sync`: the server's clock (ms since the epoch) when it answered, so a client
 * estimates its offset from the round trip (M34) and shows a timer's end on the server's clock.
 */
export const serverTimeSchema = z.strictObject({ serverNow: z.number() });
export type ServerTime = z.infer<typeof serverTimeSchema>;

/** Socket.IO event maps: `entity:verb` from clients, `entity:verbed` from the server. */
/** The `doc:*` stream rides on the same connection (shared/src/docs.ts), and a session's focus (features/sessions/focus.ts). */
export interface ClientToServerEvents extends DocClientToServerEvents, FocusClientToServerEvents {
  'sync:join': (request: JoinRequest, ack: (answer: Ack<CatchUp>) => void) => void;
  'command:submit': (command: Command, ack: (answer: Ack<CommandResult>) => void) => void;
  'presence:update': (update: PresenceUpdate) => void;
  'time:sync': (ack: (answer: ServerTime) => void) => void;
}

export interface ServerToClientEvents extends DocServerToClientEvents, FocusServerToClientEvents {
  /** Newly stored events, in order, each exactly once per connection. */
  'events:appended': (events: StoredEvent[]) => void;
  'presence:changed': (entries: PresenceEntry[]) => void;
  /** What this recipient may see of votes that just changed (rule D34); parse with `voteViewsSchema`. */
  'votes:viewed': (views: VoteView[]) => void;
  'command:refused': (refusal: CommandRefused) => void;
}

/** Why the server ended a connection; sent as the handshake error's `data`. */
export type ConnectRefusal = z.infer<typeof connectRefusalSchema>;
