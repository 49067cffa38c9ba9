import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { DocProvider, type DocClientSocket } from '../../shared/src/doc-provider.js';
import { docIdOf, type DocClientToServerEvents, type DocUpdated } from '../../shared/src/docs.js';
import type { Ack } from '../../shared/src/protocol.js';
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
  /** Answers that were not an acknowledgement, by error code (a rate limit, a refusal); Verbund only. */
  refusals: Map<string, number>;
  close: () => void;
};

export type DocTarget = {
  name: 'verbund' | 'hocuspocus';
  server: ServerProcess;
  connect: (i: number) => Promise<DocConnection>;
  /** Bytes the store holds for document `n` (stop the server first, so everything is flushed). */
  storedBytes: (n: number) => number;
  /**
   * Bytes of the SQLite pages of every table and index holding documents (SQLite's `dbstat`): what
   * the disk holds, with keys, ids and page slack; the bench stores one document per target.
   */
  diskBytes: () => number;
  close: () => Promise<void>;
};

/**
 * Local change times waiting for their acknowledgement, oldest first. A change made while an
 * earlier one is on its way is sent with the next message (Verbund's provider merges them). It must
 * hear of a change before the provider sends it (see `trackLocal`), or the change is counted under
 * the next message's acknowledgement: one keystroke interval too late.
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
export async function startVerbundDocs(
  options: VerbundDocOptions,
): Promise<DocTarget & { seeded: Seeded; restart: () => Promise<void>; compactedThrough: (n: number) => number }> {
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
    storedBytes: (n: number) => Number(readOne(join(dataDir, DB_FILE), 'SELECT bytes FROM docs WHERE workspace_id = ? AND doc_id = ?', seeded.workspaceId, docId(n)) ?? 0),
    diskBytes: () => tableBytes(join(dataDir, DB_FILE), ['docs', 'doc_updates', 'doc_update_ids']),
    /** The last stored update the snapshot covers: 0 before the first compaction. */
    compactedThrough: (n: number) => Number(readOne(join(dataDir, DB_FILE), 'SELECT through_seq FROM docs WHERE workspace_id = ? AND doc_id = ?', seeded.workspaceId, docId(n)) ?? 0),
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
 * and returns what to call with the answer when it comes back (never, if the connection drops first).
 */
export function watchDocUpdates(inner: DocClientSocket, onSend: (request: DocUpdateRequest) => (answer: Ack<DocUpdated>) => void): DocClientSocket {
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
        acknowledged(answer);
        ack(answer);
      });
    },
  };
}

async function openVerbundDoc(socket: VerbundSocket, docId: string): Promise<DocPeer> {
  const clock = new AckClock();
  const refusals = new Map<string, number>();
  const watched = watchDocUpdates(socket, () => {
    const covered = clock.length;
    // Only an ok answer acknowledges; a rate-limited update is sent again later, under its id (Y13).
    return (answer) => (answer.ok ? clock.acknowledged(covered) : refusals.set(answer.error.code, (refusals.get(answer.error.code) ?? 0) + 1));
  });
  const doc = new Y.Doc();
  let provider: DocProvider | null = null;
  trackLocal(doc, clock, (origin) => origin === provider);
  provider = new DocProvider(watched, docId, doc);
  await provider.settled();
  const opened = provider;
  return { doc, onAck: (listener) => clock.listen(listener), refusals, close: () => opened.destroy() };
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

/** Bytes of the pages that the named tables and their indexes take in a SQLite file. */
function tableBytes(file: string, tables: string[]): number {
  const names = tables.map(() => '?').join(', ');
  return Number(readOne(file, `SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name IN (${names}) OR name IN (SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN (${names}))`, ...tables, ...tables));
}

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
    diskBytes: () => tableBytes(file, ['documents']),
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
  let provider: HocuspocusProvider | null = null;
  trackLocal(doc, clock, (origin) => origin === provider);
  provider = new HocuspocusProvider({
    websocketProvider,
    name,
    document: doc,
    // Hocuspocus counts each sent update until the server answers with a sync status for it.
    onUnsyncedChanges: ({ number }) => {
      if (number < unsynced) clock.acknowledged(unsynced - number);
      unsynced = number;
    },
  });
  const attached = provider;
  attached.attach();
  await new Promise<void>((resolve) => (attached.isSynced ? resolve() : attached.on('synced', () => resolve())));
  return { doc, onAck: (listener) => clock.listen(listener), refusals: new Map(), close: () => attached.destroy() };
}

/** Writes `updates` as the stored history of Verbund document `docId`, one stored update each, as typing would have. */
export async function storeVerbundHistory(seeded: Seeded, docId: string, updates: Uint8Array[]): Promise<void> {
  const storage = openSqliteStorage(join(seeded.dataDir, DB_FILE));
  try {
    // Stored rows as typing leaves them, one per update; committed 1,000 at a time (as group commit would
    // under load), so setting up the history does not take 50,000 fsyncs.
    const rows = updates.map((update, n) => ({ updateId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, update }));
    for (let i = 0; i < rows.length; i += 1_000) await storage.appendDocUpdates(seeded.workspaceId, docId, rows.slice(i, i + 1_000), 64 * 1024 * 1024);
  } finally {
    await storage.close();
  }
}
