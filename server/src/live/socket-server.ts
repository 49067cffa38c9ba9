import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { appError, invalidPayload } from '@verbund/shared/errors';
import { idSchema } from '@verbund/shared/model';
import {
  handshakeAuthSchema,
  joinRequestSchema,
  presenceUpdateSchema,
  PROTOCOL_VERSION,
  type Ack,
  type CatchUp,
  type ClientToServerEvents,
  type CommandResult,
  type ConnectRefusal,
  type ServerToClientEvents,
} from '@verbund/shared/protocol';
import type { FloodControl } from './flood-control.js';
import { dropIfStalled } from './send-buffer.js';
import type { StoredEvent } from '@verbund/shared/events';
import type { WorkspaceState } from '@verbund/shared/projection';
import { seesInvitations } from '../domain/admin/withhold.js';
import { ADMIN_READER, catchUpToWire, eventsToWire, MEMBER_READER, readerOf, type Wire } from '../domain/wire.js';
import type { SessionEnd, Sessions } from '../auth/sessions.js';
import type { Storage } from '../storage/port.js';
import type { EngineRegistry } from '../sync/engine-registry.js';
import { runCommand } from '../sync/run-command.js';
import type { PresenceBook } from './presence.js';
import { FocusBook, greetWithFocus, registerFocusHandlers } from './session-focus.js';
import type { DocRegistry } from '../docs/doc-registry.js';
import { registerDocHandlers } from '../docs/doc-handlers.js';
import type { DocMirror } from '../docs/doc-mirror.js';

type SocketData = { personId: string; partnerId: string; name: string; workspaceId: string; sessionHash: string; /** When the session ends unless used (ms). */ deadline: number };
/**
 * The protocol's event maps as the server must use them: workspace data goes out only as `Wire`,
 * which only the features' reader views make (domain/wire.ts), so emitting a raw stored event or a
 * raw state does not compile (server/src/live/wire.test.ts).
 */
type ServerEmits = Omit<ServerToClientEvents, 'events:appended'> & { 'events:appended': (events: Wire<StoredEvent[]>) => void };
type DocEvents = 'doc:open' | 'doc:update' | 'doc:awareness' | 'doc:close';
type ServerAcks = Omit<ClientToServerEvents, 'sync:join' | 'command:submit' | DocEvents | 'session:focus'> & {
  'session:focus': (request: unknown, ack: unknown) => void;
  'sync:join': (request: unknown, ack: (answer: Ack<Wire<CatchUp>>) => void) => void;
  'command:submit': (command: unknown, ack: (answer: Ack<Wire<CommandResult>>) => void) => void;
} & { [E in DocEvents]: (request: unknown, ack: unknown) => void };
export type LiveServer = Server<ServerAcks, ServerEmits, Record<string, never>, SocketData>;
export type LiveSocket = Socket<ServerAcks, ServerEmits, Record<string, never>, SocketData>;

export type LiveOptions = {
  storage: Storage;
  sessions: Sessions;
  /** Connections one session may hold at once (tabs, devices share none). */
  maxSocketsPerSession: number;
  engines: EngineRegistry;
  /** Who is connected where (S10); the engines read it too (M41). */
  presence: PresenceBook;
  clock: () => Date;
  /** Origins allowed to open a socket; an empty list allows only the server's own host. */
  allowedOrigins: readonly string[];
  flood: FloodControl;
  /** The open collaborative documents (the `doc:*` stream). */
  docs: DocRegistry;
  mirror: DocMirror;
  /** Bytes queued for one connection beyond which it is dropped (a client that stopped reading). */
  maxSendBuffer: number;
  log: (message: string, error?: unknown) => void;
};

export const roomOf = (workspaceId: string) => `ws:${workspaceId}`;
/** Every connection of one person to one workspace, so access changes can end them at once. */
export const personRoomOf = (workspaceId: string, personId: string) => `ws:${workspaceId}:person:${personId}`;
/** The joined connections of the workspace's admins: they alone receive invitation events in full. */
const adminRoomOf = (workspaceId: string) => `ws:${workspaceId}:admins`;

/** Moves a person's joined connections into or out of the admins' room after a change of roles. */
export async function seatAmongAdmins(io: LiveServer, workspaceId: string, personId: string, admin: boolean): Promise<void> {
  for (const socket of await io.in(personRoomOf(workspaceId, personId)).fetchSockets()) {
    if (!admin) socket.leave(adminRoomOf(workspaceId));
    else if (socket.rooms.has(roomOf(workspaceId))) socket.join(adminRoomOf(workspaceId));
  }
}

/** Rule S3's broadcast, each reader getting the events as they may see them (sealed ballots, withheld invitations). */
export function broadcastEvents(io: LiveServer, workspaceId: string, events: StoredEvent[], state: Readonly<WorkspaceState>): void {
  const forMembers = eventsToWire(events, MEMBER_READER, state);
  const forAdmins = eventsToWire(events, ADMIN_READER, state);
  // Most batches look the same to everyone (the views hand the same array back): one emit then.
  if (forMembers === forAdmins) {
    io.to(roomOf(workspaceId)).emit('events:appended', forMembers);
    return;
  }
  io.to(roomOf(workspaceId)).except(adminRoomOf(workspaceId)).emit('events:appended', forMembers);
  io.to(adminRoomOf(workspaceId)).emit('events:appended', forAdmins);
}

/** Largest socket message; bigger frames close the connection (socket.io's own limit). */
const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

export function createLiveServer(httpServer: HttpServer, options: LiveOptions): LiveServer {
  const io: LiveServer = new Server(httpServer, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
  });
  const { presence } = options;
  const focusBook = new FocusBook();
  const perSession = new Map<string, number>();
  options.sessions.onEnded((end) => endConnections(io, end));
  const sweeper = setInterval(() => sweep(io, options), SWEEP_MS);
  sweeper.unref();
  httpServer.once('close', () => clearInterval(sweeper));

  io.use((socket, next) => {
    authenticate(socket, options, perSession).then(
      (refusal) => next(refusal ? Object.assign(new Error(refusal.message), { data: refusal }) : undefined),
      (error: unknown) => {
        options.log('handshake failed', error);
        next(new Error('internal'));
      },
    );
  });

  const publishPresence = coalescedPresence(io, presence);

  io.on('connection', (socket) => {
    const { personId, partnerId, workspaceId, name, sessionHash } = socket.data;
    const room = roomOf(workspaceId);
    void socket.join([personRoomOf(workspaceId, personId), sessionRoomOf(sessionHash), accountRoomOf(personId)]);
    perSession.set(sessionHash, (perSession.get(sessionHash) ?? 0) + 1);
    const entry = { connectionId: socket.id, personId, name, partnerId };

    socket.on('sync:join', (request, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = joinRequestSchema.safeParse(request);
      if (!parsed.success) return ack({ ok: false, error: invalidPayload(parsed.error, 'join request') });
      void guarded(ack, options, async () => {
        const wait = await options.flood.admitJoin(personId);
        if (wait > 0) return { ok: false, error: appError('rate_limited', `too many joins; retry in ${wait} s`) };
        if (!(await stillSignedIn(socket, options))) return { ok: false, error: appError('unauthenticated', 'the session has ended') };
        const engine = await options.engines.get(workspaceId);
        if (!engine) return { ok: false, error: appError('not_found', 'workspace not found') };
        const actor = engine.actorFor(personId);
        if (!actor) return { ok: false, error: appError('forbidden', 'not a member of this workspace') };
        const value = await engine.catchUp(parsed.data.lastSeq, () => {
          void socket.join(room);
          // A later change of roles moves the connection (seatAmongAdmins).
          if (seesInvitations(actor)) void socket.join(adminRoomOf(workspaceId));
          presence.set(workspaceId, { ...entry, viewingCardId: null, editingCardId: null });
          publishPresence(workspaceId);
          greetWithFocus(socket, focusBook, engine.peek());
        });
        return { ok: true, value: catchUpToWire(value, readerOf(actor), engine.peek()) };
      });
    });

    socket.on('command:submit', (raw, ack) => {
      // Without an ack nobody learns the outcome: refused, and said so on the error event (S18).
      if (typeof ack !== 'function') {
        socket.emit('command:refused', { commandId: commandIdOf(raw), error: appError('invalid_payload', 'command:submit needs an acknowledgement callback') });
        return;
      }
      void guarded(ack, options, async () => {
        const admitted = await options.flood.admitCommand(personId, raw);
        if (!admitted.ok) return { ok: false, error: admitted.error };
        // Rule S17: a command that races the end of its session is refused, not applied.
        if (!(await stillSignedIn(socket, options))) return { ok: false, error: appError('unauthenticated', 'the session has ended') };
        return runCommand(options.engines, workspaceId, personId, admitted.command);
      });
    });

    socket.on('presence:update', (update) => {
      const parsed = presenceUpdateSchema.safeParse(update);
      if (!parsed.success || !socket.rooms.has(room)) return;
      void options.flood.admitPresence(socket.id).then((admitted) => {
        if (!admitted || !socket.connected) return;
        presence.set(workspaceId, { ...entry, ...parsed.data });
        publishPresence(workspaceId);
      });
    });

    registerFocusHandlers(socket, { io, book: focusBook, engines: options.engines, flood: options.flood, clock: options.clock, room, log: options.log });
    // M34: the server's clock, for the clients' offset; answered to anyone connected (it is no secret).
    socket.on('time:sync', (ack) => {
      if (typeof ack === 'function') ack({ serverNow: options.clock().getTime() });
    });

    registerDocHandlers(socket, { docs: options.docs, mirror: options.mirror, engines: options.engines, flood: options.flood, stillSignedIn: () => stillSignedIn(socket, options), log: options.log });

    socket.on('disconnect', () => {
      const left = (perSession.get(sessionHash) ?? 1) - 1;
      if (left > 0) perSession.set(sessionHash, left);
      else perSession.delete(sessionHash);
      presence.remove(workspaceId, socket.id);
      publishPresence(workspaceId);
    });
  });

  return io;
}

/**
 * Presence changes of one workspace within a short window go out as one list. Sent at once, a join
 * storm of N clients is N lists of up to N entries to N clients (cubic bytes: 500 clients took a
 * minute to join); coalesced, a room gets at most one list per window, and the window grows with
 * the room so the bytes per second stay linear in its size. Presence is ephemeral (rule S10), so
 * a fraction of a second late is fine.
 */
function coalescedPresence(io: LiveServer, presence: PresenceBook): (workspaceId: string) => void {
  const pending = new Set<string>();
  return (workspaceId) => {
    if (pending.has(workspaceId)) return;
    pending.add(workspaceId);
    const delay = Math.min(PRESENCE_MAX_DELAY_MS, PRESENCE_MIN_DELAY_MS + presence.list(workspaceId).length);
    setTimeout(() => {
      pending.delete(workspaceId);
      io.to(roomOf(workspaceId)).emit('presence:changed', presence.list(workspaceId));
    }, delay).unref();
  };
}

const PRESENCE_MIN_DELAY_MS = 20;
const PRESENCE_MAX_DELAY_MS = 1_000;

/** The id of a command-like payload, if it has a well-formed one (for `command:refused`). */
function commandIdOf(raw: unknown): string | null {
  const id: unknown = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return idSchema.safeParse(id).success ? (id as string) : null;
}

/** Runs a handler so that no exception escapes: internals are logged, the client gets `internal`. */
async function guarded<T>(ack: (answer: Ack<T>) => void, options: LiveOptions, run: () => Promise<Ack<T>>): Promise<void> {
  try {
    ack(await run());
  } catch (error) {
    options.log('socket handler failed', error);
    ack({ ok: false, error: appError('internal', 'something went wrong on the server') });
  }
}

const sessionRoomOf = (tokenHash: string) => `session:${tokenHash}`;
const accountRoomOf = (accountId: string) => `account:${accountId}`;
/** How often open connections are checked: sessions that expired or idled out, clients that stopped reading. */
const SWEEP_MS = 500;

/** Every connection opened with an ended session goes at once (issue 8, item 1). */
function endConnections(io: LiveServer, end: SessionEnd): void {
  const rooms = 'accountId' in end ? [accountRoomOf(end.accountId)] : end.tokenHashes.map(sessionRoomOf);
  if (rooms.length > 0) io.in(rooms).disconnectSockets(true);
}

/** Whether the socket's session still holds; if not, the socket is closed. Counts as activity. */
async function stillSignedIn(socket: LiveSocket, options: LiveOptions): Promise<boolean> {
  const live = await options.sessions.check(socket.data.sessionHash);
  if (live) {
    socket.data.deadline = live.deadline;
    return true;
  }
  socket.disconnect(true);
  return false;
}

/** A session may run out while its socket only listens; the clock is read here, so tests can move it. */
/** Every sweep: sessions past their deadline are checked again, connections that stopped reading dropped. */
function sweep(io: LiveServer, options: LiveOptions): void {
  const now = options.clock().getTime();
  for (const socket of io.of('/').sockets.values()) {
    if (dropIfStalled(socket, options.maxSendBuffer)) {
      options.log(`dropped a connection of ${socket.data.personId} that stopped reading`);
      continue;
    }
    if (socket.data.deadline > now) continue;
    stillSignedIn(socket, options).catch((error: unknown) => options.log('session check failed', error));
  }
}

async function authenticate(socket: LiveSocket, options: LiveOptions, perSession: ReadonlyMap<string, number>): Promise<ConnectRefusal | null> {
  // Checked before anything else, so a foreign page learns nothing but this refusal.
  if (!originAllowed(socket.handshake.headers.origin, socket.handshake.headers.host, options.allowedOrigins)) {
    return { code: 'forbidden', message: 'this origin may not open a connection (ALLOWED_ORIGINS)' };
  }
  const auth = handshakeAuthSchema.safeParse(socket.handshake.auth);
  if (!auth.success) return { code: 'invalid_payload', message: 'handshake needs protocolVersion and workspaceId' };
  if (auth.data.protocolVersion !== PROTOCOL_VERSION) {
    return { code: 'protocol_mismatch', message: `server speaks protocol ${PROTOCOL_VERSION}` };
  }
  const live = await options.sessions.resolve(options.sessions.tokenFrom(socket.handshake.headers.cookie));
  if (!live) return { code: 'unauthenticated', message: 'please sign in' };
  const { account, session, deadline } = live;
  if ((perSession.get(session.tokenHash) ?? 0) >= options.maxSocketsPerSession) {
    return { code: 'rate_limited', message: `at most ${options.maxSocketsPerSession} connections per session` };
  }
  const actor = (await options.engines.get(auth.data.workspaceId))?.actorFor(account.id);
  if (!actor) return { code: 'forbidden', message: 'not a member of this workspace' };
  socket.data = { personId: actor.personId, partnerId: actor.partnerId, name: account.name, workspaceId: auth.data.workspaceId, sessionHash: session.tokenHash, deadline };
  return null;
}

/** Rule S2: a browser may only open a socket from an allowed origin (clients without an Origin are not browsers). */
function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
