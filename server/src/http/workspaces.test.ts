import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@verbund/shared/protocol';
import type { Command } from '@verbund/shared/commands';
import type { Me } from '@verbund/shared/http';
import { DEMO_BOARD_ID, DEMO_PARTNERS, DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { adminPath, berlinDay, errorOf, invite, mustCommand, postCommand, workspacePath } from '../test-support/admin.js';
import { commandsFor } from '../test-support/builders.js';
import { demo, openSocket, person, readState, request } from '../test-support/live.js';
import { startTestServer, submit, type TestServer } from '../test-support/test-server.js';

/**
 * Several workspaces on one installation (rule S2 and A5 in docs/protocol.md): a person can belong
 * to more than one; nothing of one is visible or reachable from the other, not even by id.
 */
let server: TestServer;
let anna: string;
let stefan: string;
let B = '';
let boardB = '';
let partnerB = '';
const inA: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  [anna, stefan] = await Promise.all([server.login(person('anna').email), server.login(person('stefan').email)]);
  const card = demo.createCard({ title: 'Nur in A' });
  await mustCommand(server, anna, card);
  const appoint = demo.appointDeputy(person('anna').id, berlinDay(new Date()), berlinDay(new Date(), 3));
  await mustCommand(server, await server.login(person('thomas').email), appoint);
  const invitation = await invite(server, stefan, { partnerId: DEMO_PARTNERS.wob.id, roles: ['member'] });
  Object.assign(inA, { card: card.payload.cardId, deputyship: appoint.payload.deputyshipId, invitation: invitation.invitationId });
}, 30_000);
afterAll(() => server.close({ removeData: true }));

describe('several workspaces', () => {
  it('A5 any signed-in person creates a workspace and is its first admin; /me lists both memberships', async () => {
    const created = await request(server, 'POST', '/api/workspaces', {
      cookie: anna,
      body: { name: 'Kooperation Harz', partnerName: 'Stadt Goslar', partnerShortName: 'GS' },
    });
    expect(created.status).toBe(201);
    B = (created.body as { workspaceId: string }).workspaceId;
    const me = (await request(server, 'GET', '/api/auth/me', { cookie: anna })).body as Me;
    expect(me.memberships.map((m) => [m.workspaceId, m.roles])).toEqual(
      expect.arrayContaining([
        [DEMO_WORKSPACE_ID, ['member']],
        [B, ['member', 'admin']],
      ]),
    );
    expect(me.memberships.find((m) => m.workspaceId === B)?.abilities).toContain('workspace.admin');
    const state = await readState(server, anna, B);
    boardB = Object.keys(state.boards)[0] ?? '';
    partnerB = Object.keys(state.partners)[0] ?? '';
    expect(state.name).toBe('Kooperation Harz');
    expect(Object.keys(state.cards)).toEqual([]);
    expect(Object.keys(state.members)).toEqual([person('anna').id]);
  });

  it('A5 she switches between them: one socket per workspace, each sees only its own events', async () => {
    const a = await server.connect(anna);
    const b = await server.connect(anna, { workspaceId: B });
    const seenInA: string[] = [];
    a.socket.on('events:appended', (events) => seenInA.push(...events.map((e) => e.workspaceId)));
    const inB = commandsFor(B, boardB).createCard({ title: 'Nur in B' });
    const result = await submit(b.socket, inB);
    expect(result.ok).toBe(true);
    await mustCommand(server, anna, demo.createCard({ title: 'Noch eine in A' }));
    await expect.poll(() => seenInA.length).toBeGreaterThan(0);
    expect(seenInA.every((w) => w === DEMO_WORKSPACE_ID)).toBe(true);
    expect((await readState(server, anna)).cards[inB.payload.cardId]).toBeUndefined();
    a.socket.disconnect();
    b.socket.disconnect();
  });

  it('S2 a non-member of B gets 404 for every endpoint of B and a forbidden handshake', async () => {
    const paths = [workspacePath('state', B), workspacePath('people', B), workspacePath(`cards/${inA.card}/history`, B), adminPath('audit', B), adminPath('audit/verify', B)];
    for (const path of paths) expect([path, (await request(server, 'GET', path, { cookie: stefan })).status]).toEqual([path, 404]);
    const post = await request(server, 'POST', adminPath('invitations', B), { cookie: stefan, body: { partnerId: partnerB, roles: ['member'], expiresInDays: 1 } });
    expect(post.status).toBe(404);
    expect((await postCommand(server, stefan, commandsFor(B, boardB).createCard())).status).toBe(404);
    expect((await openSocket(server, { cookie: stefan, auth: { protocolVersion: PROTOCOL_VERSION, workspaceId: B } })).refusal?.code).toBe('forbidden');
  });

  it('S2 ids of A used in B are not found: A\'s card in B\'s history, A\'s workspace id on B\'s endpoint', async () => {
    expect((await request(server, 'GET', workspacePath(`cards/${inA.card}/history`, B), { cookie: anna })).status).toBe(404);
    const namingA = demo.createCard({ title: 'Falsche Adresse' });
    const answer = await postCommand(server, anna, namingA, B);
    expect([answer.status, errorOf(answer).code]).toEqual([404, 'not_found']);
    expect((await readState(server, anna)).cards[namingA.payload.cardId]).toBeUndefined();
  });

  it('S2 commands in B that name A\'s entities are not_found and change nothing, over HTTP and socket', async () => {
    const b = commandsFor(B, boardB);
    const stefanId = person('stefan').id;
    const attempts: Command[] = [
      b.updateCard(inA.card ?? '', { title: 'Übernommen' }),
      b.archiveCard(inA.card ?? ''),
      b.addComment(inA.card ?? '', 'Hallo von B'),
      b.createCard({ title: 'Auf A-Board' }, { boardId: DEMO_BOARD_ID }),
      b.setRoles(stefanId, ['member']),
      b.deactivateMember(stefanId),
      b.eraseMember(stefanId),
      b.renamePartner(DEMO_PARTNERS.wob.id, 'Gekapert', 'GK'),
      b.deactivatePartner(DEMO_PARTNERS.bs.id),
      b.revokeInvitation(inA.invitation ?? ''),
      b.revokeDeputy(inA.deputyship ?? ''),
      b.createInvitation(DEMO_PARTNERS.wob.id, ['admin'], new Date(Date.now() + 86_400_000).toISOString()),
    ];
    const before = (await readState(server, anna, B)).seq;
    const { socket } = await server.connect(anna, { workspaceId: B });
    for (const command of attempts) {
      const overHttp = await postCommand(server, anna, command);
      expect([command.type, overHttp.status]).toEqual([command.type, 404]);
      const overSocket = await submit(socket, { ...command, id: crypto.randomUUID() });
      expect([command.type, overSocket.ok ? 'ok' : overSocket.error.code]).toEqual([command.type, 'not_found']);
    }
    socket.disconnect();
    expect((await readState(server, anna, B)).seq).toBe(before);
  });

  it('S2 commands naming A on B\'s socket are not_found; A is unchanged', async () => {
    const { socket } = await server.connect(anna, { workspaceId: B });
    const before = (await readState(server, anna)).seq;
    const answer = await submit(socket, demo.updateCard(inA.card ?? '', { title: 'Über den falschen Socket' }));
    expect(answer.ok ? 'ok' : answer.error.code).toBe('not_found');
    expect((await readState(server, anna)).seq).toBe(before);
    socket.disconnect();
  });
});
