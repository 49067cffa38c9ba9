import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SLICE_VERSIONS, type WorkspaceState } from '@verbund/shared/projection';
import { DEMO_WORKSPACE_ID } from '../seed/demo.js';
import type { Snapshot } from '../storage/port.js';
import { mustCommand } from '../test-support/admin.js';
import { demo, person, readState } from '../test-support/live.js';
import { restartableServers } from '../test-support/restartable.js';
import type { TestServer } from '../test-support/test-server.js';
import { sealSnapshot } from './snapshot-seal.js';

/**
 * Issue 9 item 3: a stored snapshot carries each slice's version; on load an older slice is
 * migrated or that slice alone is rebuilt from the log, never silently discarded. The real server
 * over its real SQLite file; the snapshot is rewritten while it is stopped, as an older server
 * version would have left it.
 */
const { start, logs } = restartableServers();

const anna = person('anna');

/** A server with cards and a comment after its last snapshot was taken; stopped; with the state it had. */
async function stoppedServer(): Promise<{ server: TestServer; state: WorkspaceState }> {
  const server = await start();
  const cookie = await server.login(anna.email);
  for (const title of ['Gemeinsame Poststelle', 'E-Akte', 'Bürgerkonto']) {
    const card = demo.createCard({ title });
    await mustCommand(server, cookie, card);
    await mustCommand(server, cookie, demo.addComment(card.payload.cardId, `Zu ${title}: dafür.`));
  }
  const state = await readState(server, cookie);
  await server.close();
  return { server, state };
}

function withDatabase<T>(server: TestServer, work: (db: Database.Database) => T): T {
  const db = new Database(join(server.dataDir, 'verbund.sqlite'));
  try {
    return work(db);
  } finally {
    db.close();
  }
}

function readSnapshot(db: Database.Database): Snapshot {
  const row = db.prepare<[string], { body: string }>('SELECT body FROM snapshots WHERE workspace_id = ?').get(DEMO_WORKSPACE_ID);
  if (!row) throw new Error('the server wrote no snapshot');
  return JSON.parse(row.body) as Snapshot;
}

function writeSnapshot(db: Database.Database, snapshot: Snapshot): void {
  db.prepare('UPDATE snapshots SET seq = ?, body = ? WHERE workspace_id = ?').run(snapshot.seq, JSON.stringify(snapshot), DEMO_WORKSPACE_ID);
}

/** Rewrites the stored snapshot, sealed with the real key as `versions` say an older server wrote it. */
function rewriteSnapshot(server: TestServer, change: (state: WorkspaceState) => WorkspaceState, versions: { v: number; slices?: Record<string, number> }): Snapshot {
  return withDatabase(server, (db) => {
    const stored = readSnapshot(db);
    const rewritten = sealSnapshot(server.auditKeys, DEMO_WORKSPACE_ID, { seq: stored.seq, hash: stored.hash, state: change(stored.state) }, versions);
    writeSnapshot(db, rewritten);
    return rewritten;
  });
}

/** Anna made an admin in the snapshot only: if the state shows it, the snapshot's admin slice was used. */
function promoteAnna(state: WorkspaceState): WorkspaceState {
  const member = state.members[anna.id];
  if (!member) throw new Error('anna is no member');
  return { ...state, members: { ...state.members, [anna.id]: { ...member, roles: ['member', 'admin'] } } };
}

const withoutSeq = ({ seq: _seq, ...rest }: WorkspaceState) => rest;

describe('snapshots that migrate (issue 9 item 3)', () => {
  it('a slice stored at a version this server has no migration for is rebuilt from the log; the other slices are used; a fresh snapshot is written', async () => {
    const { server, state } = await stoppedServer();
    const planted = rewriteSnapshot(server, (s) => promoteAnna({ ...s, cards: {}, boards: {} }), { v: 5, slices: { ...SLICE_VERSIONS, board: 0 } });
    logs.length = 0;

    const again = await start(server.dataDir);
    const after = await readState(again, await again.login(anna.email));
    expect(after.cards).toEqual(state.cards);
    expect(after.boards).toEqual(state.boards);
    expect(after.comments).toEqual(state.comments);
    expect(after.members[anna.id]?.roles).toEqual(['member', 'admin']);
    expect(logs).toContainEqual(expect.stringMatching(/slices this server cannot migrate: board \(stored 0, now 1\); they are rebuilt from the log/));
    expect(logs.filter((line) => line.startsWith('AUDIT:'))).toEqual([]);

    await again.close();
    const rewritten = withDatabase(again, readSnapshot);
    expect(rewritten.slices).toEqual(SLICE_VERSIONS);
    expect(rewritten.seq).toBeGreaterThanOrEqual(planted.seq);
  });

  it('a slice that fails its schema is rebuilt alone, and so is one stored by a newer server', async () => {
    const { server, state } = await stoppedServer();
    const garbled = (s: WorkspaceState) => promoteAnna({ ...s, comments: { nonsense: [{ id: 'no uuid' }] } as unknown as WorkspaceState['comments'] });
    rewriteSnapshot(server, garbled, { v: 5, slices: { ...SLICE_VERSIONS, votes: 9 } });
    logs.length = 0;

    const again = await start(server.dataDir);
    const after = await readState(again, await again.login(anna.email));
    expect(after.comments).toEqual(state.comments);
    expect(after.votes).toEqual(state.votes);
    expect(after.cards).toEqual(state.cards);
    expect(after.members[anna.id]?.roles).toEqual(['member', 'admin']);
    expect(logs).toContainEqual(expect.stringMatching(/comments \(stored 1, now 1\), votes \(stored 9, now 1\)/));
  });

  it('a snapshot of envelope version 4 (before slice versions) is read as every slice at version 1, not discarded', async () => {
    const { server, state } = await stoppedServer();
    rewriteSnapshot(server, promoteAnna, { v: 4 });
    logs.length = 0;

    const again = await start(server.dataDir);
    const after = await readState(again, await again.login(anna.email));
    expect(after.members[anna.id]?.roles).toEqual(['member', 'admin']);
    expect(withoutSeq({ ...after, members: state.members })).toEqual(withoutSeq(state));
    expect(logs).toEqual([]);
  });

  it('an envelope version this server does not know is not used, and says so', async () => {
    const { server, state } = await stoppedServer();
    rewriteSnapshot(server, promoteAnna, { v: 6, slices: { ...SLICE_VERSIONS } });
    logs.length = 0;

    const again = await start(server.dataDir);
    const after = await readState(again, await again.login(anna.email));
    expect(after.members[anna.id]?.roles).toEqual(['member']);
    expect(withoutSeq(after)).toEqual(withoutSeq(state));
    expect(logs).toContainEqual(expect.stringMatching(/stored as version 6, this server reads versions 4 and 5/));
  });
});
