import type { StoredEvent } from '@verbund/shared/events';
import type { WorkspaceState } from '@verbund/shared/projection';

/** Thrown by `appendEvents` when a sequence number is already taken (another writer was first). */
export class SequenceConflictError extends Error {
  constructor(
    readonly workspaceId: string,
    readonly seq: number,
  ) {
    super(`sequence ${seq} of workspace ${workspaceId} is already taken`);
    this.name = 'SequenceConflictError';
  }
}

/** One stored Yjs update of a document; `seq` orders a document's updates (per document, from 1). */
export type DocUpdateRow = { seq: number; update: Uint8Array };
/** A document as stored: the compacted snapshot (a Yjs update) and the updates stored after it. */
export type StoredDoc = { snapshot: Uint8Array | null; updates: DocUpdateRow[]; bytes: number };
/** One update to append, named by the id its sender gave it. */
export type DocAppend = { updateId: string; update: Uint8Array };
/** What became of one appended update: stored, already stored under its id, or refused as it would pass the quota. */
export type DocAppendOutcome = 'stored' | 'duplicate' | 'over_quota';

/** A Yjs client id of a document and the person whose connection first sent structs under it (rule Y18). */
export type DocWriter = { clientId: number; personId: string };

/** The document methods of the port, which each adapter keeps in a module of its own. */
export type DocPart = 'appendDocUpdates' | 'readDoc' | 'compactDoc' | 'claimDocWriters' | 'readDocWriters';

export type StorageHealth = { ok: true } | { ok: false; reason: string };

/** `mac` seals the rest under the audit key (sync/snapshot-seal.ts); a loaded snapshot is checked before use. */
/** `slices`: each feature's slice version (since envelope version 5; absent in older stored snapshots). */
export type Snapshot = { v: number; seq: number; hash: string; mac: string; slices?: Record<string, number>; state: WorkspaceState };

export type Account = {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: string;
  /** Set when the person's data was erased: name and email are placeholders then, the password is gone. */
  erasedAt: string | null;
};
/** `expiresAt` is the absolute end; `lastSeenAt` (refreshed at most once a minute) measures the idle time. */
export type Session = { tokenHash: string; accountId: string; createdAt: string; expiresAt: string; lastSeenAt: string };

export const SECURITY_EVENT_KINDS = [
  'sign_in_succeeded',
  'sign_in_failed',
  'sign_in_rate_limited',
  'password_changed',
  'signed_out_everywhere',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];
/** Account security events; workspace changes (roles, partners, invitations) are in the workspace's log. */
export type SecurityEvent = { id: string; accountId: string | null; kind: SecurityEventKind; address: string | null; at: string };

/**
 * The storage port. Every adapter passes the same contract suite (test-support/storage-contract.ts).
 * Event appends are optimistic: the caller states the sequence numbers it expects to take.
 */
export interface Storage {
  /** Appends events with consecutive sequence numbers continuing the log, atomically and durably. */
  appendEvents(workspaceId: string, events: readonly StoredEvent[]): Promise<void>;
  /** Events with seq > afterSeq in order, at most `limit`. */
  readEvents(workspaceId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]>;
  /** Events about one entity (a card and its comments), oldest first. */
  readSubjectEvents(workspaceId: string, subjectId: string): Promise<StoredEvent[]>;
  /** The events a command produced, for idempotent retries. */
  readCommandEvents(workspaceId: string, commandId: string): Promise<StoredEvent[]>;
  lastEvent(workspaceId: string): Promise<StoredEvent | null>;
  listWorkspaceIds(): Promise<string[]>;

  saveSnapshot(workspaceId: string, snapshot: Snapshot): Promise<void>;
  loadSnapshot(workspaceId: string): Promise<Snapshot | null>;

  /**
   * Stores updates of one document durably, in order, each once per `updateId` (a retry answers
   * `duplicate` and stores nothing, also after compaction); an update that would take snapshot plus
   * updates past `maxBytes` answers `over_quota` and stores nothing, not even its id (rule Y12). One
   * outcome per update, in order. An adapter may commit the whole batch at once (one fsync for all
   * the updates that waited meanwhile, rule Y19); it must not store a later one and lose an earlier one.
   */
  appendDocUpdates(workspaceId: string, docId: string, updates: readonly DocAppend[], maxBytes: number): Promise<DocAppendOutcome[]>;
  /** The snapshot and the updates after it in order, or null for a document never stored. */
  readDoc(workspaceId: string, docId: string): Promise<StoredDoc | null>;
  /**
   * Atomically replaces the snapshot with `snapshot` (everything up to `throughSeq` merged) and drops
   * those updates; updates after `throughSeq` stay. A compaction older than the stored one changes nothing.
   */
  compactDoc(workspaceId: string, docId: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  /**
   * Records durably that the document's structs under these Yjs client ids are `personId`'s. The first
   * claim of an id wins: a later one, by anyone, changes nothing (rule Y18). Survives compaction.
   */
  claimDocWriters(workspaceId: string, docId: string, personId: string, clientIds: readonly number[]): Promise<void>;
  /** Every claimed client id of the document, with its person; none for a document never claimed. */
  readDocWriters(workspaceId: string, docId: string): Promise<DocWriter[]>;

  createAccount(account: Account): Promise<void>;
  /** Case-insensitive. */
  findAccountByEmail(email: string): Promise<Account | null>;
  findAccountById(id: string): Promise<Account | null>;
  findAccountsByIds(ids: readonly string[]): Promise<Account[]>;
  updatePassword(accountId: string, passwordHash: string): Promise<void>;
  /**
   * DSGVO erasure: name and email become placeholders, the password hash goes, the account's sessions
   * and security events are deleted; the id stays (events refer to it). Nothing of the old values may
   * remain readable in the storage's files afterwards.
   */
  eraseAccount(accountId: string, erasedAt: string): Promise<void>;
  /**
   * Records, durably and before any of it is done, that the account is to be erased everywhere; a
   * second request keeps the first time. The request is pending until `eraseAccount` completes.
   */
  requestErasure(accountId: string, requestedAt: string): Promise<void>;
  /** Accounts whose erasure was requested and is not complete (the reconciler finishes them). */
  pendingErasures(): Promise<string[]>;

  createSession(session: Session): Promise<void>;
  findSession(tokenHash: string): Promise<Session | null>;
  listSessions(accountId: string): Promise<Session[]>;
  /** Records activity of a session (idle timeout); unknown hashes are ignored. */
  touchSession(tokenHash: string, lastSeenAt: string): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteSessionsOf(accountId: string): Promise<void>;

  recordSecurityEvent(event: SecurityEvent): Promise<void>;
  /** Newest first. */
  listSecurityEvents(accountId: string): Promise<SecurityEvent[]>;
  /** Removes the client address from every security event recorded before `before`; answers how many. */
  forgetAddressesBefore(before: string): Promise<number>;

  /** Whether the store can take writes now (`/api/health`); never throws. */
  health(): Promise<StorageHealth>;

  close(): Promise<void>;
}
