import { createHash, randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { Command } from '../../shared/src/commands.js';
import type { StoredEvent } from '../../shared/src/events.js';
import { applyEvent, emptyState, type WorkspaceState } from '../../shared/src/projection.js';
import {
  PROTOCOL_VERSION,
  type Ack,
  type CatchUp,
  type ClientToServerEvents,
  type CommandResult,
  type ServerToClientEvents,
} from '../../shared/src/protocol.js';
import { canonicalJson } from '../../server/src/sync/hash-chain.js';

export type VerbundSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client as the web app opens it (websocket only), connected but not yet joined. */
export function connectSocket(url: string, cookie: string, workspaceId: string, timeoutMs = 20_000): Promise<VerbundSocket> {
  const socket: VerbundSocket = io(url, {
    transports: ['websocket'],
    extraHeaders: { cookie },
    auth: { protocolVersion: PROTOCOL_VERSION, workspaceId },
    reconnection: false,
    forceNew: true,
    timeout: timeoutMs,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

export async function joinSocket(socket: VerbundSocket, lastSeq: number, timeoutMs = 30_000): Promise<CatchUp> {
  const answer = (await socket.timeout(timeoutMs).emitWithAck('sync:join', { lastSeq })) as Ack<CatchUp>;
  if (!answer.ok) throw new Error(`join refused: ${answer.error.code}`);
  return answer.value;
}

/** Opens `count` clients `parallel` at a time (a real crowd does not arrive in one tick). */
export async function openMany<T>(count: number, open: (i: number) => Promise<T>, parallel = 25): Promise<T[]> {
  const opened: T[] = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      opened[i] = await open(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  return opened;
}

export function editCommand(workspaceId: string, cardId: string, n: number): Command {
  return { id: randomUUID(), workspaceId, type: 'card.update', payload: { cardId, changes: { title: `Bench edit ${n} at ${Date.now()}` } } };
}

/** The digest two replicas must share: canonical JSON of the whole projection. */
export function stateDigest(state: WorkspaceState): string {
  return createHash('sha256').update(canonicalJson(state)).digest('hex');
}

export async function serverState(url: string, cookie: string, workspaceId: string): Promise<WorkspaceState> {
  const res = await fetch(`${url}/api/workspaces/${workspaceId}/state`, { headers: { cookie } });
  if (!res.ok) throw new Error(`state: HTTP ${res.status}`);
  return (await res.json()) as WorkspaceState;
}

/**
 * A client that keeps the workspace's projection as the web app does: catch-up on join, then
 * every appended event in order. It notices gaps and duplicates, which must never happen.
 */
export class Replica {
  state: WorkspaceState;
  socket: VerbundSocket | null = null;
  gaps = 0;
  duplicates = 0;
  private joining = false;
  private buffered: StoredEvent[] = [];

  constructor(
    readonly url: string,
    readonly cookie: string,
    readonly workspaceId: string,
  ) {
    this.state = emptyState(workspaceId);
  }

  async connect(): Promise<void> {
    const socket = await connectSocket(this.url, this.cookie, this.workspaceId);
    this.socket = socket;
    socket.on('events:appended', (events) => {
      if (this.joining) this.buffered.push(...events);
      else this.apply(events);
    });
    this.joining = true;
    try {
      const catchUp = await joinSocket(socket, this.state.seq);
      if (catchUp.kind === 'snapshot') this.state = catchUp.state;
      else this.apply(catchUp.events);
      this.apply(this.buffered);
    } finally {
      this.buffered = [];
      this.joining = false;
    }
  }

  /** Drops the connection the way a network loss does: no goodbye to the server. */
  drop(): void {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.removeAllListeners();
    socket.io.engine?.close();
    socket.disconnect();
  }

  close(): void {
    this.socket?.disconnect();
    this.socket = null;
  }

  digest(): string {
    return stateDigest(this.state);
  }

  private apply(events: readonly StoredEvent[]): void {
    for (const event of events) {
      if (event.seq <= this.state.seq) {
        this.duplicates += 1;
        continue;
      }
      if (event.seq !== this.state.seq + 1) this.gaps += 1;
      applyEvent(this.state, event);
    }
  }
}

/** Submits with a deadline; the typed answer (socket.io's `timeout()` loses the ack type). */
export async function submitCommand(socket: VerbundSocket, command: Command, timeoutMs = 30_000): Promise<Ack<CommandResult>> {
  return (await socket.timeout(timeoutMs).emitWithAck('command:submit', command)) as Ack<CommandResult>;
}
