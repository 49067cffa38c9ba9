import type { StoredEvent } from '@verbund/shared/events';
import type { Role } from '@verbund/shared/model';
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

export type Snapshot = { v: number; seq: number; hash: string; state: WorkspaceState };

export type Account = { id: string; email: string; name: string; passwordHash: string; createdAt: string };
export type Membership = { accountId: string; workspaceId: string; partnerId: string; roles: Role[] };
export type Session = { tokenHash: string; accountId: string; createdAt: string; expiresAt: string };

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

  createAccount(account: Account): Promise<void>;
  findAccountByEmail(email: string): Promise<Account | null>;
  findAccountById(id: string): Promise<Account | null>;
  putMembership(membership: Membership): Promise<void>;
  listMemberships(accountId: string): Promise<Membership[]>;
  listWorkspaceMembers(workspaceId: string): Promise<(Membership & { name: string })[]>;

  createSession(session: Session): Promise<void>;
  findSession(tokenHash: string): Promise<Session | null>;
  deleteSession(tokenHash: string): Promise<void>;

  close(): Promise<void>;
}
