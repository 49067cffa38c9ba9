import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR_ID, type StoredEvent } from '@verbund/shared/events';
import { DEMO_PEOPLE, DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { openSqliteStorage } from '../storage/sqlite-storage.js';
import { demo, person, readState } from '../test-support/live.js';
import { startTestServer, submit, type TestServer } from '../test-support/test-server.js';
import { verifyChain } from './hash-chain.js';

const open: TestServer[] = [];
async function start(dataDir?: string): Promise<TestServer> {
  const server = await startTestServer({ dataDir });
  open.push(server);
  return server;
}
afterAll(async () => {
  for (const server of open.reverse()) await server.close({ removeData: true }).catch(() => undefined);
});

async function someEdits(server: TestServer): Promise<void> {
  for (const who of ['anna', 'lena']) {
    const { socket } = await server.connect(await server.login(person(who).email));
    const card = demo.createCard({ title: `Von ${who}` });
    for (const command of [card, demo.updateCard(card.payload.cardId, { status: 'agreed' }), demo.addComment(card.payload.cardId, 'ok')]) {
      expect((await submit(socket, command)).ok).toBe(true);
    }
    socket.disconnect();
  }
}

const eventsOf = (server: TestServer) => server.storage.readEvents(DEMO_WORKSPACE_ID, 0);

describe('the stored log', () => {
  it('S9 the hash chain of the stored log verifies', async () => {
    const server = await start();
    await someEdits(server);
    const events = await eventsOf(server);
    expect(verifyChain(server.auditKeys, events)).toMatchObject({ ok: true, checked: events.length });
    expect(events.length).toBe((await readState(server, await server.login(person('anna').email))).seq);
  });

  it('S9 an event edited directly in SQLite is detected at its seq', async () => {
    const server = await start();
    await someEdits(server);
    const events = await eventsOf(server);
    const victim = events.find((e) => e.type === 'card.updated' && e.actorId === person('lena').id) as StoredEvent;
    expect(victim).toBeDefined();
    await server.close();
    const db = new Database(join(server.dataDir, 'verbund.sqlite'));
    const row = db.prepare<[string, number], { body: string }>('SELECT body FROM events WHERE workspace_id = ? AND seq = ?').get(DEMO_WORKSPACE_ID, victim.seq);
    const forged = JSON.parse(row?.body ?? '{}') as StoredEvent & { data: { changes: { status: string } } };
    forged.data.changes.status = 'dropped';
    db.prepare('UPDATE events SET body = ? WHERE workspace_id = ? AND seq = ?').run(JSON.stringify(forged), DEMO_WORKSPACE_ID, victim.seq);
    db.close();
    const storage = openSqliteStorage(join(server.dataDir, 'verbund.sqlite'));
    const verdict = verifyChain(server.auditKeys, await storage.readEvents(DEMO_WORKSPACE_ID, 0));
    await storage.close();
    expect(verdict).toMatchObject({ ok: false, brokenAt: victim.seq });
  });

  it('S9 an event deleted directly in SQLite is detected at the gap', async () => {
    const server = await start();
    await someEdits(server);
    await server.close();
    const db = new Database(join(server.dataDir, 'verbund.sqlite'));
    db.prepare('DELETE FROM events WHERE workspace_id = ? AND seq = ?').run(DEMO_WORKSPACE_ID, 20);
    db.close();
    const storage = openSqliteStorage(join(server.dataDir, 'verbund.sqlite'));
    const verdict = verifyChain(server.auditKeys, await storage.readEvents(DEMO_WORKSPACE_ID, 0));
    await storage.close();
    expect(verdict).toMatchObject({ ok: false, brokenAt: 21 });
  });

  it('S3 data is still there after the server is closed and a new one started on the same data directory', async () => {
    const first = await start();
    await someEdits(first);
    const cookie = await first.login(person('anna').email);
    const before = await readState(first, cookie);
    await first.close();

    const second = await start(first.dataDir);
    const again = await second.login(person('anna').email);
    expect(await readState(second, again)).toEqual(before);
    const { socket } = await second.connect(again, { lastSeq: before.seq });
    const card = demo.createCard({ title: 'Nach dem Neustart' });
    const answer = await submit(socket, card);
    expect(answer.ok && answer.value.seq).toBe(before.seq + 1);
    socket.disconnect();
    expect(verifyChain(second.auditKeys, await eventsOf(second))).toMatchObject({ ok: true, checked: before.seq + 1 });
  });

  it('every event records the acting person and their partner by id, never by name', async () => {
    const server = await start();
    await someEdits(server);
    const events = await eventsOf(server);
    const byCommand = events.filter((e) => e.commandId !== null);
    expect(byCommand.length).toBe(6);
    for (const who of ['anna', 'lena']) {
      const p = person(who);
      const theirs = byCommand.filter((e) => e.actorId === p.id);
      expect(theirs.map((e) => e.type)).toEqual(['card.created', 'card.updated', 'comment.added']);
      for (const e of theirs) expect(e.partnerId).toBe(p.partnerId);
      const serialized = JSON.stringify(theirs);
      expect(serialized).not.toContain(p.name);
      expect(serialized).not.toContain(p.email);
    }
    const partnerOf = new Map<string, string | null>(DEMO_PEOPLE.map((p) => [p.id, p.partnerId]));
    partnerOf.set(SYSTEM_ACTOR_ID, null);
    for (const e of events) expect(partnerOf.get(e.actorId), `seq ${e.seq}`).toBe(e.partnerId);
  });
});
