import type Database from 'better-sqlite3';
import type { AppendWriter } from './sqlite-append-worker.js';
import type { DocAppendOutcome, DocPart, Storage } from './port.js';

/** Migration 5: collaborative documents (rules Y4, Y11, Y12). `bytes` is kept so the quota check reads one row. */
export const DOC_TABLES = `CREATE TABLE docs (
     workspace_id TEXT NOT NULL,
     doc_id TEXT NOT NULL,
     snapshot BLOB,
     through_seq INTEGER NOT NULL DEFAULT 0,
     last_seq INTEGER NOT NULL DEFAULT 0,
     bytes INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (workspace_id, doc_id)
   ) WITHOUT ROWID;
   CREATE TABLE doc_updates (
     workspace_id TEXT NOT NULL,
     doc_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     body BLOB NOT NULL,
     PRIMARY KEY (workspace_id, doc_id, seq)
   ) WITHOUT ROWID;
   -- Outlives compaction, so a retried update is still recognised after its row was merged.
   CREATE TABLE doc_update_ids (
     workspace_id TEXT NOT NULL,
     doc_id TEXT NOT NULL,
     update_id TEXT NOT NULL,
     PRIMARY KEY (workspace_id, doc_id, update_id)
   ) WITHOUT ROWID;`;

/** Migration 6: who wrote under which Yjs client id (rule Y18); the first claim stays. */
export const DOC_WRITERS_TABLE = `CREATE TABLE doc_writers (
     workspace_id TEXT NOT NULL,
     doc_id TEXT NOT NULL,
     client_id INTEGER NOT NULL,
     person_id TEXT NOT NULL,
     PRIMARY KEY (workspace_id, doc_id, client_id)
   ) WITHOUT ROWID;`;

type DocRow = { snapshot: Buffer | null; bytes: number };
type UpdateRow = { seq: number; body: Buffer };
type WriterRow = { client_id: number; person_id: string };

/**
 * A plain Uint8Array (not a Buffer), so both adapters hand back the same type: a view over the bytes
 * better-sqlite3 read, not a copy of them (a history of 50,000 rows is 50,000 small blobs).
 */
const plain = (bytes: Uint8Array): Uint8Array => new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The document part of the SQLite adapter: reads here, durable writes on the writer thread. */
export function sqliteDocs(db: Database.Database, writer: AppendWriter): Pick<Storage, DocPart> {
  const docRow = db.prepare<[string, string], DocRow>('SELECT snapshot, bytes FROM docs WHERE workspace_id = ? AND doc_id = ?');
  const updates = db.prepare<[string, string], UpdateRow>('SELECT seq, body FROM doc_updates WHERE workspace_id = ? AND doc_id = ? ORDER BY seq');
  const writers = db.prepare<[string, string], WriterRow>('SELECT client_id, person_id FROM doc_writers WHERE workspace_id = ? AND doc_id = ?');
  // One read transaction: a compaction committing between the two reads would otherwise lose updates.
  const read = db.transaction((workspaceId: string, docId: string) => {
    const doc = docRow.get(workspaceId, docId);
    if (!doc) return null;
    const rows = updates.all(workspaceId, docId);
    return { snapshot: doc.snapshot ? plain(doc.snapshot) : null, updates: rows.map((r) => ({ seq: r.seq, update: plain(r.body) })), bytes: doc.bytes };
  });
  return {
    appendDocUpdates: async (workspaceId, docId, batch, maxBytes) =>
      batch.length === 0 ? [] : ((await writer.docWrite({ op: 'doc-append', workspaceId, docId, updates: batch, maxBytes })) as DocAppendOutcome[]),
    // A turn of its own: a long history takes a while to read, and what awaits a read begun earlier
    // (a document opened just before, whose answer is ready) goes out first instead of waiting for it.
    readDoc: (workspaceId, docId) =>
      new Promise((resolve, reject) =>
        setImmediate(() => {
          try {
            resolve(read(workspaceId, docId));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        }),
      ),
    compactDoc: async (workspaceId, docId, snapshot, throughSeq) => {
      await writer.docWrite({ op: 'doc-compact', workspaceId, docId, snapshot, throughSeq });
    },
    claimDocWriters: async (workspaceId, docId, personId, clientIds) => {
      if (clientIds.length > 0) await writer.docWrite({ op: 'doc-claim-writers', workspaceId, docId, personId, clientIds: [...clientIds] });
    },
    readDocWriters: (workspaceId, docId) =>
      new Promise((resolve) => resolve(writers.all(workspaceId, docId).map((r) => ({ clientId: r.client_id, personId: r.person_id })))),
  };
}
