import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { DocAppend } from './port.js';

/** One event row as the writer inserts it; the body is the event's JSON. */
export type EventRow = { seq: number; type: string; subjectId: string | null; commandId: string | null; body: string };

/** Document writes go through the same thread: one durable writer, and no fsync on the main thread. */
export type DocWrite =
  | { op: 'doc-append'; workspaceId: string; docId: string; updates: readonly DocAppend[]; maxBytes: number }
  | { op: 'doc-compact'; workspaceId: string; docId: string; snapshot: Uint8Array; throughSeq: number }
  | { op: 'doc-claim-writers'; workspaceId: string; docId: string; personId: string; clientIds: number[] };
type Request = { id: number } & ({ op: 'events'; workspaceId: string; rows: EventRow[] } | DocWrite);
type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; conflictAt: number | null; message: string };

/*
 * Runs in a worker thread with its own connection. A durable commit (WAL, synchronous=FULL) waits
 * for the disk; better-sqlite3 is synchronous, so on the main thread that wait would stall every
 * socket. Here it stalls only this thread, and commands arriving meanwhile queue into the next
 * batch. Plain JavaScript in a string, so it runs the same under tsx, vitest and the built server.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
db.pragma('secure_delete = ON');
const maxSeq = db.prepare('SELECT MAX(seq) AS seq FROM events WHERE workspace_id = ?');
const insert = db.prepare('INSERT INTO events (workspace_id, seq, type, subject_id, command_id, body) VALUES (?, ?, ?, ?, ?, ?)');
class Conflict extends Error {}
const append = db.transaction((workspaceId, rows) => {
  const last = maxSeq.get(workspaceId).seq ?? 0;
  if (rows[0].seq !== last + 1) throw new Conflict(String(rows[0].seq));
  for (const r of rows) insert.run(workspaceId, r.seq, r.type, r.subjectId, r.commandId, r.body);
});
const blob = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
// Prepared on first use: a database without document tables (an old test file) still takes events.
let docs = null;
const docWrites = () => {
  if (docs) return docs;
  const ensureDoc = db.prepare('INSERT OR IGNORE INTO docs (workspace_id, doc_id) VALUES (?, ?)');
  const docRow = db.prepare('SELECT last_seq, through_seq, bytes FROM docs WHERE workspace_id = ? AND doc_id = ?');
  const knownId = db.prepare('SELECT 1 FROM doc_update_ids WHERE workspace_id = ? AND doc_id = ? AND update_id = ?');
  const claimId = db.prepare('INSERT INTO doc_update_ids (workspace_id, doc_id, update_id) VALUES (?, ?, ?)');
  const insertUpdate = db.prepare('INSERT INTO doc_updates (workspace_id, doc_id, seq, body) VALUES (?, ?, ?, ?)');
  const grow = db.prepare('UPDATE docs SET last_seq = ?, bytes = bytes + ? WHERE workspace_id = ? AND doc_id = ?');
  const dropMerged = db.prepare('DELETE FROM doc_updates WHERE workspace_id = ? AND doc_id = ? AND seq <= ?');
  const keptBytes = db.prepare('SELECT COALESCE(SUM(length(body)), 0) AS bytes FROM doc_updates WHERE workspace_id = ? AND doc_id = ?');
  const setSnapshot = db.prepare('UPDATE docs SET snapshot = ?, through_seq = ?, bytes = ? WHERE workspace_id = ? AND doc_id = ?');
  // A batch of waiting updates in one transaction, so one fsync: each is decided on its own.
  const docAppend = db.transaction(({ workspaceId, docId, updates, maxBytes }) => {
    ensureDoc.run(workspaceId, docId);
    return updates.map(({ updateId, update }) => {
      if (knownId.get(workspaceId, docId, updateId)) return 'duplicate';
      const doc = docRow.get(workspaceId, docId);
      if (doc.bytes + update.byteLength > maxBytes) return 'over_quota';
      claimId.run(workspaceId, docId, updateId);
      insertUpdate.run(workspaceId, docId, doc.last_seq + 1, blob(update));
      grow.run(doc.last_seq + 1, update.byteLength, workspaceId, docId);
      return 'stored';
    });
  });
  const docCompact = db.transaction(({ workspaceId, docId, snapshot, throughSeq }) => {
    const doc = docRow.get(workspaceId, docId);
    if (!doc || doc.through_seq >= throughSeq || throughSeq > doc.last_seq) return null;
    dropMerged.run(workspaceId, docId, throughSeq);
    const kept = keptBytes.get(workspaceId, docId).bytes;
    setSnapshot.run(blob(snapshot), throughSeq, kept + snapshot.byteLength, workspaceId, docId);
    return null;
  });
  // OR IGNORE: the first claim of a client id stays (rule Y18).
  const claimWriter = db.prepare('INSERT OR IGNORE INTO doc_writers (workspace_id, doc_id, client_id, person_id) VALUES (?, ?, ?, ?)');
  const docClaimWriters = db.transaction(({ workspaceId, docId, personId, clientIds }) => {
    for (const clientId of clientIds) claimWriter.run(workspaceId, docId, clientId, personId);
    return null;
  });
  docs = { docAppend, docCompact, docClaimWriters };
  return docs;
};
const run = (request) => {
  if (request.op === 'doc-append') return docWrites().docAppend.immediate(request);
  if (request.op === 'doc-compact') return docWrites().docCompact.immediate(request);
  if (request.op === 'doc-claim-writers') return docWrites().docClaimWriters.immediate(request);
  append.immediate(request.workspaceId, request.rows);
  return null;
};
parentPort.on('message', (request) => {
  try {
    parentPort.postMessage({ id: request.id, ok: true, result: run(request) });
  } catch (error) {
    const conflictAt = error instanceof Conflict ? Number(error.message)
      : request.op === 'events' && String(error && error.code).startsWith('SQLITE_CONSTRAINT') ? request.rows[0].seq : null;
    parentPort.postMessage({ id: request.id, ok: false, conflictAt, message: String(error && error.message) });
  }
});
`;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type AppendWriter = {
  /** Commits the rows in one durable transaction; rejects with `conflict(seq)` when the sequence is taken. */
  append: (workspaceId: string, rows: EventRow[]) => Promise<void>;
  /** One durable document write (a batch of appends is one transaction); answers what the worker's statement returns. */
  docWrite: (write: DocWrite) => Promise<unknown>;
  /** Null while the writer can write; else why it cannot (it gave up restarting its thread). */
  failure: () => Error | null;
  /** The current thread, for diagnostics and the fault tests that kill it. */
  thread: () => Worker;
  close: () => Promise<void>;
};

export type WriterOptions = {
  /** Called once when the thread died more often than it may be restarted: the process cannot write. */
  onFatal?: (error: Error) => void;
  log?: (message: string, error?: unknown) => void;
};

/** A thread that dies is started again; more deaths than this within the window mean something is broken for good. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

export type WriterErrors = { conflict: (seq: number) => Error };

export function startAppendWriter(file: string, errors: WriterErrors, options: WriterOptions = {}): AppendWriter {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | null = null;
  let closing = false;
  const restarts: number[] = [];

  const spawn = (): Worker => {
    const thread = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
    thread.on('message', (reply: Reply) => {
      const waiter = pending.get(reply.id);
      pending.delete(reply.id);
      settle();
      if (!waiter) return;
      if (reply.ok) waiter.resolve(reply.result);
      else waiter.reject(reply.conflictAt === null ? new Error(reply.message) : errors.conflict(reply.conflictAt));
    });
    thread.on('error', (error) => options.log?.('the event writer thread failed', error));
    thread.once('exit', (code) => died(thread, code));
    thread.unref();
    return thread;
  };

  // Referenced only while a commit is in flight: an idle writer must not keep the process alive,
  // a busy one must (nothing else may be waiting on the event loop, e.g. during seeding).
  const settle = () => {
    if (pending.size === 0) worker.unref();
  };

  /*
   * A commit in flight when the thread died is either on disk or rolled back; its senders get an
   * error and the engine re-reads the log, so a retry with the same command id settles it (rule S4).
   * A server that answers but cannot write is worse than none: past the restart budget, give up loudly.
   */
  const died = (thread: Worker, code: number) => {
    if (closing || thread !== worker) return;
    const error = new Error(`the event writer stopped (exit code ${code})`);
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
    const now = Date.now();
    restarts.push(now);
    while (restarts.length > 0 && (restarts[0] ?? now) < now - RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length > MAX_RESTARTS) {
      failure = error;
      options.onFatal?.(error);
      return;
    }
    options.log?.('the event writer stopped; starting it again', error);
    worker = spawn();
  };

  let worker = spawn();

  const send = (work: DistributiveOmit<Request, 'id'>) =>
    new Promise<unknown>((resolve, reject) => {
      if (failure) return reject(failure);
      nextId += 1;
      if (pending.size === 0) worker.ref();
      pending.set(nextId, { resolve, reject });
      const request: Request = { id: nextId, ...work };
      worker.postMessage(request);
    });

  return {
    append: async (workspaceId, rows) => {
      await send({ op: 'events', workspaceId, rows });
    },
    docWrite: (write) => send(write),
    failure: () => failure,
    thread: () => worker,
    close: async () => {
      closing = true;
      await worker.terminate();
    },
  };
}
