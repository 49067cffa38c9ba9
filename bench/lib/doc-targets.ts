import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { DocProvider, type DocClientSocket } from '../../shared/src/doc-provider.js';
import { docIdOf, type DocClientToServerEvents } from '../../shared/src/docs.js';
import { openSqliteStorage } from '../../server/src/storage/sqlite-storage.js';
import { connectSocket, type VerbundSocket } from './clients.js';
import { freePort, spawnNode, spawnServer, type ServerProcess } from './proc.js';
import { DB_FILE, seedBenchData, type Seeded } from './seed.js';
import { LOAD_ENV } from './targets.js';

/** A connection that can open documents: a socket.io socket (Verbund) or a Hocuspocus websocket. */
export type DocConnection = {
  /** Opens document `n` of the target and resolves once it is synced. */
  open: (n: number) => Promise<DocPeer>;
  close: () => void;
};

/** One open document at one client. */
export type DocPeer = {
  doc: Y.Doc;
  /** Called with the times of the local changes one server acknowledgement covers. */
  onAck: (listener: (changedAt: number[]) => void) => void;
  close: () => void;
};

export type DocTarget = {
  name: 'verbund' | 'hocuspocus';
  server: ServerProcess;
  connect: (i: number) => Promise<DocConnection>;
  /** Bytes the store holds for document `n` (stop the server first, so everything is flushed). */
  storedBytes: (n: number) => number;
  close: () => Promise<void>;
};

/**
 * Local change times waiting for their acknowledgement, oldest first. A change made while an
 * earlier one is on its way is sent with the next message (Verbund's provider merges them).
 */
class AckClock {
  private readonly waiting: number[] = [];
  private readonly listeners: ((changedAt: number[]) => void)[] = [];

  changed(at: number): void {
    this.waiting.push(at);
  }

  acknowledged(count: number): void {
    const covered = this.waiting.splice(0, count);
    for (const listener of this.listeners) listener(covered);
  }

  get length(): number {
    return this.waiting.length;
  }

  listen(listener: (changedAt: number[]) => void): void {
    this.listeners.push(listener);
  }
}

/**
 * Counts local changes on `afterTransaction`, which Yjs emits before `update`: a provider sends on
 * `update`, so the change is counted before the send that carries it (counted on `update` after the
 * provider's own listener, each acknowledgement was credited to the keystroke after it).
 */
const trackLocal = (doc: Y.Doc, clock: AckClock, isRemote: (origin: unknown) => boolean) =>
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    const inserted = [...transaction.afterState].some(([client, clockAfter]) => clockAfter !== transaction.beforeState.get(client));
    if (!isRemote(transaction.origin) && (inserted || transaction.deleteSet.clients.size > 0)) clock.changed(performance.now());
  });

export type VerbundDocOptions = { accounts: number; documents: number; env?: Record<string, string>; prepare?: (seeded: Seeded) => Promise<void> };

/** The Verbund server (built) with `documents` draft positions whose texts are the documents. */
export async function startVerbundDocs(options: VerbundDocOptions): Promise<DocTarget & { seeded: Seeded; restart: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'verbund-bench-docs-'));
  const seeded = await seedBenchData(dataDir, { accounts: options.accounts, positions: options.documents });
  await options.prepare?.(seeded);
  const spawn = () => spawnServer({ mode: 'dist', env: { DATA_DIR: dataDir, ...LOAD_ENV, ...options.env } });
  const docId = (n: number) => docIdOf('position', seeded.positionIds[n] ?? '');
  const target = {
    name: 'verbund' as const,
    server: await spawn(),
    seeded,
    restart: async () => {
      await target.server.stop();
      target.server = await spawn();
    },
    connect: async (i: number): Promise<DocConnection> => {
      const socket = await connectSocket(target.server.url, seeded.cookies[i % seeded.cookies.length] ?? '', seeded.workspaceId);
      return { open: (n) => openVerbundDoc(socket, docId(n)), close: () => socket.disconnect() };
    },
    storedBytes: (n: number) => storedVerbundBytes(dataDir, seeded.workspaceId, docId(n)),
    close: async () => {
      await target.server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return target;
}

export type DocUpdateRequest = Parameters<DocClientToServerEvents['doc:update']>[0];

/**
 * A provider's socket with every doc:update seen on its way out: `onSend` is told of the request
 * and returns what to call when its acknowledgement comes back (never, if the connection drops first).
 */
export function watchDocUpdates(inner: DocClientSocket, onSend: (request: DocUpdateRequest) => () => void): DocClientSocket {
  return {
    get connected() {
      return inner.connected;
    },
    on: inner.on.bind(inner),
    off: inner.off.bind(inner),
    emit: <E extends keyof DocClientToServerEvents>(event: E, ...args: Parameters<DocClientToServerEvents[E]>) => {
      if (event !== 'doc:update') return inner.emit(event, ...args);
      const [request, ack] = args as Parameters<DocClientToServerEvents['doc:update']>;
      const acknowledged = onSend(request);
      return inner.emit('doc:update', request, (answer) => {
        acknowledged();
        ack(answer);
      });
    },
  };
}

async function openVerbundDoc(socket: VerbundSocket, docId: string): Promise<DocPeer> {
  const clock = new AckClock();
  const watched = watchDocUpdates(socket, () => {
    const covered = clock.length;
    return () => clock.acknowledged(covered);
  });
  const provider = new DocProvider(watched, docId);
  trackLocal(provider.doc, clock, (origin) => origin === provider);
  await provider.settled();
  return { doc: provider.doc, onAck: (listener) => clock.listen(listener), close: () => provider.destroy() };
}

function storedVerbundBytes(dataDir: string, workspaceId: string, docId: string): number {
  return Number(readOne(join(dataDir, DB_FILE), 'SELECT bytes FROM docs WHERE workspace_id = ? AND doc_id = ?', workspaceId, docId) ?? 0);
}

type BenchDb = {
  prepare: (sql: string) => { pluck: () => { get: (...params: unknown[]) => unknown }; run: (...params: unknown[]) => unknown };
  close: () => void;
};

/** Opens a SQLite file with the server's better-sqlite3 for one bench step. */
function withDb<T>(file: string, readonly: boolean, use: (db: BenchDb) => T): T {
  const require = createRequire(new URL('../../server/package.json', import.meta.url));
  const Sqlite = require('better-sqlite3') as new (file: string, options: { readonly: boolean }) => BenchDb;
  const db = new Sqlite(file, { readonly });
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** One value from a SQLite file, read while no server writes it (or beside one: WAL lets a reader in). */
export const readOne = (file: string, sql: string, ...params: unknown[]): unknown => withDb(file, true, (db) => db.prepare(sql).pluck().get(...params));

/** @hocuspocus/server 3.x (bench/hocuspocus-server.ts) on its own SQLite file. */
export async function startHocuspocus(): Promise<DocTarget & { store: (n: number, state: Uint8Array) => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'verbund-bench-hocuspocus-'));
  const file = join(dir, 'hocuspocus.sqlite');
  const port = await freePort();
  const server = await spawnNode(['--expose-gc', '--import', 'tsx', 'bench/hocuspocus-server.ts'], { mode: 'source', env: { HOCUSPOCUS_DB: file }, port }, /hocuspocus listening/);
  return {
    name: 'hocuspocus',
    server,
    connect: async () => {
      // Open before any document is attached, like a Verbund socket before its first doc:open. Its
      // `connect` event (and `connect()`) waits for the first message, which comes only once a
      // document is attached: the socket's `open` is the moment to wait for.
      const websocket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}`, WebSocketPolyfill: WebSocket });
      await new Promise<void>((resolve) => websocket.on('open', () => resolve()));
      return { open: (n) => openHocuspocusDoc(websocket, documentName(n)), close: () => websocket.destroy() };
    },
    storedBytes: (n) => Number(readOne(file, 'SELECT length(data) FROM documents WHERE name = ?', documentName(n)) ?? 0),
    /** Stores a state as Hocuspocus would have after typing it; for a document not loaded yet. */
    store: (n, state) => withDb(file, false, (db) => db.prepare('INSERT INTO documents (name, data) VALUES (?, ?)').run(documentName(n), state)),
    close: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const documentName = (n: number) => `bench-document-${n}`;

async function openHocuspocusDoc(websocketProvider: HocuspocusProviderWebsocket, name: string): Promise<DocPeer> {
  const clock = new AckClock();
  const doc = new Y.Doc();
  let unsynced = 0;
  const provider = new HocuspocusProvider({
    websocketProvider,
    name,
    document: doc,
    // Hocuspocus counts each sent update until the server answers with a sync status for it.
    onUnsyncedChanges: ({ number }) => {
      if (number < unsynced) clock.acknowledged(unsynced - number);
      unsynced = number;
    },
  });
  provider.attach();
  trackLocal(doc, clock, (origin) => origin === provider);
  await new Promise<void>((resolve) => (provider.isSynced ? resolve() : provider.on('synced', () => resolve())));
  return { doc, onAck: (listener) => clock.listen(listener), close: () => provider.destroy() };
}

/** Writes `updates` as the stored history of Verbund document `docId`, one stored update each, as typing would have. */
export async function storeVerbundHistory(seeded: Seeded, docId: string, updates: Uint8Array[]): Promise<void> {
  const storage = openSqliteStorage(join(seeded.dataDir, DB_FILE));
  try {
    let n = 0;
    for (const update of updates) await storage.appendDocUpdates(seeded.workspaceId, docId, [{ updateId: `00000000-0000-4000-8000-${String(n++).padStart(12, '0')}`, update }], 64 * 1024 * 1024);
  } finally {
    await storage.close();
  }
}
