import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '@verbund/shared/http';
import { DEMO_PARTNERS, DEMO_PASSWORD, DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { accept, adminPath, createLoneAccount, invite, mustCommand } from '../test-support/admin.js';
import { demo, OTHER_WORKSPACE_ID, OUTSIDER, person, readState, request, seedOtherWorkspace } from '../test-support/live.js';
import { startTestServer, submit, type TestServer } from '../test-support/test-server.js';

/**
 * Invitations at the API level (rule A3 in docs/protocol.md): a one-time link with an expiry; the
 * invitee sets name and password. The server's clock is injected so expiry is tested, not waited for.
 */
let server: TestServer;
let stefan: string;
let now = Date.now();
const DAY = 86_400_000;

beforeAll(async () => {
  server = await startTestServer({ deps: { clock: () => new Date(now) } });
  await seedOtherWorkspace(server);
  stefan = await server.login(person('stefan').email);
});
afterAll(() => server.close({ removeData: true }));

const info = (token: string) => request(server, 'GET', `/api/invitations/${token}`);
const newcomer = (n: string) => ({ name: `Nina Neu ${n}`, email: `nina.neu.${n}@salzgitter.example` });

describe('invitations', () => {
  it('A3 an admin invites; the link shows workspace, partner, roles and expiry; nothing secret is stored', async () => {
    const created = await invite(server, stefan, { partnerId: DEMO_PARTNERS.sz.id, roles: ['member', 'dezernent'], expiresInDays: 5 });
    expect(created.expiresAt).toBe(new Date(now + 5 * DAY).toISOString());
    const answer = await info(created.token);
    expect([answer.status, answer.body]).toEqual([
      200,
      { workspaceName: 'Digitalisierungskooperation Ost-Niedersachsen', partnerName: 'Stadt Salzgitter', roles: ['member', 'dezernent'], expiresAt: created.expiresAt },
    ]);
    const stored = (await readState(server, stefan)).invitations[created.invitationId];
    expect(stored).toMatchObject({ partnerId: DEMO_PARTNERS.sz.id, usedBy: null, revoked: false, createdBy: person('stefan').id });
    expect(JSON.stringify(stored)).not.toContain(created.token);
  });

  it('A3 accepting creates the account and a session; the person is a member of the right partner with the invited roles', async () => {
    const { token } = await invite(server, stefan, { partnerId: DEMO_PARTNERS.sz.id, roles: ['member', 'moderator'] });
    const joined = await accept(server, token, newcomer('a'));
    expect(joined.status).toBe(200);
    const me = joined.body as Me;
    expect(me).toMatchObject({ name: 'Nina Neu a', email: 'nina.neu.a@salzgitter.example' });
    expect(me.memberships).toEqual([expect.objectContaining({ workspaceId: DEMO_WORKSPACE_ID, partnerId: DEMO_PARTNERS.sz.id, roles: ['member', 'moderator'] })]);
    expect((await request(server, 'GET', '/api/auth/me', { cookie: joined.cookie })).status).toBe(200);
    const { socket } = await server.connect(joined.cookie);
    const result = await submit(socket, demo.createCard({ title: 'Meine erste Initiative' }));
    expect(result.ok && result.value.events.map((e) => [e.actorId, e.partnerId])).toEqual([[me.id, DEMO_PARTNERS.sz.id]]);
    socket.disconnect();
    expect((await request(server, 'POST', '/api/auth/login', { body: { email: 'nina.neu.a@salzgitter.example', password: 'verbund-demo-neu' } })).status).toBe(200);
  });

  it('A3 a used invitation is refused: 409 for the link and for a second accept', async () => {
    const { token } = await invite(server, stefan, { partnerId: DEMO_PARTNERS.sz.id, roles: ['member'] });
    expect((await accept(server, token, newcomer('b'))).status).toBe(200);
    expect((await info(token)).status).toBe(409);
    const again = await accept(server, token, newcomer('c'));
    expect([again.status, again.cookie]).toEqual([409, '']);
    expect(await server.storage.findAccountByEmail(newcomer('c').email)).toBeNull();
  });

  it('A3 an expired invitation is refused with 409, a day after its expiry as a second after it', async () => {
    const { token, expiresAt } = await invite(server, stefan, { partnerId: DEMO_PARTNERS.gf.id, roles: ['member'], expiresInDays: 1 });
    const start = now;
    now = Date.parse(expiresAt) - 1_000;
    expect((await info(token)).status).toBe(200);
    now = Date.parse(expiresAt);
    expect((await info(token)).status).toBe(409);
    now = start + 2 * DAY;
    const late = await accept(server, token, newcomer('d'));
    expect([late.status, (late.body as { message: string }).message]).toEqual([409, 'the invitation has expired']);
    expect(await server.storage.findAccountByEmail(newcomer('d').email)).toBeNull();
    now = start;
  });

  it('A3 a revoked invitation is refused; an unknown token is 404', async () => {
    const { token, invitationId } = await invite(server, stefan, { partnerId: DEMO_PARTNERS.gf.id, roles: ['member'] });
    await mustCommand(server, stefan, demo.revokeInvitation(invitationId));
    expect([404, 409]).toContain((await info(token)).status);
    expect([404, 409]).toContain((await accept(server, token, newcomer('e'))).status);
    expect((await info('x'.repeat(43))).status).toBe(404);
    expect((await accept(server, 'y'.repeat(43), newcomer('f'))).status).toBe(404);
  });

  it('A3 someone with an account signs in first; their email cannot be taken over by a link', async () => {
    const { token } = await invite(server, stefan, { partnerId: DEMO_PARTNERS.bs.id, roles: ['member'] });
    const takeover = await accept(server, token, { name: 'Mallory', email: person('anna').email });
    expect(takeover.status).toBe(409);
    const outsider = await server.login(OUTSIDER.email);
    const joined = await accept(server, token, { cookie: outsider });
    expect(joined.status).toBe(200);
    expect((joined.body as Me).memberships.map((m) => m.workspaceId).sort()).toEqual([DEMO_WORKSPACE_ID, OTHER_WORKSPACE_ID].sort());
  });

  it('A3 the answer to a taken email does not say that an account exists; its owner joins by giving its password', async () => {
    const loneId = await createLoneAccount(server.storage, 'Lea Lose', 'lea.lose@gifhorn.example');
    const { token } = await invite(server, stefan, { partnerId: DEMO_PARTNERS.bs.id, roles: ['member'] });
    const wrong = await accept(server, token, { name: 'Mallory', email: 'lea.lose@gifhorn.example', password: 'not-the-password' });
    expect(wrong.status).toBe(409);
    expect((wrong.body as { message: string }).message).not.toMatch(/exists/);
    const owner = await accept(server, token, { name: 'Irrelevant', email: 'lea.lose@gifhorn.example', password: DEMO_PASSWORD });
    expect(owner.status).toBe(200);
    expect((owner.body as Me).id).toBe(loneId);
    expect((owner.body as Me).name).toBe('Lea Lose');
    expect(owner.cookie).toMatch(/^verbund_session=/);
  });

  it('S11 the invitation body is checked: expiry between 1 and 30 days, a short password is refused', async () => {
    for (const expiresInDays of [0, 31]) {
      const answer = await request(server, 'POST', adminPath('invitations'), { cookie: stefan, body: { partnerId: DEMO_PARTNERS.bs.id, roles: ['member'], expiresInDays } });
      expect(answer.status).toBe(400);
    }
    const { token } = await invite(server, stefan, { partnerId: DEMO_PARTNERS.bs.id, roles: ['member'] });
    expect((await accept(server, token, { ...newcomer('g'), password: 'kurz' })).status).toBe(400);
    expect((await info(token)).status).toBe(200);
  });

  it('invitations are recorded in the workspace log for the audit', async () => {
    const audit = await request(server, 'GET', adminPath('audit?type=invitation&format=json'), { cookie: stefan });
    const mine = (audit.body as { actorId: string; type: string }[]).filter((e) => e.type === 'invitation.created');
    expect(mine.length).toBeGreaterThanOrEqual(7);
    expect(mine.every((e) => e.actorId === person('stefan').id)).toBe(true);
  });
});
