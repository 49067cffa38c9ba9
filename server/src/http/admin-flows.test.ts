import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '@verbund/shared/http';
import { DEMO_PARTNERS } from '../seed/demo.js';
import { accept, errorOf, invite, membershipsOf, mustCommand, postCommand, workspacePath } from '../test-support/admin.js';
import { demo, openSocket, OTHER_WORKSPACE_ID, person, readState, request, seedOtherWorkspace } from '../test-support/live.js';
import { eventually, startTestServer, submit, type TestClient, type TestServer } from '../test-support/test-server.js';

/**
 * Workspace administration (rules S2, S12 and the access rules A1–A3 in docs/protocol.md):
 * partners, roles, and ending someone's access at once.
 */
let server: TestServer;
let stefan: string;

beforeAll(async () => {
  server = await startTestServer();
  await seedOtherWorkspace(server, [person('sabine')]);
  stefan = await server.login(person('stefan').email);
});
afterAll(() => server.close({ removeData: true }));

const me = async (cookie: string) => request(server, 'GET', '/api/auth/me', { cookie });
const rolesIn = async (cookie: string) => membershipsOf((await me(cookie)).body)[0];

/** Records when the server closed the socket. */
function watchDisconnect(socket: TestClient): { at: number | null; reason: string | null } {
  const seen: { at: number | null; reason: string | null } = { at: null, reason: null };
  socket.once('disconnect', (reason) => {
    seen.at = Date.now();
    seen.reason = reason;
  });
  return seen;
}

describe('partners', () => {
  it('an admin adds a partner at any time, renames it; a taken short name is a conflict', async () => {
    const add = demo.addPartner('Stadt Wolfenbüttel', 'WF');
    await mustCommand(server, stefan, add);
    expect((await readState(server, stefan)).partners[add.payload.partnerId]).toEqual({ id: add.payload.partnerId, name: 'Stadt Wolfenbüttel', shortName: 'WF', active: true });
    await mustCommand(server, stefan, demo.renamePartner(add.payload.partnerId, 'Stadt Wolfenbüttel (Kreisstadt)', 'WF-K'));
    expect((await readState(server, stefan)).partners[add.payload.partnerId]?.shortName).toBe('WF-K');
    const clash = await postCommand(server, stefan, demo.addPartner('Wolfsburg II', 'wob'));
    expect([clash.status, errorOf(clash).code]).toEqual([409, 'conflict']);
  });

  it('A1 deactivating a partner disconnects its people at once and ends their access', async () => {
    const add = demo.addPartner('Gemeinde Sassenburg', 'SAS');
    await mustCommand(server, stefan, add);
    const { token } = await invite(server, stefan, { partnerId: add.payload.partnerId, roles: ['member'] });
    const joined = await accept(server, token, { name: 'Sven Sassen', email: 'sven.sassen@sassenburg.example' });
    const { socket } = await server.connect(joined.cookie);
    const seen = watchDisconnect(socket);
    const start = Date.now();
    await mustCommand(server, stefan, demo.deactivatePartner(add.payload.partnerId));
    await eventually(() => seen.at !== null, 2_000);
    expect((seen.at ?? Infinity) - start).toBeLessThan(1_000);
    expect((await request(server, 'GET', workspacePath('state'), { cookie: joined.cookie })).status).toBe(401);
    expect((await openSocket(server, { cookie: joined.cookie })).refusal?.code).toBe('unauthenticated');
  });

  it('an admin cannot deactivate their own partner', async () => {
    const answer = await postCommand(server, stefan, demo.deactivatePartner(DEMO_PARTNERS.wob.id));
    expect(errorOf(answer).code).toBe('conflict');
  });
});

describe('roles', () => {
  it('an admin assigns and withdraws roles; /me hands out the matching abilities', async () => {
    const lena = await server.login(person('lena').email);
    await mustCommand(server, stefan, demo.setRoles(person('lena').id, ['member', 'moderator']));
    expect(await rolesIn(lena)).toMatchObject({ roles: ['member', 'moderator'], abilities: expect.arrayContaining(['vote.start_workspace']) as unknown });
    await mustCommand(server, stefan, demo.setRoles(person('lena').id, ['member']));
    const after = await rolesIn(lena);
    expect(after?.roles).toEqual(['member']);
    expect(after?.abilities).not.toContain('vote.start_workspace');
  });

  it('S12 a withdrawn role counts for the very next command on an open socket', async () => {
    const jonasId = person('jonas').id;
    const jonas = await server.login(person('jonas').email);
    await mustCommand(server, stefan, demo.setRoles(jonasId, ['member', 'admin']));
    const { socket } = await server.connect(jonas);
    expect((await submit(socket, demo.addPartner('Amt Eins', 'AE1'))).ok).toBe(true);
    await mustCommand(server, stefan, demo.setRoles(jonasId, ['member']));
    const refused = await submit(socket, demo.addPartner('Amt Zwei', 'AE2'));
    expect(refused.ok ? 'accepted' : refused.error.code).toBe('forbidden');
    socket.disconnect();
  });

  it('the last admin cannot withdraw their admin role', async () => {
    const stefanId = person('stefan').id;
    expect(errorOf(await postCommand(server, stefan, demo.setRoles(stefanId, ['member'])))).toMatchObject({
      code: 'conflict',
      reason: 'last_admin',
      message: 'the workspace needs at least one admin',
    });
    // With a second admin, the first may step down; the second then is the last one.
    const petraId = person('petra').id;
    await mustCommand(server, stefan, demo.setRoles(petraId, ['member', 'dezernent', 'admin']));
    await mustCommand(server, stefan, demo.setRoles(stefanId, ['member']));
    const petra = await server.login(person('petra').email);
    expect(errorOf(await postCommand(server, petra, demo.setRoles(petraId, ['member']))).code).toBe('conflict');
    await mustCommand(server, petra, demo.setRoles(stefanId, ['member', 'admin']));
    await mustCommand(server, stefan, demo.setRoles(petraId, ['member', 'dezernent']));
    expect((await rolesIn(stefan))?.roles).toEqual(['member', 'admin']);
  });

  it('roles must be known and distinct (S11)', async () => {
    const bad = { ...demo.setRoles(person('anna').id, ['member']), payload: { personId: person('anna').id, roles: ['member', 'member'] } };
    expect((await postCommand(server, stefan, bad as Parameters<typeof postCommand>[2])).status).toBe(400);
  });
});

describe('deactivating a person', () => {
  it('A1 closes their socket within a second; HTTP is 404 and their session ends when they are active nowhere else', async () => {
    const anna = await server.login(person('anna').email);
    const { socket } = await server.connect(anna);
    const seen = watchDisconnect(socket);
    const start = Date.now();
    await mustCommand(server, stefan, demo.deactivateMember(person('anna').id));
    await eventually(() => seen.at !== null, 2_000);
    expect((seen.at ?? Infinity) - start).toBeLessThan(1_000);
    expect(seen.reason).toBe('io server disconnect');
    const state = await request(server, 'GET', workspacePath('state'), { cookie: anna });
    expect([404, 401]).toContain(state.status);
    await expect.poll(async () => (await me(anna)).status).toBe(401);
    expect((await openSocket(server, { cookie: anna })).refusal?.code).toBe('unauthenticated');
    // Reactivated, they sign in again and are back.
    await mustCommand(server, stefan, demo.reactivateMember(person('anna').id));
    expect(membershipsOf((await me(await server.login(person('anna').email))).body)).toHaveLength(1);
  });

  it('A2 someone still active in another workspace keeps their session there, and is 404 here', async () => {
    const sabine = await server.login(person('sabine').email);
    const { socket } = await server.connect(sabine);
    const elsewhere = await server.connect(sabine, { workspaceId: OTHER_WORKSPACE_ID });
    const seen = watchDisconnect(socket);
    await mustCommand(server, stefan, demo.deactivateMember(person('sabine').id));
    await eventually(() => seen.at !== null, 2_000);
    expect((await request(server, 'GET', workspacePath('state'), { cookie: sabine })).status).toBe(404);
    expect((await openSocket(server, { cookie: sabine })).refusal?.code).toBe('forbidden');
    expect(membershipsOf((await me(sabine)).body).map((m) => m.workspaceId)).toEqual([OTHER_WORKSPACE_ID]);
    expect(elsewhere.socket.connected).toBe(true);
    const body = (await me(sabine)).body as Me;
    expect(body.id).toBe(person('sabine').id);
  });

  it('A1 moving a person to another partner closes their sockets so they reconnect with the new partner', async () => {
    const mehmet = await server.login(person('mehmet').email);
    const { socket } = await server.connect(mehmet);
    const seen = watchDisconnect(socket);
    await mustCommand(server, stefan, demo.setPartner(person('mehmet').id, DEMO_PARTNERS.bs.id));
    await eventually(() => seen.at !== null, 2_000);
    const again = await server.connect(mehmet);
    const result = await submit(again.socket, demo.createCard({ title: 'Nach dem Wechsel' }));
    expect(result.ok && result.value.events[0]?.partnerId).toBe(DEMO_PARTNERS.bs.id);
  });

  it('an admin cannot deactivate themselves', async () => {
    expect(errorOf(await postCommand(server, stefan, demo.deactivateMember(person('stefan').id))).code).toBe('conflict');
  });
});
