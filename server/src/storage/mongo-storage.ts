import mongoose, { Schema, Types, type ClientSession, type Connection } from 'mongoose';
import { EVENT_TYPES, eventSubjectId, type EventType, type StoredEvent } from '@verbund/shared/events';
import type { WorkspaceState } from '@verbund/shared/projection';
import { defineDocModels, mongoDocs } from './mongo-docs.js';
import {
  SECURITY_EVENT_KINDS,
  SequenceConflictError,
  type Account,
  type DocPart,
  type SecurityEvent,
  type SecurityEventKind,
  type Session,
  type Snapshot,
  type Storage,
} from './port.js';

// ---- Documents as they are stored, and the pure mapping to and from the port's types ----

export type EventDoc = {
  _id: Types.ObjectId;
  v: number;
  workspaceId: string;
  seq: number;
  type: EventType;
  /** Denormalised from the payload (`eventSubjectId`) so a card's history is one indexed query. */
  subjectId: string | null;
  actorId: string;
  partnerId: string | null;
  at: string;
  commandId: string | null;
  prevHash: string;
  hash: string;
  data: unknown;
};
export type SnapshotDoc = { _id: string; v: number; seq: number; hash: string; mac: string; slices?: Record<string, number>; state: unknown };
export type AccountDoc = {
  _id: string;
  email: string;
  emailKey: string;
  name: string;
  passwordHash: string;
  createdAt: string;
  erasedAt: string | null;
  /** Set when erasure everywhere was asked for; pending while `erasedAt` is still null. */
  erasureRequestedAt?: string | null;
};
export type SessionDoc = { _id: string; accountId: string; createdAt: string; expiresAt: Date; lastSeenAt?: string };
export type SecurityEventDoc = { _id: string; accountId: string | null; kind: SecurityEventKind; address: string | null; at: string };

/**
 * Payloads are stored as their JSON form, the same bytes SQLite keeps: an `undefined` field is dropped
 * instead of becoming BSON null, which would change the event's hash and fail its schema on the way back.
 */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

export function toEventDoc(event: StoredEvent, _id: Types.ObjectId): EventDoc {
  const { v, workspaceId, seq, type, actorId, partnerId, at, commandId, prevHash, hash, data } = event;
  return { _id, v, workspaceId, seq, type, subjectId: eventSubjectId(event), actorId, partnerId, at, commandId, prevHash, hash, data: asJson(data) };
}

export function fromEventDoc(doc: EventDoc): StoredEvent {
  const { type, data, v, workspaceId, seq, actorId, partnerId, at, commandId, prevHash, hash } = doc;
  return { type, data, v, workspaceId, seq, actorId, partnerId, at, commandId, prevHash, hash } as StoredEvent;
}

export const toSnapshotDoc = (workspaceId: string, s: Snapshot): SnapshotDoc => ({
  _id: workspaceId,
  v: s.v,
  seq: s.seq,
  hash: s.hash,
  mac: s.mac,
  ...(s.slices ? { slices: s.slices } : {}),
  state: asJson(s.state),
});
export const fromSnapshotDoc = (d: SnapshotDoc): Snapshot => ({
  v: d.v,
  seq: d.seq,
  hash: d.hash,
  mac: d.mac,
  ...(d.slices ? { slices: d.slices } : {}),
  state: d.state as WorkspaceState,
});

/** The address is kept as typed; uniqueness and look-up go through the lower-cased key. */
export const emailKey = (email: string): string => email.toLowerCase();
export const toAccountDoc = (a: Account): AccountDoc => ({
  _id: a.id,
  email: a.email,
  emailKey: emailKey(a.email),
  name: a.name,
  passwordHash: a.passwordHash,
  createdAt: a.createdAt,
  erasedAt: a.erasedAt,
});
/** Accounts stored before erasure existed have no `erasedAt`; they are not erased. */
export const fromAccountDoc = (d: AccountDoc): Account => ({
  id: d._id,
  email: d.email,
  name: d.name,
  passwordHash: d.passwordHash,
  createdAt: d.createdAt,
  erasedAt: d.erasedAt ?? null,
});

/** The placeholder email of an erased account: unique per account, and no address anyone can own. */
export const erasedEmail = (accountId: string): string => `erased-${accountId}@invalid`;
/** The `$set` that blanks an account for erasure; the id and createdAt stay. */
export function erasureUpdate(accountId: string, erasedAt: string): Omit<AccountDoc, '_id' | 'createdAt'> {
  const email = erasedEmail(accountId);
  return { name: '', email, emailKey: emailKey(email), passwordHash: '', erasedAt };
}

export const toSecurityEventDoc = (e: SecurityEvent): SecurityEventDoc => ({
  _id: e.id,
  accountId: e.accountId,
  kind: e.kind,
  address: e.address,
  at: e.at,
});
export const fromSecurityEventDoc = (d: SecurityEventDoc): SecurityEvent => ({
  id: d._id,
  accountId: d.accountId,
  kind: d.kind,
  address: d.address,
  at: d.at,
});

/** `expiresAt` is a BSON date so the TTL index can remove expired sessions; it comes back as ISO text. */
export const toSessionDoc = (s: Session): SessionDoc => ({
  _id: s.tokenHash,
  accountId: s.accountId,
  createdAt: s.createdAt,
  expiresAt: new Date(s.expiresAt),
  lastSeenAt: s.lastSeenAt,
});
export const fromSessionDoc = (d: SessionDoc): Session => ({
  tokenHash: d._id,
  accountId: d.accountId,
  createdAt: d.createdAt,
  expiresAt: d.expiresAt.toISOString(),
  // Sessions stored before the idle timeout existed were last seen when they began.
  lastSeenAt: d.lastSeenAt ?? d.createdAt,
});

/** The batch itself must be one workspace's consecutive run; whether it continues the log is asked of the database. */
export function checkBatch(workspaceId: string, events: readonly StoredEvent[]): void {
  const firstSeq = events[0]?.seq ?? 0;
  events.forEach((e, i) => {
    if (e.workspaceId !== workspaceId || e.seq !== firstSeq + i) throw new SequenceConflictError(workspaceId, e.seq);
  });
}

const DUPLICATE_KEY = 11000;
const WRITE_CONFLICT = 112;

const errorCode = (error: unknown): unknown =>
  typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;

/** A duplicate (workspaceId, seq) or a write conflict with a concurrent transaction: another writer was first. */
export function isSequenceRace(error: unknown): boolean {
  const code = errorCode(error);
  if (code === DUPLICATE_KEY || code === WRITE_CONFLICT) return true;
  const writeErrors = typeof error === 'object' && error !== null && 'writeErrors' in error ? error.writeErrors : undefined;
  return Array.isArray(writeErrors) && writeErrors.some((w) => errorCode(w) === DUPLICATE_KEY);
}

export function toAppendError(error: unknown, workspaceId: string, firstSeq: number): unknown {
  if (error instanceof SequenceConflictError) return error;
  return isSequenceRace(error) ? new SequenceConflictError(workspaceId, firstSeq) : error;
}

const NOT_IMPLEMENTED = 238;

/**
 * Creates one index of a schema. A server without TTL indexes (FerretDB 1.x answers NotImplemented
 * to `expireAfterSeconds`) gets the same index without it: expired sessions then stay stored, as they
 * do on SQLite, and are refused when read (auth/sessions.ts), never served.
 */
export async function createIndex(collection: mongoose.mongo.Collection, fields: Record<string, unknown>, indexOptions: Record<string, unknown>): Promise<void> {
  const spec = fields as mongoose.mongo.IndexSpecification;
  try {
    await collection.createIndex(spec, indexOptions);
  } catch (error) {
    if (errorCode(error) !== NOT_IMPLEMENTED || !('expireAfterSeconds' in indexOptions)) throw error;
    const { expireAfterSeconds: _ttl, ...withoutTtl } = indexOptions;
    await collection.createIndex(spec, withoutTtl);
  }
}

/** Transactions need a replica set or a sharded cluster (mongos); a standalone server has neither. */
export function supportsTransactions(hello: Record<string, unknown>): boolean {
  return typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
}

// ---- Schemas and models ----

/** Collections and indexes are created by `openMongoStorage`, not lazily on first use. */
const options = { versionKey: false, minimize: false, autoCreate: false, autoIndex: false } as const;
const hex64 = /^[0-9a-f]{64}$/;
const nullableString = { type: String, default: null };

export function defineModels(conn: Connection) {
  const event = new Schema<EventDoc>(
    {
      v: { type: Number, required: true },
      workspaceId: { type: String, required: true },
      seq: { type: Number, required: true, min: 1, validate: { validator: Number.isInteger, message: 'seq must be an integer' } },
      type: { type: String, required: true, enum: EVENT_TYPES },
      subjectId: nullableString,
      actorId: { type: String, required: true },
      partnerId: nullableString,
      at: { type: String, required: true },
      commandId: nullableString,
      prevHash: { type: String, required: true, match: hex64 },
      hash: { type: String, required: true, match: hex64 },
      data: { type: Schema.Types.Mixed, required: true },
    },
    { ...options, collection: 'events' },
  );
  // The unique index is the optimistic lock: of two writers taking the same seq, one gets E11000.
  event.index({ workspaceId: 1, seq: 1 }, { unique: true });
  event.index({ workspaceId: 1, subjectId: 1, seq: 1 });
  event.index({ workspaceId: 1, commandId: 1, seq: 1 });

  const snapshot = new Schema<SnapshotDoc>(
    {
      _id: { type: String, required: true },
      v: { type: Number, required: true },
      seq: { type: Number, required: true, min: 0 },
      hash: { type: String, required: true },
      mac: { type: String, required: true },
      slices: { type: Schema.Types.Mixed, required: false },
      state: { type: Schema.Types.Mixed, required: true },
    },
    { ...options, collection: 'snapshots' },
  );

  // Name and password hash are required (non-empty) until the account is erased; then they are ''.
  const unlessErased = function (this: { erasedAt?: unknown } | null | undefined): boolean {
    return this?.erasedAt === null || this?.erasedAt === undefined;
  };
  const account = new Schema<AccountDoc>(
    {
      _id: { type: String, required: true },
      email: { type: String, required: true },
      emailKey: { type: String, required: true, lowercase: true },
      name: { type: String, required: unlessErased },
      passwordHash: { type: String, required: unlessErased },
      createdAt: { type: String, required: true },
      erasedAt: nullableString,
      erasureRequestedAt: nullableString,
    },
    { ...options, collection: 'accounts' },
  );
  account.index({ emailKey: 1 }, { unique: true });
  account.index({ erasureRequestedAt: 1, erasedAt: 1 });

  const session = new Schema<SessionDoc>(
    {
      _id: { type: String, required: true },
      accountId: { type: String, required: true },
      createdAt: { type: String, required: true },
      expiresAt: { type: Date, required: true },
      lastSeenAt: { type: String },
    },
    { ...options, collection: 'sessions' },
  );
  session.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
  session.index({ accountId: 1, createdAt: -1 });

  const securityEvent = new Schema<SecurityEventDoc>(
    {
      _id: { type: String, required: true },
      accountId: nullableString,
      kind: { type: String, required: true, enum: SECURITY_EVENT_KINDS },
      address: nullableString,
      at: { type: String, required: true },
    },
    { ...options, collection: 'security_events' },
  );
  securityEvent.index({ accountId: 1, at: 1 });
  securityEvent.index({ at: 1 });

  return {
    Event: conn.model<EventDoc>('Event', event),
    Snapshot: conn.model<SnapshotDoc>('Snapshot', snapshot),
    Account: conn.model<AccountDoc>('Account', account),
    Session: conn.model<SessionDoc>('Session', session),
    SecurityEvent: conn.model<SecurityEventDoc>('SecurityEvent', securityEvent),
  };
}

// ---- The adapter ----

/**
 * Production storage on MongoDB, on its own connection (never mongoose's global one). On a replica set
 * an append checks the log's end and inserts in one transaction; on a standalone server the unique
 * (workspaceId, seq) index still decides races, and a batch that loses one halfway is removed again.
 * Such a server (FerretDB 1.x, on which the contract runs, has no multi-document transactions and no
 * TTL indexes) cannot hide a batch while it is inserted: a second writer of the same workspace that
 * reads the log's end just then could continue a batch that is removed afterwards. One writer per
 * workspace (one engine, or one lease holder across nodes) rules that out; a replica set needs no such rule.
 */
export async function openMongoStorage(uri: string, opts: { dbName?: string } = {}): Promise<Storage> {
  const conn = await mongoose.createConnection(uri, opts.dbName ? { dbName: opts.dbName } : {}).asPromise();
  try {
    const models = defineModels(conn);
    const docModels = defineDocModels(conn);
    for (const model of [...Object.values(models), ...Object.values(docModels)]) {
      await model.createCollection();
      for (const [fields, indexOptions] of model.schema.indexes()) await createIndex(model.collection, fields, indexOptions);
    }
    const hello = (await conn.db?.admin().command({ hello: 1 })) ?? {};
    const transactions = supportsTransactions(hello);
    return { ...mongoStorage(conn, models, transactions), ...mongoDocs(conn, docModels, transactions) };
  } catch (error) {
    await conn.close();
    throw error;
  }
}

type Models = ReturnType<typeof defineModels>;

function mongoStorage(conn: Connection, m: Models, transactions: boolean): Omit<Storage, DocPart> {
  const { Event, Snapshot, Account, Session, SecurityEvent } = m;

  const erase = async (accountId: string, erasedAt: string, session?: ClientSession) => {
    // No update validators: the blank name and password hash are what erasure means.
    await Account.updateOne({ _id: accountId }, { $set: erasureUpdate(accountId, erasedAt) }, { session });
    await Session.deleteMany({ accountId }, { session });
    await SecurityEvent.deleteMany({ accountId }, { session });
  };

  const insertContinuing = async (workspaceId: string, docs: EventDoc[], session: ClientSession | null) => {
    const firstSeq = docs[0]?.seq ?? 0;
    const last = await Event.findOne({ workspaceId }, { seq: 1 }, { session }).sort({ seq: -1 }).lean<{ seq: number }>();
    if (firstSeq !== (last?.seq ?? 0) + 1) throw new SequenceConflictError(workspaceId, firstSeq);
    await Event.insertMany(docs, { session, ordered: true });
  };

  const readSorted = async (filter: Record<string, unknown>, limit?: number) => {
    const query = Event.find(filter).sort({ seq: 1 });
    if (limit !== undefined) query.limit(limit);
    return (await query.lean<EventDoc[]>()).map(fromEventDoc);
  };

  return {
    appendEvents: async (workspaceId, events) => {
      const first = events[0];
      if (!first) return;
      checkBatch(workspaceId, events);
      const docs = events.map((e) => toEventDoc(e, new Types.ObjectId()));
      try {
        if (transactions) await conn.transaction((session) => insertContinuing(workspaceId, docs, session));
        else await insertContinuing(workspaceId, docs, null).catch(async (error: unknown) => {
          // Without a transaction an ordered insert that fails halfway keeps its first documents.
          await Event.deleteMany({ _id: { $in: docs.map((d) => d._id) } });
          throw error;
        });
      } catch (error) {
        throw toAppendError(error, workspaceId, first.seq);
      }
    },
    // Mongo reads a limit of 0 as "no limit"; the port means "none".
    readEvents: async (workspaceId, afterSeq, limit) =>
      limit !== undefined && limit <= 0 ? [] : readSorted({ workspaceId, seq: { $gt: afterSeq } }, limit),
    readSubjectEvents: (workspaceId, subjectId) => readSorted({ workspaceId, subjectId }),
    readCommandEvents: (workspaceId, commandId) => readSorted({ workspaceId, commandId }),
    lastEvent: async (workspaceId) => {
      const doc = await Event.findOne({ workspaceId }).sort({ seq: -1 }).lean<EventDoc>();
      return doc ? fromEventDoc(doc) : null;
    },
    listWorkspaceIds: async () => (await Event.distinct('workspaceId')).sort(),

    saveSnapshot: async (workspaceId, snapshot) => {
      const { _id, ...fields } = toSnapshotDoc(workspaceId, snapshot);
      const olderOne = { _id, seq: { $lt: snapshot.seq } };
      try {
        await Snapshot.updateOne(olderOne, { $set: fields }, { upsert: true, runValidators: true });
      } catch (error) {
        if (errorCode(error) !== DUPLICATE_KEY) throw error;
        // The upsert collided with a stored snapshot: a newer one (kept), or one saved concurrently
        // since the filter ran, which the plain update below replaces if it is older.
        await Snapshot.updateOne(olderOne, { $set: fields }, { runValidators: true });
      }
    },
    loadSnapshot: async (workspaceId) => {
      const doc = await Snapshot.findById(workspaceId).lean<SnapshotDoc>();
      return doc ? fromSnapshotDoc(doc) : null;
    },

    createAccount: async (account) => {
      await Account.create(toAccountDoc(account));
    },
    findAccountByEmail: async (email) => {
      const doc = await Account.findOne({ emailKey: emailKey(email) }).lean<AccountDoc>();
      return doc ? fromAccountDoc(doc) : null;
    },
    findAccountById: async (id) => {
      const doc = await Account.findById(id).lean<AccountDoc>();
      return doc ? fromAccountDoc(doc) : null;
    },
    findAccountsByIds: async (ids) =>
      ids.length === 0 ? [] : (await Account.find({ _id: { $in: [...ids] } }).lean<AccountDoc[]>()).map(fromAccountDoc),
    updatePassword: async (accountId, passwordHash) => {
      await Account.updateOne({ _id: accountId }, { $set: { passwordHash } }, { runValidators: true });
    },
    /**
     * Without a transaction a failure halfway leaves part of the erasure undone; erasing again finishes
     * it. MongoDB itself keeps no promise that old values are gone from its files: the oplog of a
     * replica set and WiredTiger's not yet reused blocks can still hold them until they are overwritten.
     */
    eraseAccount: async (accountId, erasedAt) => {
      if (transactions) await conn.transaction((session) => erase(accountId, erasedAt, session));
      else await erase(accountId, erasedAt);
    },
    requestErasure: async (accountId, requestedAt) => {
      await Account.updateOne({ _id: accountId, erasureRequestedAt: null }, { $set: { erasureRequestedAt: requestedAt } });
    },
    pendingErasures: async () =>
      (await Account.find({ erasureRequestedAt: { $ne: null }, erasedAt: null }, { _id: 1 }).sort({ _id: 1 }).lean<{ _id: string }[]>()).map((d) => d._id),

    createSession: async (session) => {
      await Session.create(toSessionDoc(session));
    },
    findSession: async (tokenHash) => {
      const doc = await Session.findById(tokenHash).lean<SessionDoc>();
      return doc ? fromSessionDoc(doc) : null;
    },
    listSessions: async (accountId) =>
      (await Session.find({ accountId }).sort({ createdAt: -1, _id: -1 }).lean<SessionDoc[]>()).map(fromSessionDoc),
    touchSession: async (tokenHash, lastSeenAt) => {
      await Session.updateOne({ _id: tokenHash }, { $set: { lastSeenAt } });
    },
    deleteSession: async (tokenHash) => {
      await Session.deleteOne({ _id: tokenHash });
    },
    deleteSessionsOf: async (accountId) => {
      await Session.deleteMany({ accountId });
    },

    recordSecurityEvent: async (event) => {
      await SecurityEvent.create(toSecurityEventDoc(event));
    },
    listSecurityEvents: async (accountId) =>
      (await SecurityEvent.find({ accountId }).sort({ at: -1, _id: -1 }).lean<SecurityEventDoc[]>()).map(fromSecurityEventDoc),
    forgetAddressesBefore: async (before) =>
      (await SecurityEvent.updateMany({ at: { $lt: before }, address: { $ne: null } }, { $set: { address: null } })).modifiedCount,

    health: async () => {
      try {
        if (!conn.db) return { ok: false, reason: 'not connected' };
        await conn.db.admin().command({ ping: 1 });
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : 'the database does not answer' };
      }
    },
    close: () => conn.close(),
  };
}
