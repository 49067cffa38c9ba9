import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '@verbund/shared/events';
import { DEMO_PARTNERS } from '../seed/demo.js';
import { invite, mustCommand } from '../test-support/admin.js';
import { demo, person, readState } from '../test-support/live.js';
import { collectEvents, eventually, startTestServer, type TestServer } from '../test-support/test-server.js';

/** Issue 8, item 10: invitations with their details reach admins only, not every member. */
let server: TestServer;
let stefan: string;
let anna: string;

beforeAll(async () => {
  server = await startTestServer();
  stefan = await server.login(person('stefan').email);
  anna = await server.login(person('anna').email);
});
afterAll(() => server.close({ removeData: true }));

const invitationDetails = (events: readonly StoredEvent[]) => events.filter((e) => e.type === 'invitation.created' || e.type === 'invitation.revoked');

describe('invitations are the admins’ business', () => {
  it('a member receives each invitation event as a withheld placeholder in its place; the admin receives it in full', async () => {
    const admin = await server.connect(stefan);
    const member = await server.connect(anna);
    const adminSeen = collectEvents(admin.socket);
    const memberSeen = collectEvents(member.socket);
    const { invitationId } = await invite(server, stefan, { partnerId: DEMO_PARTNERS.gf.id, roles: ['member', 'admin'] });
    await mustCommand(server, stefan, demo.revokeInvitation(invitationId));
    await eventually(() => adminSeen.length >= 2 && memberSeen.length >= 2);
    expect(invitationDetails(adminSeen).map((e) => e.type)).toEqual(['invitation.created', 'invitation.revoked']);
    expect(invitationDetails(memberSeen)).toEqual([]);
    expect(memberSeen.map((e) => e.type)).toEqual(['withheld', 'withheld']);
    expect(memberSeen.map((e) => e.seq)).toEqual(adminSeen.map((e) => e.seq));
    expect(JSON.stringify(memberSeen)).not.toContain(invitationId);
  });

  it('the state over HTTP and a catch-up after reconnecting hold no invitations for a member, all of them for an admin', async () => {
    await invite(server, stefan, { partnerId: DEMO_PARTNERS.sz.id, roles: ['member'] });
    expect(Object.keys((await readState(server, anna)).invitations)).toEqual([]);
    expect(Object.keys((await readState(server, stefan)).invitations).length).toBeGreaterThanOrEqual(2);
    const fromStart = await server.connect(anna, { lastSeq: 0 });
    const events = fromStart.catchUp.kind === 'events' ? fromStart.catchUp.events : [];
    expect(events.length).toBeGreaterThan(0);
    expect(invitationDetails(events)).toEqual([]);
    expect(events.filter((e) => e.type === 'withheld').length).toBeGreaterThanOrEqual(3);
  });

  it('a change of roles moves an open connection: made admin it receives invitations in full, demoted withheld again', async () => {
    const lena = await server.login(person('lena').email);
    const { socket } = await server.connect(lena);
    const seen = collectEvents(socket);
    await mustCommand(server, stefan, demo.setRoles(person('lena').id, ['member', 'admin']));
    expect(Object.keys((await readState(server, lena)).invitations).length).toBeGreaterThanOrEqual(2);
    await invite(server, stefan, { partnerId: DEMO_PARTNERS.bs.id, roles: ['member'] });
    await mustCommand(server, stefan, demo.setRoles(person('lena').id, ['member']));
    await invite(server, stefan, { partnerId: DEMO_PARTNERS.bs.id, roles: ['member'] });
    await eventually(() => seen.length >= 4);
    expect(seen.map((e) => e.type)).toEqual(['member.roles_set', 'invitation.created', 'member.roles_set', 'withheld']);
  });
});
