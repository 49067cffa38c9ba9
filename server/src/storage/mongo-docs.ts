import { setTimeout as sleep } from 'node:timers/promises';
import mongoose, { Schema, type ClientSession, type Connection, type Types } from 'mongoose';
import type { DocAppendOutcome, DocPart, Storage } from './port.js';

/*
 * The document part of the mongoose adapter (rules Y4, Y11, Y12). On a replica set each write is one
 * transaction. On a standalone server the unique indexes still keep an update id stored once, a
 * failed append is undone again, and a reader skips updates at or below the snapshot's `throughSeq`,
 * so a compaction caught halfway never shows an update twice. There an update id is claimed `pending`
 * until its update is stored: a racing retry waits for the outcome instead of answering `duplicate`
 * for an update that is not stored yet, or never will be (over quota). A writer that dies between the
 * claim and the store leaves its id pending, and retries of that update fail until an operator removes
 * the claim (`doc_update_ids`, `pending: true`); a replica set has no such state.
 */

type DocHead = { _id: string; workspaceId: string; docId: string; snapshot: unknown; throughSeq: number; lastSeq: number; bytes: number };
type DocUpdateDoc = { _id: Types.ObjectId; workspaceId: string; docId: string; seq: number; size: number; body: unknown };
type DocUpdateIdDoc = { _id: string; pending?: boolean };
type DocWriterDoc = { _id: string; workspaceId: string; docId: string; clientId: number; personId: string };

const options = { versionKey: false, minimize: false, autoCreate: false, autoIndex: false } as const;
const DUPLICATE_KEY = 11000;
/** How long a racing retry waits for the first attempt of its update id to be stored or refused. */
const PENDING_WAIT_MS = 10_000;
const PENDING_POLL_MS = 5;

const headKey = (workspaceId: string, docId: string) => `${workspaceId}/${docId}`;
/** Lean reads hand binary back as BSON `Binary`; the port speaks plain Uint8Array. */
function bytesOf(value: unknown): Uint8Array {
  if (value instanceof mongoose.mongo.Binary) return new Uint8Array(value.buffer);
  if (value instanceof Uint8Array) return new Uint8Array(value);
  throw new Error('a stored document part is not binary');
}
const isDuplicate = (error: unknown) => typeof error === 'object' && error !== null && 'code' in error && error.code === DUPLICATE_KEY;

export function defineDocModels(conn: Connection) {
  const head = new Schema<DocHead>(
    {
      _id: { type: String, required: true },
      workspaceId: { type: String, required: true },
      docId: { type: String, required: true },
      snapshot: { type: Buffer, default: null },
      throughSeq: { type: Number, required: true, default: 0 },
      lastSeq: { type: Number, required: true, default: 0 },
      bytes: { type: Number, required: true, default: 0 },
    },
    { ...options, collection: 'docs' },
  );
  const update = new Schema<DocUpdateDoc>(
    {
      workspaceId: { type: String, required: true },
      docId: { type: String, required: true },
      seq: { type: Number, required: true },
      size: { type: Number, required: true },
      body: { type: Buffer, required: true },
    },
    { ...options, collection: 'doc_updates' },
  );
  update.index({ workspaceId: 1, docId: 1, seq: 1 }, { unique: true });
  // Outlives compaction, so a retried update is still recognised after its row was merged.
  const updateId = new Schema<DocUpdateIdDoc>({ _id: { type: String, required: true }, pending: { type: Boolean } }, { ...options, collection: 'doc_update_ids' });
  // Rule Y18: one row per (document, client id), keyed so that the first claim stays.
  const writer = new Schema<DocWriterDoc>(
    {
      _id: { type: String, required: true },
      workspaceId: { type: String, required: true },
      docId: { type: String, required: true },
      clientId: { type: Number, required: true },
      personId: { type: String, required: true },
    },
    { ...options, collection: 'doc_writers' },
  );
  writer.index({ workspaceId: 1, docId: 1 });
  return {
    DocHead: conn.model<DocHead>('DocHead', head),
    DocUpdate: conn.model<DocUpdateDoc>('DocUpdate', update),
    DocUpdateId: conn.model<DocUpdateIdDoc>('DocUpdateId', updateId),
    DocWriter: conn.model<DocWriterDoc>('DocWriter', writer),
  };
}

type DocModels = ReturnType<typeof defineDocModels>;

/** Thrown inside an append to roll its transaction back; answered as `over_quota`. */
class OverQuota extends Error {}

export function mongoDocs(conn: Connection, m: DocModels, transactions: boolean): Pick<Storage, DocPart> {
  const { DocHead, DocUpdate, DocUpdateId, DocWriter } = m;
  const inTransaction = <T>(work: (session: ClientSession | undefined) => Promise<T>): Promise<T> =>
    transactions ? conn.transaction((session) => work(session)) : work(undefined);

  /** Without a transaction: waits until the claim of `idKey` is stored (true) or given up (false). */
  const settled = async (idKey: string): Promise<boolean> => {
    const deadline = Date.now() + PENDING_WAIT_MS;
    for (;;) {
      const claim = await DocUpdateId.findById(idKey).lean<DocUpdateIdDoc>();
      if (!claim) return false;
      if (claim.pending !== true) return true;
      if (Date.now() > deadline) throw new Error(`the document update ${idKey} is still pending after ${PENDING_WAIT_MS} ms`);
      await sleep(PENDING_POLL_MS);
    }
  };

  const append = async (workspaceId: string, docId: string, updateId: string, bytes: Uint8Array, maxBytes: number, session: ClientSession | undefined): Promise<DocAppendOutcome> => {
    const _id = headKey(workspaceId, docId);
    try {
      await DocHead.updateOne({ _id }, { $setOnInsert: { workspaceId, docId, snapshot: null, throughSeq: 0, lastSeq: 0, bytes: 0 } }, { upsert: true, session });
    } catch (error) {
      // Two first writes racing: the other upsert created the head (MongoDB retries such an upsert itself, FerretDB does not).
      if (session || !isDuplicate(error)) throw error;
    }
    const idKey = `${_id}/${updateId}`;
    try {
      await DocUpdateId.create([session ? { _id: idKey } : { _id: idKey, pending: true }], { session });
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      // In a transaction the claim seen is committed; otherwise it may still be on its way, or be undone.
      if (session || (await settled(idKey))) return 'duplicate' as const;
      return append(workspaceId, docId, updateId, bytes, maxBytes, session);
    }
    const undoId = async () => {
      if (!session) await DocUpdateId.deleteOne({ _id: idKey });
    };
    const claimed = await DocHead.findOneAndUpdate(
      { _id, bytes: { $lte: maxBytes - bytes.byteLength } },
      { $inc: { lastSeq: 1, bytes: bytes.byteLength } },
      { returnDocument: 'after', session },
    ).lean<DocHead>();
    if (!claimed) {
      await undoId();
      throw new OverQuota();
    }
    try {
      await DocUpdate.create([{ workspaceId, docId, seq: claimed.lastSeq, size: bytes.byteLength, body: Buffer.from(bytes) }], { session });
    } catch (error) {
      if (!session) {
        await DocHead.updateOne({ _id }, { $inc: { bytes: -bytes.byteLength } });
        await undoId();
      }
      throw error;
    }
    if (!session) await DocUpdateId.updateOne({ _id: idKey }, { $unset: { pending: 1 } });
    return 'stored' as const;
  };

  const compact = async (workspaceId: string, docId: string, snapshot: Uint8Array, throughSeq: number, session: ClientSession | undefined) => {
    const _id = headKey(workspaceId, docId);
    const current = await DocHead.findById(_id, null, { session }).lean<DocHead>();
    if (!current || current.throughSeq >= throughSeq || throughSeq > current.lastSeq) return;
    const moved = await DocHead.updateOne({ _id, throughSeq: current.throughSeq }, { $set: { snapshot: Buffer.from(snapshot), throughSeq } }, { session });
    if (moved.modifiedCount === 0) return;
    await DocUpdate.deleteMany({ workspaceId, docId, seq: { $lte: throughSeq } }, { session });
    const [kept] = await DocUpdate.aggregate<{ bytes: number }>([{ $match: { workspaceId, docId } }, { $group: { _id: null, bytes: { $sum: '$size' } } }]).session(session ?? null);
    await DocHead.updateOne({ _id }, { $set: { bytes: (kept?.bytes ?? 0) + snapshot.byteLength } }, { session });
  };

  return {
    // One transaction per update: a refused one must roll back its claimed id, which a shared transaction cannot.
    appendDocUpdates: async (workspaceId, docId, batch, maxBytes) => {
      const outcomes: DocAppendOutcome[] = [];
      for (const { updateId, update } of batch) {
        outcomes.push(
          await inTransaction((session) => append(workspaceId, docId, updateId, update, maxBytes, session)).catch((error: unknown) => {
            if (error instanceof OverQuota) return 'over_quota' as const;
            throw error;
          }),
        );
      }
      return outcomes;
    },
    readDoc: async (workspaceId, docId) => {
      const doc = await DocHead.findById(headKey(workspaceId, docId)).lean<DocHead>();
      if (!doc) return null;
      const rows = await DocUpdate.find({ workspaceId, docId, seq: { $gt: doc.throughSeq } }).sort({ seq: 1 }).lean<DocUpdateDoc[]>();
      return {
        snapshot: doc.snapshot === null || doc.snapshot === undefined ? null : bytesOf(doc.snapshot),
        updates: rows.map((r) => ({ seq: r.seq, update: bytesOf(r.body) })),
        bytes: doc.bytes,
      };
    },
    compactDoc: (workspaceId, docId, snapshot, throughSeq) => inTransaction((session) => compact(workspaceId, docId, snapshot, throughSeq, session)),
    claimDocWriters: async (workspaceId, docId, personId, clientIds) => {
      if (clientIds.length === 0) return;
      // An upsert that only sets on insert: a claimed id keeps its person, and racing claims cannot both win.
      const claims = clientIds.map((clientId) => ({
        updateOne: { filter: { _id: `${headKey(workspaceId, docId)}/${clientId}` }, update: { $setOnInsert: { workspaceId, docId, clientId, personId } }, upsert: true },
      }));
      try {
        await DocWriter.bulkWrite(claims, { ordered: false });
      } catch (error) {
        // Two upserts racing for one id: the other was first, and first claims stay.
        if (!isDuplicate(error)) throw error;
      }
    },
    readDocWriters: async (workspaceId, docId) => {
      const rows = await DocWriter.find({ workspaceId, docId }).lean<DocWriterDoc[]>();
      return rows.map((r) => ({ clientId: r.clientId, personId: r.personId }));
    },
  };
}
