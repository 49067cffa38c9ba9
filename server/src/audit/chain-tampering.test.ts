import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AppError } from '@verbund/shared/errors';
import { GENESIS_HASH, type StoredEvent } from '@verbund/shared/events';
import { auditCheckpointSchema, CHECKPOINT_VERSION, checkpointVerdictSchema, type AuditCheckpoint, type ChainVerdictInfo, type CheckpointVerdict } from '@verbund/shared/http';
import type { WorkspaceState } from '@verbund/shared/projection';
import { DEMO_WORKSPACE_ID } from '../seed/demo.js';
import type { Snapshot } from '../storage/port.js';
import { canonicalJson, sealEvent } from '../sync/hash-chain.js';
import { sealSnapshot } from '../sync/snapshot-seal.js';
import { adminPath, mustCommand } from '../test-support/admin.js';
import { demo, person, readState, request } from '../test-support/live.js';
import { restartableServers } from '../test-support/restartable.js';
import type { TestServer } from '../test-support/test-server.js';
import { deriveAuditKeys, type AuditKeys } from './audit-key.js';
import { issueCheckpoint } from './checkpoint.js';

/**
 * Issue 8, item 7 (rule S9): whoever holds the database file but not the audit key cannot rewrite
 * history undetected. The real server over its real SQLite file; the file is changed behind its
 * back with better-sqlite3 while it is stopped, as someone with a copy of the data volume would.
 */
const { start, logs } = restartableServers();

const stefan = person('stefan');
const anna = person('anna');
const OTHER_KEYS = deriveAuditKeys(Buffer.alloc(32, 0x5a));

/** A server with a few edits, among them Anna's comment; returns it and that comment's event. */
async function serverWithHistory(): Promise<{ server: TestServer; comment: StoredEvent }> {
  const server = await start();
  const cookie = await server.login(anna.email);
  const card = demo.createCard({ title: 'Gemeinsame Poststelle' });
  await mustCommand(server, cookie, card);
  const { events } = await mustCommand(server, cookie, demo.addComment(card.payload.cardId, 'Wir sind dafür.'));
  await mustCommand(server, cookie, demo.updateCard(card.payload.cardId, { status: 'review' }));
  const comment = events[0];
  if (comment?.type !== 'comment.added') throw new Error('no comment event');
  return { server, comment };
}

/** Opens the stopped server's database file directly. */
function database(server: TestServer): Database.Database {
  return new Database(join(server.dataDir, 'verbund.sqlite'));
}

function storedEvents(db: Database.Database): StoredEvent[] {
  const rows = db.prepare<[string], { body: string }>('SELECT body FROM events WHERE workspace_id = ? ORDER BY seq').all(DEMO_WORKSPACE_ID);
  return rows.map((row) => JSON.parse(row.body) as StoredEvent);
}

function writeEvents(db: Database.Database, events: StoredEvent[]): void {
  const update = db.prepare('UPDATE events SET body = ? WHERE workspace_id = ? AND seq = ?');
  db.transaction(() => {
    for (const event of events) update.run(JSON.stringify(event), DEMO_WORKSPACE_ID, event.seq);
  })();
}

type Sealer = (prevHash: string, event: StoredEvent) => StoredEvent;
const plainSha256: Sealer = (prevHash, { hash: _h, prevHash: _p, ...event }) => {
  const hash = createHash('sha256').update(`${prevHash}\n${canonicalJson(event)}`).digest('hex');
  return { ...event, prevHash, hash };
};
const anotherKey: Sealer = (prevHash, event) => sealEvent(OTHER_KEYS, prevHash, event);
const SEALERS = { 'plain sha256': plainSha256, 'another key': anotherKey };

/** Re-seals every event from `fromSeq` on, continuing from the untouched event before it. */
function reseal(events: StoredEvent[], fromSeq: number, seal: Sealer): StoredEvent[] {
  let prevHash = events.find((e) => e.seq === fromSeq - 1)?.hash ?? GENESIS_HASH;
  return events
    .filter((e) => e.seq >= fromSeq)
    .map((event) => {
      const sealed = seal(prevHash, event);
      prevHash = sealed.hash;
      return sealed;
    });
}

async function verify(server: TestServer): Promise<ChainVerdictInfo> {
  const answer = await request(server, 'GET', adminPath('audit/verify'), { cookie: await server.login(stefan.email) });
  expect(answer.status).toBe(200);
  return answer.body as ChainVerdictInfo;
}

describe('chain tampering by someone with the database file but not the key (issue 8, item 7)', () => {
  it('S9 the untouched log of a running server verifies', async () => {
    const { server } = await serverWithHistory();
    expect(await verify(server)).toMatchObject({ ok: true });
  });

  it.each([
    ['plain sha256', 'comment'],
    ['another key', 'comment'],
    ['plain sha256', 'genesis'],
    ['another key', 'genesis'],
  ] as const)('S9 a past comment rewritten and the chain re-sealed with %s from the %s on is detected there', async (how, from) => {
    const seal = SEALERS[how];
    const { server, comment } = await serverWithHistory();
    await server.close();
    const db = database(server);
    const events = storedEvents(db);
    const rewritten = events.map((e) => (e.seq === comment.seq && e.type === 'comment.added' ? { ...e, data: { comment: { ...e.data.comment, body: 'Wir sind dagegen.' } } } : e));
    const fromSeq = from === 'genesis' ? 1 : comment.seq;
    writeEvents(db, reseal(rewritten, fromSeq, seal));
    db.close();

    const again = await start(server.dataDir);
    expect(await verify(again)).toEqual({ ok: false, checked: fromSeq - 1, brokenAt: fromSeq, reason: 'content does not match its hash' });
    // The server said so when it read the log, too.
    expect(logs.some((line) => line.startsWith('AUDIT:') && line.includes(`broken at seq ${fromSeq} `))).toBe(true);
  });

  it('S9 a snapshot of a log rewritten before it is not used: the log is replayed and the break reported', async () => {
    const { server } = await serverWithHistory();
    await server.close();
    const db = database(server);
    const { seq } = readSnapshot(db);
    const events = storedEvents(db);
    // The snapshot's own event is rewritten and re-sealed with a guessed key from there on.
    writeEvents(db, reseal(events.map((e) => (e.seq === seq ? { ...e, at: '2020-01-01T00:00:00.000Z' } : e)), seq, anotherKey));
    db.close();
    logs.length = 0;
    const again = await start(server.dataDir);
    expect(await verify(again)).toMatchObject({ ok: false, brokenAt: seq });
    expect(logs).toContainEqual(expect.stringMatching(new RegExp(`snapshot of workspace ${DEMO_WORKSPACE_ID} is not used because event ${seq} .* the log was rewritten`)));
  });
});

function readSnapshot(db: Database.Database): Snapshot {
  const row = db.prepare<[string], { body: string }>('SELECT body FROM snapshots WHERE workspace_id = ?').get(DEMO_WORKSPACE_ID);
  if (!row) throw new Error('the server wrote no snapshot');
  return JSON.parse(row.body) as Snapshot;
}

function writeSnapshot(db: Database.Database, snapshot: Snapshot): void {
  db.prepare('UPDATE snapshots SET seq = ?, body = ? WHERE workspace_id = ?').run(snapshot.seq, JSON.stringify(snapshot), DEMO_WORKSPACE_ID);
}

/** The snapshot's state with Anna made an admin. */
function promoteAnna(state: WorkspaceState): WorkspaceState {
  const member = state.members[anna.id];
  if (!member) throw new Error('anna is no member');
  return { ...state, members: { ...state.members, [anna.id]: { ...member, roles: ['member', 'admin'] } } };
}

describe('forged snapshots (issue 8, item 7)', () => {
  const forgeries: [string, (snapshot: Snapshot, keys: AuditKeys) => Snapshot][] = [
    ['its MAC left as it was', (s) => ({ ...s, state: promoteAnna(s.state) })],
    ['a MAC under another key', (s) => sealSnapshot(OTHER_KEYS, DEMO_WORKSPACE_ID, { ...s, state: promoteAnna(s.state) })],
    ['no MAC at all', ({ mac: _mac, ...s }) => ({ ...s, state: promoteAnna(s.state) }) as Snapshot],
  ];

  it.each(forgeries)('S9 a snapshot that makes a member admin, with %s, is discarded and the state rebuilt from the log', async (_how, forge) => {
    const { server } = await serverWithHistory();
    await server.close();
    const db = database(server);
    writeSnapshot(db, forge(readSnapshot(db), server.auditKeys));
    db.close();
    logs.length = 0;

    const again = await start(server.dataDir);
    const cookie = await again.login(anna.email);
    expect((await readState(again, cookie)).members[anna.id]?.roles).toEqual(['member']);
    expect((await request(again, 'GET', adminPath('audit/verify'), { cookie })).status).toBe(403);
    expect(logs).toContainEqual(expect.stringMatching(new RegExp(`AUDIT: the snapshot of workspace ${DEMO_WORKSPACE_ID} is not used because (its MAC does not verify|it is malformed)`)));
    expect(await verify(again)).toMatchObject({ ok: true });
  });

  it('S9 a snapshot sealed with the real key is used as it is: the key holder is trusted (docs/security.md, "The audit chain")', async () => {
    const { server } = await serverWithHistory();
    await server.close();
    const db = database(server);
    const snapshot = readSnapshot(db);
    writeSnapshot(db, sealSnapshot(server.auditKeys, DEMO_WORKSPACE_ID, { ...snapshot, state: promoteAnna(snapshot.state) }));
    db.close();
    logs.length = 0;

    const again = await start(server.dataDir);
    expect((await readState(again, await again.login(anna.email))).members[anna.id]?.roles).toEqual(['member', 'admin']);
    expect(logs.filter((line) => line.startsWith('AUDIT:'))).toEqual([]);
  });

  it('S9 a snapshot of another workspace, sealed for that one, is not used here', async () => {
    const { server } = await serverWithHistory();
    await server.close();
    const db = database(server);
    const snapshot = readSnapshot(db);
    writeSnapshot(db, sealSnapshot(server.auditKeys, 'b3a1c0de-0000-4000-8000-000000000001', { ...snapshot, state: promoteAnna(snapshot.state) }));
    db.close();
    logs.length = 0;

    const again = await start(server.dataDir);
    expect((await readState(again, await again.login(anna.email))).members[anna.id]?.roles).toEqual(['member']);
    expect(logs).toContainEqual(expect.stringMatching(/its MAC does not verify/));
  });
});

async function downloadCheckpoint(server: TestServer): Promise<AuditCheckpoint> {
  const answer = await request(server, 'GET', adminPath('audit/checkpoint'), { cookie: await server.login(stefan.email) });
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="verbund-pruefpunkt-\d+\.json"$/);
  return auditCheckpointSchema.parse(answer.body);
}

async function verifyCheckpoint(server: TestServer, checkpoint: unknown): Promise<{ status: number; body: unknown }> {
  return request(server, 'POST', adminPath('audit/verify-checkpoint'), { cookie: await server.login(stefan.email), body: checkpoint });
}

async function verdictFor(server: TestServer, checkpoint: AuditCheckpoint): Promise<CheckpointVerdict> {
  const answer = await verifyCheckpoint(server, checkpoint);
  expect(answer.status).toBe(200);
  return checkpointVerdictSchema.parse(answer.body);
}

describe('checkpoints kept by partners (issue 8, item 7)', () => {
  it('S9 the checkpoint file format is version 1', () => {
    expect(CHECKPOINT_VERSION).toBe(1);
  });

  it('S9 a checkpoint names the head of the log, and still verifies after the log has grown', async () => {
    const { server } = await serverWithHistory();
    const checkpoint = await downloadCheckpoint(server);
    const head = (await server.storage.lastEvent(DEMO_WORKSPACE_ID)) as StoredEvent;
    expect(checkpoint).toMatchObject({ v: 1, workspaceId: DEMO_WORKSPACE_ID, seq: head.seq, hash: head.hash });
    await mustCommand(server, await server.login(anna.email), demo.createCard({ title: 'Danach' }));
    expect(await verdictFor(server, checkpoint)).toEqual({ ok: true, seq: head.seq, headSeq: head.seq + 1 });
  });

  it('S9 deleting the newest events passes the plain check but not a kept checkpoint', async () => {
    const { server } = await serverWithHistory();
    const checkpoint = await downloadCheckpoint(server);
    await server.close();
    const db = database(server);
    // A careful intruder removes the snapshot too, so nothing on the server remembers the lost events.
    db.prepare('DELETE FROM events WHERE workspace_id = ? AND seq > ?').run(DEMO_WORKSPACE_ID, checkpoint.seq - 2);
    db.prepare('DELETE FROM snapshots WHERE workspace_id = ?').run(DEMO_WORKSPACE_ID);
    db.close();

    const again = await start(server.dataDir);
    expect(await verify(again)).toEqual({ ok: true, checked: checkpoint.seq - 2 });
    expect(await verdictFor(again, checkpoint)).toMatchObject({ ok: false, problem: 'truncated', seq: checkpoint.seq, headSeq: checkpoint.seq - 2, brokenAt: null });
  });

  it('S9 history rewritten and re-sealed with the real key (by whoever holds it) passes the plain check but not a kept checkpoint', async () => {
    const { server, comment } = await serverWithHistory();
    const checkpoint = await downloadCheckpoint(server);
    await server.close();
    const db = database(server);
    const events = storedEvents(db).map((e) => (e.seq === comment.seq && e.type === 'comment.added' ? { ...e, data: { comment: { ...e.data.comment, body: 'Wir sind dagegen.' } } } : e));
    writeEvents(db, reseal(events, comment.seq, (prevHash, event) => sealEvent(server.auditKeys, prevHash, event)));
    db.close();

    const again = await start(server.dataDir);
    expect(await verify(again)).toMatchObject({ ok: true });
    expect(await verdictFor(again, checkpoint)).toMatchObject({ ok: false, problem: 'diverged', brokenAt: checkpoint.seq });
  });

  it('S9 history rewritten without the key before the checkpoint is reported broken at the rewritten event', async () => {
    const { server, comment } = await serverWithHistory();
    const checkpoint = await downloadCheckpoint(server);
    await server.close();
    const db = database(server);
    const events = storedEvents(db).map((e) => (e.seq === comment.seq ? { ...e, at: '2020-01-01T00:00:00.000Z' } : e));
    writeEvents(db, reseal(events, comment.seq, plainSha256));
    db.close();

    const again = await start(server.dataDir);
    expect(await verdictFor(again, checkpoint)).toMatchObject({ ok: false, problem: 'broken', brokenAt: comment.seq });
  });

  it('S9 a broken log gets no checkpoint', async () => {
    const { server, comment } = await serverWithHistory();
    await server.close();
    const db = database(server);
    writeEvents(db, storedEvents(db).filter((e) => e.seq === comment.seq).map((e) => ({ ...e, at: '2020-01-01T00:00:00.000Z' })));
    db.close();
    const again = await start(server.dataDir);
    const answer = await request(again, 'GET', adminPath('audit/checkpoint'), { cookie: await again.login(stefan.email) });
    expect(answer.status).toBe(409);
    const error = answer.body as AppError;
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(`broken at seq ${comment.seq}`);
  });

  it('S9 S11 a forged or foreign checkpoint is refused with a clear error and changes nothing', async () => {
    const { server } = await serverWithHistory();
    const genuine = await downloadCheckpoint(server);
    const older = (await server.storage.readEvents(DEMO_WORKSPACE_ID, 2, 1))[0] as StoredEvent;
    const before = (await server.storage.lastEvent(DEMO_WORKSPACE_ID))?.seq;
    const forged: [string, unknown, string][] = [
      ['another seq', { ...genuine, seq: older.seq, hash: older.hash }, 'mac'],
      ['another time', { ...genuine, at: '2030-01-01T00:00:00.000Z' }, 'mac'],
      ['signed with another key', issueCheckpoint(OTHER_KEYS, DEMO_WORKSPACE_ID, { seq: genuine.seq, hash: genuine.hash }, genuine.at), 'mac'],
      ['of another workspace', issueCheckpoint(server.auditKeys, 'b3a1c0de-0000-4000-8000-000000000001', genuine, genuine.at), 'workspaceId'],
      ['without its mac', { ...genuine, mac: undefined }, 'mac'],
      ['with an extra field', { ...genuine, admin: true }, ''],
      ['of a newer version', { ...genuine, v: 2 }, 'v'],
    ];
    for (const [what, body, path] of forged) {
      const answer = await verifyCheckpoint(server, body);
      expect([what, answer.status]).toEqual([what, 400]);
      const error = answer.body as AppError;
      expect([what, error.code, error.issues?.map((issue) => issue.path)]).toEqual([what, 'invalid_payload', [path]]);
    }
    expect((await server.storage.lastEvent(DEMO_WORKSPACE_ID))?.seq).toBe(before);
    expect(await verdictFor(server, genuine)).toMatchObject({ ok: true });
  });
});
