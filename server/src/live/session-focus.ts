import { appError, invalidPayload } from '@verbund/shared/errors';
import { focusRequestSchema, sameFocus, type SessionFocused } from '@verbund/shared/features/sessions/focus';
import type { Ack } from '@verbund/shared/protocol';
import type { WorkspaceState } from '@verbund/shared/projection';
import { focusRefusal } from '../domain/sessions/focus-rule.js';
import type { EngineRegistry } from '../sync/engine-registry.js';
import type { FloodControl } from './flood-control.js';
import type { LiveServer, LiveSocket } from './socket-server.js';

/**
 * The focus of each running session (M47): volatile like presence (S10), kept in this process's
 * memory only, never in the log; a server restart forgets it and the lead sets it again.
 */
export class FocusBook {
  private readonly byWorkspace = new Map<string, Map<string, SessionFocused>>();

  /** The focus of every session that still runs; those of ended sessions are forgotten here. */
  current(workspaceId: string, state: Readonly<WorkspaceState>): SessionFocused[] {
    const focuses = this.byWorkspace.get(workspaceId);
    if (!focuses) return [];
    for (const sessionId of focuses.keys()) if (state.sessions[sessionId]?.state !== 'running') focuses.delete(sessionId);
    return [...focuses.values()];
  }

  /** Keeps `focused`; false when the session had that very focus already (nothing to relay). */
  set(workspaceId: string, focused: SessionFocused): boolean {
    let focuses = this.byWorkspace.get(workspaceId);
    if (!focuses) {
      focuses = new Map();
      this.byWorkspace.set(workspaceId, focuses);
    }
    const before = focuses.get(focused.sessionId);
    if (before && sameFocus(before.focus, focused.focus)) return false;
    focuses.set(focused.sessionId, focused);
    return true;
  }
}

export type FocusDeps = {
  io: LiveServer;
  book: FocusBook;
  engines: EngineRegistry;
  flood: FloodControl;
  clock: () => Date;
  /** The workspace's room, which every joined connection is in. */
  room: string;
  log: (message: string, error?: unknown) => void;
};

/** Sends a joining connection the focus of every running session (M47), in the same step as its catch-up. */
export function greetWithFocus(socket: LiveSocket, book: FocusBook, state: Readonly<WorkspaceState>): void {
  for (const focused of book.current(socket.data.workspaceId, state)) socket.emit('session:focused', focused);
}

/** `session:focus` of one connection (docs/protocol.md, Sessions): counted, parsed, decided by the domain's rule, relayed. */
export function registerFocusHandlers(socket: LiveSocket, deps: FocusDeps): void {
  const { personId, workspaceId } = socket.data;

  const setFocus = async (raw: unknown): Promise<Ack<SessionFocused>> => {
    // M48: a budget per connection, spent by every message before it is even parsed.
    if (!(await deps.flood.admitFocus(socket.id))) return { ok: false, error: appError('rate_limited', 'too many focus changes at once') };
    const parsed = focusRequestSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: invalidPayload(parsed.error, 'session:focus') };
    const engine = await deps.engines.get(workspaceId);
    const actor = engine?.actorFor(personId);
    if (!engine || !actor) return { ok: false, error: appError('forbidden', 'not a member of this workspace') };
    const { sessionId, focus } = parsed.data;
    const refused = focusRefusal(engine.peek(), actor, sessionId, focus);
    if (refused) return { ok: false, error: refused };
    const focused: SessionFocused = { sessionId, focus, by: personId, at: deps.clock().toISOString() };
    // M47: sent only when it changes; the same focus again is answered and not relayed.
    if (deps.book.set(workspaceId, focused)) deps.io.to(deps.room).emit('session:focused', focused);
    return { ok: true, value: focused };
  };

  socket.on('session:focus', (raw, ack) => {
    if (typeof ack !== 'function') return;
    const reply = ack as (answer: Ack<SessionFocused>) => void;
    setFocus(raw).then(reply, (error: unknown) => {
      deps.log('focus handler failed', error);
      reply({ ok: false, error: appError('internal', 'something went wrong on the server') });
    });
  });
}
