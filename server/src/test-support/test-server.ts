import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { io as connectClient, type Socket } from 'socket.io-client';
import type { Command } from '@verbund/shared/commands';
import type { StoredEvent } from '@verbund/shared/events';
import { PROTOCOL_VERSION, type Ack, type CatchUp, type ClientToServerEvents, type CommandResult, type ServerToClientEvents } from '@verbund/shared/protocol';
import { createAuditKey, readAuditKey, type AuditKeys } from '../audit/audit-key.js';
import { createApp, type App, type AppDeps } from '../app.js';
import { AUDIT_KEY_FILE_NAME } from '../config.js';
import { DEMO_PASSWORD, DEMO_WORKSPACE_ID, seedDemo } from '../seed/demo.js';
import { openSqliteStorage } from '../storage/sqlite-storage.js';
import type { Storage } from '../storage/port.js';

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export type TestServer = {
  url: string;
  dataDir: string;
  storage: Storage;
  /** The key file in the data directory (AUDIT_KEY_FILE's default), so a restart on the same directory keeps it. */
  auditKeys: AuditKeys;
  app: App;
  /** Signs in over HTTP and returns the session cookie. */
  login: (email: string, password?: string) => Promise<string>;
  /** A real socket.io client, connected and joined (answer of `sync:join` included). */
  connect: (cookie: string, options?: { lastSeq?: number; workspaceId?: string }) => Promise<{ socket: TestClient; catchUp: CatchUp }>;
  /** Stops the server; the data directory stays unless `removeData`. */
  close: (options?: { removeData?: boolean }) => Promise<void>;
};

/** A real server on an ephemeral port over a real SQLite file in a temp directory, seeded with the demo. */
export async function startTestServer(options: { dataDir?: string; deps?: Partial<AppDeps> } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'verbund-test-'));
  const keyFile = join(dataDir, AUDIT_KEY_FILE_NAME);
  const storage = openSqliteStorage(join(dataDir, 'verbund.sqlite'));
  const auditKeys = readAuditKey(keyFile) ?? (await createAuditKey(keyFile, storage));
  await seedDemo(storage, auditKeys, new Date());
  // Suites sign many people in at once (the cap on running hashes stays, the queue is longer) and
  // send much hostile input from one account (the invalid-command budget is wider; rate-limit.test pins the default).
  const app = createApp({ storage, auditKeys, log: () => undefined, passwordGate: { maxWaiting: 200 }, ...options.deps, flood: { invalid: { burst: 100_000, perSecond: 100_000 }, ...options.deps?.flood } });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = app.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const sockets: TestClient[] = [];

  return {
    url,
    dataDir,
    storage,
    auditKeys,
    app,
    login: async (email, password = DEMO_PASSWORD) => {
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'verbund' },
        body: JSON.stringify({ email, password }),
      });
      if (!res.ok) throw new Error(`login failed: ${res.status}`);
      return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    },
    connect: async (cookie, { lastSeq = 0, workspaceId = DEMO_WORKSPACE_ID } = {}) => {
      const socket: TestClient = connectClient(url, {
        transports: ['websocket'],
        extraHeaders: { cookie },
        auth: { protocolVersion: PROTOCOL_VERSION, workspaceId },
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      const answer = await socket.emitWithAck('sync:join', { lastSeq });
      if (!answer.ok) throw new Error(`join failed: ${answer.error.code}`);
      return { socket, catchUp: answer.value };
    },
    close: async ({ removeData = false } = {}) => {
      for (const s of sockets) s.disconnect();
      await app.close();
      await storage.close();
      if (removeData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function submit(socket: TestClient, command: Command): Promise<Ack<CommandResult>> {
  return socket.emitWithAck('command:submit', command);
}

/** Collects every `events:appended` a socket receives. */
export function collectEvents(socket: TestClient): StoredEvent[] {
  const received: StoredEvent[] = [];
  socket.on('events:appended', (events) => received.push(...events));
  return received;
}

/** Resolves once `predicate` holds, polling; rejects after `timeoutMs`. */
export async function eventually(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
