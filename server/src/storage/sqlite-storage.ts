import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StoredEvent } from '@verbund/shared/events';
import { eventSubjectId } from '@verbund/shared/events';
import { SequenceConflictError, type Account, type Membership, type Session, type Snapshot, type Storage } from './port.js';

/** Numbered migrations; each runs once, in order, in one transaction with its version bump. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE events (
     workspace_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     type TEXT NOT NULL,
     subject_id TEXT,
     command_id TEXT,
     body TEXT NOT NULL,
     PRIMARY KEY (workspace_id, seq)
   ) WITHOUT ROWID;
   CREATE INDEX events_subject ON events (workspace_id, subject_id);
   CREATE INDEX events_command ON events (workspace_id, command_id) WHERE command_id IS NOT NULL;
   CREATE TABLE snapshots (workspace_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, body TEXT NOT NULL);
   CREATE TABLE accounts (
     id TEXT PRIMARY KEY,
     email TEXT NOT NULL UNIQUE COLLATE NOCASE,
     name TEXT NOT NULL,
     password_hash TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE memberships (
     account_id TEXT NOT NULL REFERENCES accounts (id),
     workspace_id TEXT NOT NULL,
     partner_id TEXT NOT NULL,
     roles TEXT NOT NULL,
     PRIMARY KEY (account_id, workspace_id)
   );
   CREATE INDEX memberships_workspace ON memberships (workspace_id);
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts (id),
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );`,
];

type EventRow = { body: string };
type AccountRow = { id: string; email: string; name: string; password_hash: string; created_at: string };
type MembershipRow = { account_id: string; workspace_id: string; partner_id: string; roles: string; name?: string };
type SessionRow = { token_hash: string; account_id: string; created_at: string; expires_at: string };

const toAccount = (r: AccountRow): Account => ({
  id: r.id,
  email: r.email,
  name: r.name,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
});
const toMembership = (r: MembershipRow): Membership => ({
  accountId: r.account_id,
  workspaceId: r.workspace_id,
  partnerId: r.partner_id,
  roles: JSON.parse(r.roles) as Membership['roles'],
});
const parseEvents = (rows: EventRow[]): StoredEvent[] => rows.map((r) => JSON.parse(r.body) as StoredEvent);

/**
 * The embedded default. WAL with synchronous=FULL: a commit is on disk before it is acknowledged,
 * also across a power cut. better-sqlite3 is synchronous; the port is async for other adapters.
 */
export function openSqliteStorage(file: string): Storage {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const insertEvent = db.prepare(
    'INSERT INTO events (workspace_id, seq, type, subject_id, command_id, body) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const maxSeq = db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM events WHERE workspace_id = ?');
  const append = db.transaction((workspaceId: string, events: readonly StoredEvent[]) => {
    const first = events[0];
    if (!first) return;
    const last = maxSeq.get(workspaceId)?.seq ?? 0;
    if (first.seq !== last + 1) throw new SequenceConflictError(workspaceId, first.seq);
    events.forEach((e, i) => {
      if (e.workspaceId !== workspaceId || e.seq !== first.seq + i) throw new SequenceConflictError(workspaceId, e.seq);
      insertEvent.run(workspaceId, e.seq, e.type, eventSubjectId(e), e.commandId, JSON.stringify(e));
    });
  });
  const readAfter = db.prepare<[string, number, number], EventRow>(
    'SELECT body FROM events WHERE workspace_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const readSubject = db.prepare<[string, string], EventRow>(
    'SELECT body FROM events WHERE workspace_id = ? AND subject_id = ? ORDER BY seq',
  );
  const readCommand = db.prepare<[string, string], EventRow>(
    'SELECT body FROM events WHERE workspace_id = ? AND command_id = ? ORDER BY seq',
  );
  const readLast = db.prepare<[string], EventRow>('SELECT body FROM events WHERE workspace_id = ? ORDER BY seq DESC LIMIT 1');
  const workspaceIds = db.prepare<[], { workspace_id: string }>(
    `SELECT workspace_id FROM events WHERE seq = 1 ORDER BY workspace_id`,
  );
  const putSnapshot = db.prepare(
    'INSERT INTO snapshots (workspace_id, seq, body) VALUES (?, ?, ?) ON CONFLICT (workspace_id) DO UPDATE SET seq = excluded.seq, body = excluded.body WHERE excluded.seq > snapshots.seq',
  );
  const getSnapshot = db.prepare<[string], { body: string }>('SELECT body FROM snapshots WHERE workspace_id = ?');
  const insertAccount = db.prepare(
    'INSERT INTO accounts (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const accountByEmail = db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE email = ?');
  const accountById = db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE id = ?');
  const upsertMembership = db.prepare(
    'INSERT INTO memberships (account_id, workspace_id, partner_id, roles) VALUES (?, ?, ?, ?) ON CONFLICT (account_id, workspace_id) DO UPDATE SET partner_id = excluded.partner_id, roles = excluded.roles',
  );
  const membershipsOf = db.prepare<[string], MembershipRow>('SELECT * FROM memberships WHERE account_id = ? ORDER BY workspace_id');
  const membersOf = db.prepare<[string], MembershipRow>(
    'SELECT m.*, a.name AS name FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE m.workspace_id = ? ORDER BY a.name',
  );
  const insertSession = db.prepare('INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
  const sessionByHash = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE token_hash = ?');
  const removeSession = db.prepare('DELETE FROM sessions WHERE token_hash = ?');

  return {
    appendEvents: (workspaceId, events) => attempt(() => append.immediate(workspaceId, events)),
    readEvents: (workspaceId, afterSeq, limit = 1_000_000) => attempt(() => parseEvents(readAfter.all(workspaceId, afterSeq, limit))),
    readSubjectEvents: (workspaceId, subjectId) => attempt(() => parseEvents(readSubject.all(workspaceId, subjectId))),
    readCommandEvents: (workspaceId, commandId) => attempt(() => parseEvents(readCommand.all(workspaceId, commandId))),
    lastEvent: (workspaceId) => attempt(() => parseEvents(readLast.all(workspaceId))[0] ?? null),
    listWorkspaceIds: () => attempt(() => workspaceIds.all().map((r) => r.workspace_id)),
    saveSnapshot: (workspaceId, snapshot) => attempt(() => void putSnapshot.run(workspaceId, snapshot.seq, JSON.stringify(snapshot))),
    loadSnapshot: (workspaceId) =>
      attempt(() => {
        const row = getSnapshot.get(workspaceId);
        return row ? (JSON.parse(row.body) as Snapshot) : null;
      }),
    createAccount: (a) => attempt(() => void insertAccount.run(a.id, a.email, a.name, a.passwordHash, a.createdAt)),
    findAccountByEmail: (email) => attempt(() => optional(accountByEmail.get(email), toAccount)),
    findAccountById: (id) => attempt(() => optional(accountById.get(id), toAccount)),
    putMembership: (m) => attempt(() => void upsertMembership.run(m.accountId, m.workspaceId, m.partnerId, JSON.stringify(m.roles))),
    listMemberships: (accountId) => attempt(() => membershipsOf.all(accountId).map(toMembership)),
    listWorkspaceMembers: (workspaceId) =>
      attempt(() => membersOf.all(workspaceId).map((r) => ({ ...toMembership(r), name: r.name ?? '' }))),
    createSession: (s: Session) => attempt(() => void insertSession.run(s.tokenHash, s.accountId, s.createdAt, s.expiresAt)),
    findSession: (tokenHash) =>
      attempt(() =>
        optional(sessionByHash.get(tokenHash), (r) => ({
          tokenHash: r.token_hash,
          accountId: r.account_id,
          createdAt: r.created_at,
          expiresAt: r.expires_at,
        })),
      ),
    deleteSession: (tokenHash) => attempt(() => void removeSession.run(tokenHash)),
    close: () => attempt(() => void db.close()),
  };
}

/** better-sqlite3 throws synchronously; a port caller must get a rejected promise instead (rule ST8). */
function attempt<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve) => {
    resolve(work());
  });
}

function optional<R, T>(row: R | undefined, map: (r: R) => T): T | null {
  return row === undefined ? null : map(row);
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const done = new Set(db.prepare<[], { version: number }>('SELECT version FROM schema_migrations').all().map((r) => r.version));
  MIGRATIONS.forEach((sql, index) => {
    const version = index + 1;
    if (done.has(version)) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version, new Date().toISOString());
    })();
  });
}
