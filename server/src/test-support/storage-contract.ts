import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_VERSION, GENESIS_HASH, SYSTEM_ACTOR_ID, type NewEvent, type StoredEvent } from '@verbund/shared/events';
import { newCard } from '@verbund/shared/model';
import { SNAPSHOT_VERSION, emptyState, type WorkspaceState } from '@verbund/shared/projection';
import { stableId } from '../seed/workspace-setup.js';
import { sealEvent, verifyChain } from '../sync/hash-chain.js';
import { TEST_AUDIT_KEYS } from './audit-keys.js';
import { docStorageContract } from './doc-storage-contract.js';
import {
  SequenceConflictError,
  type Account,
  type SecurityEvent,
  type SecurityEventKind,
  type Session,
  type Snapshot,
  type Storage,
} from '../storage/port.js';

/** What an adapter's test gives the contract: a fresh, empty storage, and a way to open it again. */
export type StorageHarness = {
  storage: Storage;
  /** Opens the same data again after `storage.close()`; adapters without durable data leave it out. */
  reopen?: () => Promise<Storage>;
  cleanup: () => Promise<void>;
};

const AT = '2026-03-02T09:30:00.000Z';
const WS_A = stableId('contract/workspace-a');
const WS_B = stableId('contract/workspace-b');
const BOARD = stableId('contract/board');
const CARD_1 = stableId('contract/card-1');
const CARD_2 = stableId('contract/card-2');
const COMMAND = stableId('contract/command');

const workspaceCreated = (workspaceId: string): NewEvent => ({ type: 'workspace.created', data: { workspaceId, name: 'Verbund Test' } });
const boardCreated = (): NewEvent => ({ type: 'board.created', data: { board: { id: BOARD, name: 'Roadmap' } } });
const cardCreated = (id: string): NewEvent => ({
  type: 'card.created',
  data: { card: newCard({ cardId: id, boardId: BOARD, position: 'a0', fields: { title: 'Über „Schnittstellen“ 🚀', area: 'schnittstellen', status: 'idea' } }, SYSTEM_ACTOR_ID, AT) },
});
const cardUpdated = (cardId: string, changes: Extract<NewEvent, { type: 'card.updated' }>['data']['changes']): NewEvent => ({
  type: 'card.updated',
  data: { cardId, changes },
});
const commentAdded = (cardId: string, name: string): NewEvent => ({
  type: 'comment.added',
  data: { comment: { id: stableId(`contract/${name}`), cardId, authorId: SYSTEM_ACTOR_ID, body: name, createdAt: AT } },
});

/** Seals `events` so they continue the log after `after` (or start it). */
function chain(workspaceId: string, events: NewEvent[], after: StoredEvent | null = null, commandId: string | null = null): StoredEvent[] {
  let prevHash = after?.hash ?? GENESIS_HASH;
  const first = (after?.seq ?? 0) + 1;
  return events.map((event, i) => {
    const sealed = sealEvent(TEST_AUDIT_KEYS, prevHash, {
      ...event,
      v: EVENT_VERSION,
      workspaceId,
      seq: first + i,
      actorId: SYSTEM_ACTOR_ID,
      partnerId: null,
      at: AT,
      commandId,
    });
    prevHash = sealed.hash;
    return sealed;
  });
}

/** A workspace log: created, a board, two cards, and edits and comments on card 1 (seq 1..7). */
function sampleLog(workspaceId: string): StoredEvent[] {
  const head = chain(workspaceId, [workspaceCreated(workspaceId), boardCreated(), cardCreated(CARD_1), cardCreated(CARD_2)]);
  const byCommand = chain(workspaceId, [cardUpdated(CARD_1, { title: 'Neu', dueDate: null }), commentAdded(CARD_1, 'erster')], head.at(-1), COMMAND);
  const tail = chain(workspaceId, [commentAdded(CARD_1, 'zweiter')], byCommand.at(-1));
  return [...head, ...byCommand, ...tail];
}

const lastOf = (events: StoredEvent[]): StoredEvent => {
  const last = events.at(-1);
  if (!last) throw new Error('no events');
  return last;
};

const account = (name: string, email: string): Account => ({
  id: stableId(`contract/account/${name}`),
  email,
  name,
  passwordHash: `$argon2id$v=19$m=19456,t=2,p=1$${name}`,
  createdAt: AT,
  erasedAt: null,
});

const ada = account('Ada Lovelace', 'Ada.Lovelace@Example.org');
const bea = account('Bea Beispiel', 'bea@example.org');
const cem = account('Cem Crüger', 'cem@example.org');
const UNKNOWN_ACCOUNT = stableId('contract/account/unknown');

/** A session of `owner` created `minute` minutes after AT; the token hash is unique per owner and minute. */
const sessionOf = (owner: Account, minute: number): Session => ({
  tokenHash: stableId(`contract/session/${owner.id}/${minute}`).replaceAll('-', '').padEnd(64, '0'),
  accountId: owner.id,
  createdAt: new Date(Date.parse(AT) + minute * 60_000).toISOString(),
  lastSeenAt: new Date(Date.parse(AT) + minute * 60_000).toISOString(),
  expiresAt: '2099-03-09T09:30:00.000Z',
});
/** A security event `minute` minutes after AT. */
const securityEvent = (accountId: string | null, kind: SecurityEventKind, minute: number): SecurityEvent => ({
  id: stableId(`contract/security-event/${accountId ?? 'nobody'}/${kind}/${minute}`),
  accountId,
  kind,
  address: minute % 2 === 0 ? '203.0.113.7' : null,
  at: new Date(Date.parse(AT) + minute * 60_000).toISOString(),
});
const byId = (accounts: Account[]): Account[] => [...accounts].sort((x, y) => x.id.localeCompare(y.id));

const stateWith = (workspaceId: string, seq: number): WorkspaceState => ({
  ...emptyState(workspaceId),
  name: `Stand ${seq}`,
  seq,
  boards: { [BOARD]: { id: BOARD, name: 'Roadmap' } },
  comments: { [CARD_1]: [] },
});
const snapshot = (workspaceId: string, seq: number): Snapshot => ({ v: SNAPSHOT_VERSION, seq, hash: 'a'.repeat(64), mac: 'b'.repeat(64), state: stateWith(workspaceId, seq) });

/**
 * The storage contract (rules ST1…ST80, documents ST70–ST84 in doc-storage-contract.ts; retired ids (ST33–ST35, memberships) are not reused). Every adapter runs this one suite; a rule that holds for one
 * adapter and not another is a bug in that adapter, not a reason for a second suite.
 */
export function storageContract(name: string, open: () => Promise<StorageHarness>): void {
  describe(`storage contract: ${name}`, () => {
    let harness: StorageHarness;
    let storage: Storage;

    beforeEach(async () => {
      harness = await open();
      storage = harness.storage;
    });
    afterEach(async () => {
      await storage.close();
      await harness.cleanup();
    });

    describe('appending events', () => {
      it('ST1 append with the expected sequence stores the events in order', async () => {
        const log = sampleLog(WS_A);
        await storage.appendEvents(WS_A, log);
        expect(await storage.readEvents(WS_A, 0)).toEqual(log);
      });

      it('ST2 a later batch continuing the log (last seq + 1) is appended after the earlier ones', async () => {
        const log = sampleLog(WS_A);
        await storage.appendEvents(WS_A, log.slice(0, 3));
        await storage.appendEvents(WS_A, log.slice(3, 5));
        await storage.appendEvents(WS_A, log.slice(5));
        expect(await storage.readEvents(WS_A, 0)).toEqual(log);
      });

      it('ST3 an append whose sequence is already taken fails with SequenceConflictError and stores nothing', async () => {
        const log = sampleLog(WS_A);
        await storage.appendEvents(WS_A, log.slice(0, 3));
        const rival = chain(WS_A, [cardCreated(CARD_2), commentAdded(CARD_2, 'rival')], log[1]);
        const error: unknown = await storage.appendEvents(WS_A, rival).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(SequenceConflictError);
        expect((error as SequenceConflictError).workspaceId).toBe(WS_A);
        expect(await storage.readEvents(WS_A, 0)).toEqual(log.slice(0, 3));
      });

      it('ST4 an append that does not continue the log (a gap) fails with SequenceConflictError and stores nothing', async () => {
        const log = sampleLog(WS_A);
        await storage.appendEvents(WS_A, log.slice(0, 2));
        await expect(storage.appendEvents(WS_A, log.slice(3, 5))).rejects.toBeInstanceOf(SequenceConflictError);
        await expect(storage.appendEvents(WS_B, sampleLog(WS_B).slice(1, 3))).rejects.toBeInstanceOf(SequenceConflictError);
        expect(await storage.readEvents(WS_A, 0)).toEqual(log.slice(0, 2));
        expect(await storage.readEvents(WS_B, 0)).toEqual([]);
      });

      it('ST5 a batch that is not consecutive fails as a whole: nothing of a failed batch is stored', async () => {
        const log = sampleLog(WS_A);
        await storage.appendEvents(WS_A, log.slice(0, 2));
        const [third, fourth, fifth] = log.slice(2, 5);
        if (!third || !fourth || !fifth) throw new Error('sample log too short');
        await expect(storage.appendEvents(WS_A, [third, fourth, fourth])).rejects.toBeInstanceOf(SequenceConflictError);
        await expect(storage.appendEvents(WS_A, [third, fifth])).rejects.toBeInstanceOf(SequenceConflictError);
        expect(await storage.readEvents(WS_A, 0)).toEqual(log.slice(0, 2));
        await storage.appendEvents(WS_A, log.slice(2));
        expect(await storage.readEvents(WS_A, 0)).toEqual(log);
      });

      it('ST6 a batch holding an event of another workspace is rejected and nothing of it is stored', async () => {
        const mixed = [...chain(WS_A, [workspaceCreated(WS_A)]), ...chain(WS_B, [boardCreated()], chain(WS_B, [workspaceCreated(WS_B)])[0])];
        await expect(storage.appendEvents(WS_A, mixed)).rejects.toThrow();
        expect(await storage.readEvents(WS_A, 0)).toEqual([]);
        expect(await storage.readEvents(WS_B, 0)).toEqual([]);
      });

      it('ST7 an empty batch is accepted and changes nothing', async () => {
        await storage.appendEvents(WS_A, []);
        expect(await storage.readEvents(WS_A, 0)).toEqual([]);
        expect(await storage.listWorkspaceIds()).toEqual([]);
      });

      it('ST8 a failure is a rejected promise, never an exception thrown by the call itself', async () => {
        const log = sampleLog(WS_A);
        await storage.appendEvents(WS_A, log.slice(0, 1));
        let attempt: Promise<void> = Promise.resolve();
        expect(() => {
          attempt = storage.appendEvents(WS_A, log.slice(0, 1));
        }).not.toThrow();
        await expect(attempt).rejects.toBeInstanceOf(SequenceConflictError);
      });

      it('ST9 appends racing for the same sequence: exactly one wins and the log holds its events', async () => {
        const start = chain(WS_A, [workspaceCreated(WS_A)]);
        await storage.appendEvents(WS_A, start);
        const rivals = [1, 2, 3, 4, 5].map((n) => chain(WS_A, [commentAdded(CARD_1, `race-${n}-a`), commentAdded(CARD_1, `race-${n}-b`)], start[0]));
        const results = await Promise.allSettled(rivals.map((batch) => storage.appendEvents(WS_A, batch)));
        const winners = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
        expect(winners).toHaveLength(1);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(SequenceConflictError);
        expect(await storage.readEvents(WS_A, 0)).toEqual([...start, ...(rivals[winners[0] ?? -1] ?? [])]);
      });

      it('ST10 events come back exactly as stored (nulls, empty arrays and objects, unicode) and the hash chain verifies', async () => {
        const head = chain(WS_A, [workspaceCreated(WS_A), boardCreated(), cardCreated(CARD_1)]);
        const log = [...head, ...chain(WS_A, [cardUpdated(CARD_1, {}), cardUpdated(CARD_1, { leadPartnerId: null, tags: [] })], lastOf(head))];
        await storage.appendEvents(WS_A, log);
        const stored = await storage.readEvents(WS_A, 0);
        expect(stored).toEqual(log);
        expect(JSON.stringify(stored)).toBe(JSON.stringify(log));
        expect(verifyChain(TEST_AUDIT_KEYS, stored)).toEqual({ ok: true, checked: log.length, lastHash: lastOf(log).hash });
      });
    });

    describe('reading events', () => {
      it('ST11 readEvents returns the events after the given sequence, in order', async () => {
        const log = sampleLog(WS_A);
        await storage.appendEvents(WS_A, log);
        expect(await storage.readEvents(WS_A, 4)).toEqual(log.slice(4));
        expect(await storage.readEvents(WS_A, log.length)).toEqual([]);
        expect(await storage.readEvents(WS_A, 100)).toEqual([]);
        expect(await storage.readEvents(stableId('contract/unknown'), 0)).toEqual([]);
      });

      it('ST12 readEvents with a limit returns at most that many, the oldest first; a limit of 0 returns none', async () => {
        const log = sampleLog(WS_A);
        await storage.appendEvents(WS_A, log);
        expect(await storage.readEvents(WS_A, 2, 3)).toEqual(log.slice(2, 5));
        expect(await storage.readEvents(WS_A, 5, 100)).toEqual(log.slice(5));
        expect(await storage.readEvents(WS_A, 0, 1)).toEqual(log.slice(0, 1));
        expect(await storage.readEvents(WS_A, 0, 0)).toEqual([]);
      });

      it('ST13 readSubjectEvents returns the events about one entity (a card and its comments), oldest first', async () => {
        const log = sampleLog(WS_A);
        await storage.appendEvents(WS_A, log);
        const aboutCard1 = log.filter((e) => [3, 5, 6, 7].includes(e.seq));
        expect(await storage.readSubjectEvents(WS_A, CARD_1)).toEqual(aboutCard1);
        expect(await storage.readSubjectEvents(WS_A, CARD_2)).toEqual(log.filter((e) => e.seq === 4));
        expect(await storage.readSubjectEvents(WS_A, stableId('contract/no-card'))).toEqual([]);
      });

      it('ST14 readCommandEvents returns the events one command produced, and none for an unknown command', async () => {
        const log = sampleLog(WS_A);
        await storage.appendEvents(WS_A, log);
        expect(await storage.readCommandEvents(WS_A, COMMAND)).toEqual(log.filter((e) => e.commandId === COMMAND));
        expect(await storage.readCommandEvents(WS_A, stableId('contract/other-command'))).toEqual([]);
      });

      it('ST15 lastEvent returns the newest event, or null for a workspace without events', async () => {
        expect(await storage.lastEvent(WS_A)).toBeNull();
        const log = sampleLog(WS_A);
        await storage.appendEvents(WS_A, log.slice(0, 3));
        expect(await storage.lastEvent(WS_A)).toEqual(log[2]);
        await storage.appendEvents(WS_A, log.slice(3));
        expect(await storage.lastEvent(WS_A)).toEqual(lastOf(log));
      });

      it('ST16 listWorkspaceIds lists every workspace that has events, once', async () => {
        expect(await storage.listWorkspaceIds()).toEqual([]);
        await storage.appendEvents(WS_A, sampleLog(WS_A));
        await storage.appendEvents(WS_B, sampleLog(WS_B).slice(0, 1));
        expect((await storage.listWorkspaceIds()).sort()).toEqual([WS_A, WS_B].sort());
      });

      it('ST17 two workspaces do not see each other’s events, even with the same subject and command ids', async () => {
        const a = sampleLog(WS_A);
        const b = sampleLog(WS_B).slice(0, 5);
        await storage.appendEvents(WS_A, a);
        await storage.appendEvents(WS_B, b);
        expect(await storage.readEvents(WS_A, 0)).toEqual(a);
        expect(await storage.readEvents(WS_B, 0)).toEqual(b);
        expect(await storage.readSubjectEvents(WS_B, CARD_1)).toEqual(b.filter((e) => [3, 5].includes(e.seq)));
        expect(await storage.readCommandEvents(WS_B, COMMAND)).toEqual(b.filter((e) => e.seq === 5));
        expect(await storage.lastEvent(WS_B)).toEqual(lastOf(b));
        await storage.appendEvents(WS_B, chain(WS_B, [commentAdded(CARD_1, 'only-in-b')], lastOf(b)));
        expect(await storage.lastEvent(WS_A)).toEqual(lastOf(a));
        expect(await storage.readSubjectEvents(WS_A, CARD_1)).toEqual(a.filter((e) => [3, 5, 6, 7].includes(e.seq)));
      });
    });

    describe('snapshots', () => {
      it('ST20 loadSnapshot returns null before any snapshot was saved', async () => {
        expect(await storage.loadSnapshot(WS_A)).toBeNull();
      });

      it('ST21 a snapshot comes back as saved, empty records included', async () => {
        const saved = snapshot(WS_A, 7);
        await storage.saveSnapshot(WS_A, saved);
        expect(await storage.loadSnapshot(WS_A)).toEqual(saved);
        expect(await storage.loadSnapshot(WS_B)).toBeNull();
      });

      it('ST22 a newer snapshot replaces an older one', async () => {
        await storage.saveSnapshot(WS_A, snapshot(WS_A, 7));
        await storage.saveSnapshot(WS_A, snapshot(WS_A, 12));
        expect(await storage.loadSnapshot(WS_A)).toEqual(snapshot(WS_A, 12));
      });

      it('ST23 an older snapshot never replaces a newer one', async () => {
        await storage.saveSnapshot(WS_A, snapshot(WS_A, 12));
        await storage.saveSnapshot(WS_A, snapshot(WS_A, 7));
        expect(await storage.loadSnapshot(WS_A)).toEqual(snapshot(WS_A, 12));
      });

      it('ST24 snapshots of two workspaces are kept apart', async () => {
        await storage.saveSnapshot(WS_A, snapshot(WS_A, 12));
        await storage.saveSnapshot(WS_B, snapshot(WS_B, 3));
        expect(await storage.loadSnapshot(WS_A)).toEqual(snapshot(WS_A, 12));
        expect(await storage.loadSnapshot(WS_B)).toEqual(snapshot(WS_B, 3));
      });
    });

    describe('accounts and sessions', () => {
      it('ST30 an account is found by id and by email exactly as it was created', async () => {
        await storage.createAccount(ada);
        expect(await storage.findAccountById(ada.id)).toEqual(ada);
        expect(await storage.findAccountByEmail(ada.email)).toEqual(ada);
        expect(await storage.findAccountById(bea.id)).toBeNull();
        expect(await storage.findAccountByEmail(bea.email)).toBeNull();
      });

      it('ST31 the email lookup ignores case', async () => {
        await storage.createAccount(ada);
        expect(await storage.findAccountByEmail('ada.lovelace@example.org')).toEqual(ada);
        expect(await storage.findAccountByEmail('ADA.LOVELACE@EXAMPLE.ORG')).toEqual(ada);
      });

      it('ST32 a second account with the same email, in any case, is rejected and the first stays', async () => {
        await storage.createAccount(ada);
        const twin = account('Ada Zwilling', 'ada.lovelace@EXAMPLE.org');
        await expect(storage.createAccount(twin)).rejects.toThrow();
        expect(await storage.findAccountById(twin.id)).toBeNull();
        expect(await storage.findAccountByEmail(ada.email)).toEqual(ada);
      });

      it('ST36 a session is created, found by its token hash, and deleted', async () => {
        await storage.createAccount(ada);
        const session: Session = { tokenHash: 'f'.repeat(64), accountId: ada.id, createdAt: AT, expiresAt: '2099-03-09T09:30:00.000Z', lastSeenAt: AT };
        await storage.createSession(session);
        expect(await storage.findSession(session.tokenHash)).toEqual(session);
        expect(await storage.findSession('e'.repeat(64))).toBeNull();
        await storage.deleteSession(session.tokenHash);
        expect(await storage.findSession(session.tokenHash)).toBeNull();
        await storage.deleteSession(session.tokenHash);
      });

      it('ST61 touchSession records the last activity of that session only; an unknown hash changes nothing', async () => {
        await storage.createAccount(ada);
        const [first, second] = [sessionOf(ada, 1), sessionOf(ada, 2)];
        await storage.createSession(first);
        await storage.createSession(second);
        await storage.touchSession(first.tokenHash, '2026-03-10T08:00:00.000Z');
        await storage.touchSession('e'.repeat(64), '2026-03-10T08:00:00.000Z');
        expect(await storage.findSession(first.tokenHash)).toEqual({ ...first, lastSeenAt: '2026-03-10T08:00:00.000Z' });
        expect(await storage.findSession(second.tokenHash)).toEqual(second);
      });

      it('ST41 findAccountsByIds returns the accounts of the known ids, none for an empty list, and skips unknown ids', async () => {
        await storage.createAccount(ada);
        await storage.createAccount(bea);
        await storage.createAccount(cem);
        expect(await storage.findAccountsByIds([])).toEqual([]);
        expect(await storage.findAccountsByIds([bea.id])).toEqual([bea]);
        expect(byId(await storage.findAccountsByIds([cem.id, ada.id]))).toEqual(byId([ada, cem]));
        expect(byId(await storage.findAccountsByIds([UNKNOWN_ACCOUNT, bea.id, ada.id]))).toEqual(byId([ada, bea]));
        expect(await storage.findAccountsByIds([UNKNOWN_ACCOUNT])).toEqual([]);
      });

      it('ST42 updatePassword replaces the password hash of that account only; everything else stays', async () => {
        await storage.createAccount(ada);
        await storage.createAccount(bea);
        const newHash = '$argon2id$v=19$m=19456,t=2,p=1$neu';
        await storage.updatePassword(ada.id, newHash);
        expect(await storage.findAccountById(ada.id)).toEqual({ ...ada, passwordHash: newHash });
        expect(await storage.findAccountByEmail(ada.email)).toEqual({ ...ada, passwordHash: newHash });
        expect(await storage.findAccountById(bea.id)).toEqual(bea);
      });

      it('ST43 listSessions lists the sessions of one account, newest first, and none of other accounts', async () => {
        await storage.createAccount(ada);
        await storage.createAccount(bea);
        await storage.createAccount(cem);
        const adas = [sessionOf(ada, 5), sessionOf(ada, 1), sessionOf(ada, 9), sessionOf(ada, 3)];
        const beas = [sessionOf(bea, 2), sessionOf(bea, 7)];
        for (const session of [adas[0], beas[0], adas[1], adas[2], beas[1], adas[3]]) if (session) await storage.createSession(session);
        const newestFirst = (sessions: Session[]) => [...sessions].sort((x, y) => y.createdAt.localeCompare(x.createdAt));
        expect(await storage.listSessions(ada.id)).toEqual(newestFirst(adas));
        expect(await storage.listSessions(bea.id)).toEqual(newestFirst(beas));
        expect(await storage.listSessions(cem.id)).toEqual([]);
        expect(await storage.listSessions(UNKNOWN_ACCOUNT)).toEqual([]);
      });

      it('ST44 deleteSessionsOf removes every session of that account and no other', async () => {
        await storage.createAccount(ada);
        await storage.createAccount(bea);
        const adas = [sessionOf(ada, 1), sessionOf(ada, 2)];
        const beas = [sessionOf(bea, 3), sessionOf(bea, 1)];
        for (const session of [...adas, ...beas]) await storage.createSession(session);
        await storage.deleteSessionsOf(ada.id);
        expect(await storage.listSessions(ada.id)).toEqual([]);
        for (const session of adas) expect(await storage.findSession(session.tokenHash)).toBeNull();
        expect(await storage.listSessions(bea.id)).toEqual([beas[0], beas[1]]);
        for (const session of beas) expect(await storage.findSession(session.tokenHash)).toEqual(session);
        await storage.deleteSessionsOf(ada.id);
        await storage.deleteSessionsOf(UNKNOWN_ACCOUNT);
        expect(await storage.listSessions(bea.id)).toHaveLength(2);
      });
    });

    describe('security events', () => {
      it('ST45 security events of an account come back as recorded, newest first, whatever the order of recording', async () => {
        await storage.createAccount(ada);
        const recorded = [
          securityEvent(ada.id, 'sign_in_failed', 2),
          securityEvent(ada.id, 'sign_in_succeeded', 3),
          securityEvent(ada.id, 'signed_out_everywhere', 10),
          securityEvent(ada.id, 'sign_in_rate_limited', 1),
          securityEvent(ada.id, 'password_changed', 6),
        ];
        for (const event of recorded) await storage.recordSecurityEvent(event);
        expect(await storage.listSecurityEvents(ada.id)).toEqual([...recorded].sort((x, y) => y.at.localeCompare(x.at)));
        expect(await storage.listSecurityEvents(UNKNOWN_ACCOUNT)).toEqual([]);
      });

      it('ST46 security events are kept apart per account', async () => {
        await storage.createAccount(ada);
        await storage.createAccount(bea);
        await storage.createAccount(cem);
        const adas = [securityEvent(ada.id, 'sign_in_succeeded', 1), securityEvent(ada.id, 'password_changed', 4)];
        const beas = [securityEvent(bea.id, 'sign_in_failed', 2), securityEvent(bea.id, 'sign_in_succeeded', 3)];
        for (const event of [adas[0], beas[0], beas[1], adas[1]]) if (event) await storage.recordSecurityEvent(event);
        expect(await storage.listSecurityEvents(ada.id)).toEqual([adas[1], adas[0]]);
        expect(await storage.listSecurityEvents(bea.id)).toEqual([beas[1], beas[0]]);
        expect(await storage.listSecurityEvents(cem.id)).toEqual([]);
      });

      it('ST47 a failed sign-in for an unknown account is recorded without an account and listed for none', async () => {
        await storage.createAccount(ada);
        const anonymous = [securityEvent(null, 'sign_in_failed', 1), securityEvent(null, 'sign_in_rate_limited', 2)];
        for (const event of anonymous) await storage.recordSecurityEvent(event);
        const adas = securityEvent(ada.id, 'sign_in_failed', 3);
        await storage.recordSecurityEvent(adas);
        expect(await storage.listSecurityEvents(ada.id)).toEqual([adas]);
        expect(await storage.listSecurityEvents(UNKNOWN_ACCOUNT)).toEqual([]);
      });

      it('ST48 addresses recorded before a cut-off are removed, the events stay; later addresses stay', async () => {
        await storage.createAccount(ada);
        const recorded = [2, 4, 6, 8].map((minute) => securityEvent(ada.id, 'sign_in_succeeded', minute));
        for (const event of [...recorded, securityEvent(null, 'sign_in_failed', 2)]) await storage.recordSecurityEvent(event);
        const cutOff = new Date(Date.parse(AT) + 5 * 60_000).toISOString();
        expect(await storage.forgetAddressesBefore(cutOff)).toBe(3);
        const kept = recorded.map((e, i) => (i < 2 ? { ...e, address: null } : e));
        expect(await storage.listSecurityEvents(ada.id)).toEqual([...kept].reverse());
        expect(await storage.forgetAddressesBefore(cutOff)).toBe(0);
      });
    });

    describe('erasure', () => {
      const ERASED_AT = '2026-04-01T12:00:00.000Z';
      const erased = (a: Account): Account => ({ ...a, name: '', email: `erased-${a.id}@invalid`, passwordHash: '', erasedAt: ERASED_AT });

      it('ST50 an erased account keeps its id; name, email and password hash are replaced and erasedAt is set', async () => {
        await storage.createAccount(ada);
        await storage.eraseAccount(ada.id, ERASED_AT);
        expect(await storage.findAccountById(ada.id)).toEqual(erased(ada));
        expect(await storage.findAccountsByIds([ada.id])).toEqual([erased(ada)]);
        expect(await storage.findAccountByEmail(`erased-${ada.id}@invalid`)).toEqual(erased(ada));
      });

      it('ST51 after erasure the old email is no longer found, in any case', async () => {
        await storage.createAccount(ada);
        await storage.eraseAccount(ada.id, ERASED_AT);
        expect(await storage.findAccountByEmail(ada.email)).toBeNull();
        expect(await storage.findAccountByEmail(ada.email.toLowerCase())).toBeNull();
        expect(await storage.findAccountByEmail(ada.email.toUpperCase())).toBeNull();
      });

      it('ST52 the erased account’s sessions and security events are gone', async () => {
        await storage.createAccount(ada);
        const sessions = [sessionOf(ada, 1), sessionOf(ada, 2)];
        for (const session of sessions) await storage.createSession(session);
        await storage.recordSecurityEvent(securityEvent(ada.id, 'sign_in_succeeded', 1));
        await storage.recordSecurityEvent(securityEvent(ada.id, 'password_changed', 2));
        await storage.eraseAccount(ada.id, ERASED_AT);
        expect(await storage.listSessions(ada.id)).toEqual([]);
        for (const session of sessions) expect(await storage.findSession(session.tokenHash)).toBeNull();
        expect(await storage.listSecurityEvents(ada.id)).toEqual([]);
      });

      it('ST53 erasure touches no other account, session or security event', async () => {
        await storage.createAccount(ada);
        await storage.createAccount(bea);
        const beasSession = sessionOf(bea, 1);
        const beasEvent = securityEvent(bea.id, 'sign_in_succeeded', 1);
        const anonymous = securityEvent(null, 'sign_in_failed', 2);
        await storage.createSession(sessionOf(ada, 1));
        await storage.createSession(beasSession);
        await storage.recordSecurityEvent(securityEvent(ada.id, 'sign_in_succeeded', 1));
        await storage.recordSecurityEvent(beasEvent);
        await storage.recordSecurityEvent(anonymous);
        await storage.eraseAccount(ada.id, ERASED_AT);
        expect(await storage.findAccountById(bea.id)).toEqual(bea);
        expect(await storage.findAccountByEmail(bea.email)).toEqual(bea);
        expect(await storage.listSessions(bea.id)).toEqual([beasSession]);
        expect(await storage.listSecurityEvents(bea.id)).toEqual([beasEvent]);
      });

      it('ST54 the old email of an erased account can be used by a new account', async () => {
        await storage.createAccount(ada);
        await storage.eraseAccount(ada.id, ERASED_AT);
        const again = account('Ada Neu', ada.email);
        await storage.createAccount(again);
        expect(await storage.findAccountByEmail(ada.email)).toEqual(again);
        expect(await storage.findAccountById(ada.id)).toEqual(erased(ada));
      });

      it('ST55 two erased accounts do not collide on their placeholder email', async () => {
        await storage.createAccount(ada);
        await storage.createAccount(bea);
        await storage.eraseAccount(ada.id, ERASED_AT);
        await storage.eraseAccount(bea.id, ERASED_AT);
        expect(byId(await storage.findAccountsByIds([ada.id, bea.id]))).toEqual(byId([erased(ada), erased(bea)]));
      });

      it('ST56 a requested erasure is pending until the account is erased; other accounts are not', async () => {
        await storage.createAccount(ada);
        await storage.createAccount(bea);
        expect(await storage.pendingErasures()).toEqual([]);
        await storage.requestErasure(ada.id, ERASED_AT);
        await storage.requestErasure(ada.id, '2026-05-01T00:00:00.000Z');
        await storage.requestErasure(UNKNOWN_ACCOUNT, ERASED_AT);
        expect(await storage.pendingErasures()).toEqual([ada.id]);
        expect(await storage.findAccountById(ada.id)).toEqual(ada);
        await storage.eraseAccount(ada.id, ERASED_AT);
        expect(await storage.pendingErasures()).toEqual([]);
        expect(await storage.findAccountById(bea.id)).toEqual(bea);
      });
    });

    describe('durability', () => {
      it('ST40 everything stored is still there after close and reopen', async ({ skip }) => {
        const reopen = harness.reopen;
        if (!reopen) return skip('this adapter keeps nothing across a reopen');
        const log = sampleLog(WS_A);
        const session: Session = { tokenHash: 'd'.repeat(64), accountId: ada.id, createdAt: AT, expiresAt: '2099-03-09T09:30:00.000Z', lastSeenAt: AT };
        const event = securityEvent(ada.id, 'sign_in_succeeded', 1);
        await storage.appendEvents(WS_A, log);
        await storage.saveSnapshot(WS_A, snapshot(WS_A, 5));
        await storage.createAccount(ada);
        await storage.createSession(session);
        await storage.recordSecurityEvent(event);
        await storage.close();
        storage = await reopen();
        expect(await storage.readEvents(WS_A, 0)).toEqual(log);
        expect(await storage.lastEvent(WS_A)).toEqual(lastOf(log));
        expect(await storage.listWorkspaceIds()).toEqual([WS_A]);
        expect(await storage.loadSnapshot(WS_A)).toEqual(snapshot(WS_A, 5));
        expect(await storage.findAccountByEmail(ada.email)).toEqual(ada);
        expect(await storage.findSession(session.tokenHash)).toEqual(session);
        expect(await storage.listSessions(ada.id)).toEqual([session]);
        expect(await storage.listSecurityEvents(ada.id)).toEqual([event]);
        await expect(storage.appendEvents(WS_A, log.slice(-1))).rejects.toBeInstanceOf(SequenceConflictError);
      });

      it('ST56 an erasure is still in force after close and reopen', async ({ skip }) => {
        const reopen = harness.reopen;
        if (!reopen) return skip('this adapter keeps nothing across a reopen');
        await storage.createAccount(ada);
        await storage.createSession(sessionOf(ada, 1));
        await storage.recordSecurityEvent(securityEvent(ada.id, 'sign_in_succeeded', 1));
        await storage.eraseAccount(ada.id, '2026-04-01T12:00:00.000Z');
        await storage.close();
        storage = await reopen();
        expect(await storage.findAccountById(ada.id)).toEqual({
          ...ada,
          name: '',
          email: `erased-${ada.id}@invalid`,
          passwordHash: '',
          erasedAt: '2026-04-01T12:00:00.000Z',
        });
        expect(await storage.findAccountByEmail(ada.email)).toBeNull();
        expect(await storage.listSessions(ada.id)).toEqual([]);
        expect(await storage.listSecurityEvents(ada.id)).toEqual([]);
      });
    });

    // The reopened storage becomes the suite's, so afterEach closes it.
    docStorageContract(() => storage, () => {
      const reopen = harness.reopen;
      return reopen && (async () => (storage = await reopen()));
    });

    describe('health', () => {
      it('ST60 an open store that can write reports healthy', async () => {
        expect(await storage.health()).toEqual({ ok: true });
      });
    });
  });
}
