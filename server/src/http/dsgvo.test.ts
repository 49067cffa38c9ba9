import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '@verbund/shared/events';
import type { Person } from '@verbund/shared/model';
import { DEMO_PARTNERS, DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { adminPath, mustCommand, workspacePath } from '../test-support/admin.js';
import { demo, openSocket, person, readState, request } from '../test-support/live.js';
import { eventually, startTestServer, type TestServer } from '../test-support/test-server.js';

/**
 * Personal data (DSGVO Art. 15, 17, 20; rules S9 and A9 in docs/protocol.md): a person downloads
 * what is held about them; an admin erases a person, whose contributions stay and whose name and
 * email leave the database files; the hash chain still verifies (people are in events by id only).
 */
let server: TestServer;
let stefan: string;
let anna: string;
const annaId = person('anna').id;
const { name: NAME, email: EMAIL } = person('anna');
let card = '';
let comment = '';

beforeAll(async () => {
  server = await startTestServer();
  [stefan, anna] = await Promise.all([server.login(person('stefan').email), server.login(EMAIL)]);
  const create = demo.createCard({ title: 'Von Anna' });
  await mustCommand(server, anna, create);
  const add = demo.addComment(create.payload.cardId, 'Annas Kommentar');
  await mustCommand(server, anna, add);
  [card, comment] = [create.payload.cardId, add.payload.commentId];
});
afterAll(() => server.close({ removeData: true }));

/** Every file of the SQLite database (main file, write-ahead log, shared memory) as raw bytes. */
function databaseBytes(): Buffer {
  const base = join(server.dataDir, 'verbund.sqlite');
  return Buffer.concat([base, `${base}-wal`, `${base}-shm`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}

describe('DSGVO', () => {
  it('A9 a person downloads their data: account, memberships, sessions, security events and their own events', async () => {
    const answer = await request(server, 'GET', '/api/account/export', { cookie: anna });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.json"/);
    const data = answer.body as {
      account: { id: string; name: string; email: string };
      memberships: { workspaceId: string; partnerId: string }[];
      sessions: unknown[];
      securityEvents: { kind: string }[];
      contributions: { workspaceId: string; events: StoredEvent[] }[];
    };
    expect(data.account).toMatchObject({ id: annaId, name: NAME, email: EMAIL });
    expect(data.account).not.toHaveProperty('passwordHash');
    expect(data.memberships).toEqual([expect.objectContaining({ workspaceId: DEMO_WORKSPACE_ID, partnerId: DEMO_PARTNERS.wob.id })]);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.securityEvents.map((e) => e.kind)).toContain('sign_in_succeeded');
    const events = data.contributions.flatMap((c) => c.events);
    expect(events.every((e) => e.actorId === annaId)).toBe(true);
    expect(events.map((e) => e.commandId ? e.type : null).filter(Boolean)).toEqual(['card.created', 'comment.added']);
    expect(JSON.stringify(data)).not.toContain(person('stefan').email);
  });

  it('A9 an admin erases a person: sockets closed, account data gone from the files, contributions kept, chain verifies', async () => {
    expect(databaseBytes().includes(EMAIL)).toBe(true);
    const { socket } = await server.connect(anna);
    await mustCommand(server, stefan, demo.eraseMember(annaId));
    await eventually(() => !socket.connected, 2_000);
    await expect.poll(async () => (await server.storage.findAccountById(annaId))?.erasedAt ?? null).not.toBeNull();

    const bytes = databaseBytes();
    for (const needle of [NAME, EMAIL, 'anna.schulz', 'Schulz']) expect([needle, bytes.includes(needle)]).toEqual([needle, false]);

    const people = (await request(server, 'GET', workspacePath('people'), { cookie: stefan })).body as Person[];
    expect(people.find((p) => p.id === annaId)).toEqual({ id: annaId, name: '', partnerId: DEMO_PARTNERS.wob.id, roles: ['member'], active: false, erased: true });

    const state = await readState(server, stefan);
    expect(state.cards[card]).toMatchObject({ title: 'Von Anna', createdBy: annaId });
    expect(state.comments[card]?.map((c) => [c.id, c.authorId, c.body])).toEqual([[comment, annaId, 'Annas Kommentar']]);
    const history = (await request(server, 'GET', workspacePath(`cards/${card}/history`), { cookie: stefan })).body as StoredEvent[];
    expect(history.map((e) => [e.type, e.actorId, e.partnerId])).toEqual([
      ['card.created', annaId, DEMO_PARTNERS.wob.id],
      ['comment.added', annaId, DEMO_PARTNERS.wob.id],
    ]);

    const verify = await request(server, 'GET', adminPath('audit/verify'), { cookie: stefan });
    expect(verify.body).toEqual({ ok: true, checked: state.seq });
  });

  it('A9 the erased person can no longer sign in, and their old cookie is dead', async () => {
    expect((await request(server, 'POST', '/api/auth/login', { body: { email: EMAIL, password: 'verbund-demo' } })).status).toBe(401);
    expect((await request(server, 'GET', '/api/auth/me', { cookie: anna })).status).toBe(401);
    expect((await openSocket(server, { cookie: anna })).refusal?.code).toBe('unauthenticated');
  });

  it('an erased person cannot be changed any more, and an admin cannot erase themselves', async () => {
    for (const command of [demo.reactivateMember(annaId), demo.setRoles(annaId, ['member']), demo.eraseMember(annaId), demo.eraseMember(person('stefan').id)]) {
      const answer = await request(server, 'POST', workspacePath('commands'), { cookie: stefan, body: command });
      expect([command.type, answer.status]).toEqual([command.type, 409]);
    }
  });
});
