import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { EVENT_VERSION, GENESIS_HASH, type StoredEvent } from '../../shared/src/events.js';
import { deriveAuditKeys } from '../../server/src/audit/audit-key.js';
import { sealEvent } from '../../server/src/sync/hash-chain.js';
import { connectSocket, editCommand, joinSocket } from './clients.js';
import { freePort, spawnNode, spawnServer, type ServerProcess } from './proc.js';
import { seedBenchData, type Seeded, type SeedOptions } from './seed.js';

export type TargetName = 'verbund' | 'bare';
type AckListener = (ok: boolean, code?: string) => void;
type EventsListener = (events: readonly { commandId: string | null }[]) => void;

/** One load client: a real socket.io connection, joined to the board. */
export type LoadClient = {
  /** Sends the n-th edit; returns its command id. */
  send: (n: number, onAck: AckListener) => string;
  onEvents: (listener: EventsListener) => void;
  close: () => void;
};

export type LoadTarget = {
  name: TargetName;
  server: ServerProcess;
  open: (i: number) => Promise<LoadClient>;
  close: () => Promise<void>;
};

/** Rate limits high enough that a load run measures the server, not the limiter. */
export const LOAD_ENV = { COMMAND_BURST: '100000', COMMAND_RATE: '100000', SEED_DEMO: 'true' };

export async function startVerbund(seed: SeedOptions, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<LoadTarget & { seeded: Seeded }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'verbund-bench-'));
  const seeded = await seedBenchData(dataDir, seed);
  const server = await spawnServer({ mode: 'dist', env: { DATA_DIR: dataDir, ...LOAD_ENV, ...env }, nodeArgs });
  return {
    name: 'verbund',
    server,
    seeded,
    open: async (i) => {
      const socket = await connectSocket(server.url, seeded.cookies[i % seeded.cookies.length] ?? '', seeded.workspaceId);
      await joinSocket(socket, 0);
      return {
        send: (n, onAck) => {
          const command = editCommand(seeded.workspaceId, seeded.cardIds[n % seeded.cardIds.length] ?? '', n);
          socket.emit('command:submit', command, (answer) => onAck(answer.ok, answer.ok ? undefined : answer.error.code));
          return command.id;
        },
        onEvents: (listener) => socket.on('events:appended', listener),
        close: () => socket.disconnect(),
      };
    },
    close: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startBare(): Promise<LoadTarget> {
  const port = await freePort();
  const server = await spawnNode(['--expose-gc', '--import', 'tsx', 'bench/bare-relay.ts'], { mode: 'source', env: {}, port }, /bare relay listening/);
  const template = sampleEvent();
  return {
    name: 'bare',
    server,
    open: async () => {
      const socket: Socket = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      await socket.timeout(30_000).emitWithAck('join');
      return {
        send: (n, onAck) => {
          const id = randomUUID();
          // The same bytes Verbund broadcasts: a sealed card.updated event with this edit's title.
          const event = { ...template, seq: n + 1, commandId: id, data: { cardId: template.data.cardId, changes: { title: `Bench edit ${n} at ${Date.now()}` } } };
          socket.emit('relay', [event], () => onAck(true));
          return id;
        },
        onEvents: (listener) => socket.on('events:appended', listener),
        close: () => socket.disconnect(),
      };
    },
    close: () => server.stop(),
  };
}

function sampleEvent(): Extract<StoredEvent, { type: 'card.updated' }> {
  const id = randomUUID();
  return sealEvent(deriveAuditKeys(randomBytes(32)), GENESIS_HASH, {
    v: EVENT_VERSION,
    workspaceId: randomUUID(),
    seq: 1,
    type: 'card.updated',
    actorId: id,
    partnerId: randomUUID(),
    at: new Date().toISOString(),
    commandId: randomUUID(),
    data: { cardId: randomUUID(), changes: { title: 'Bench edit 0' } },
  }) as Extract<StoredEvent, { type: 'card.updated' }>;
}
