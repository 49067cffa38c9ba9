import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '@verbund/shared/events';
import { DEMO_PARTNERS, DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { mustCommand, workspacePath } from '../test-support/admin.js';
import { demo, person, request } from '../test-support/live.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

/**
 * Personal data (DSGVO Art. 15, 20; rule A9 in docs/protocol.md): a person downloads what is held
 * about them. Erasure (Art. 17, rule A12) is tested in account-erasure.test.ts.
 */
let server: TestServer;
let stefan: string;
let anna: string;
const annaId = person('anna').id;
const { name: NAME, email: EMAIL } = person('anna');

beforeAll(async () => {
  server = await startTestServer();
  [stefan, anna] = await Promise.all([server.login(person('stefan').email), server.login(EMAIL)]);
  const create = demo.createCard({ title: 'Von Anna' });
  await mustCommand(server, anna, create);
  await mustCommand(server, anna, demo.addComment(create.payload.cardId, 'Annas Kommentar'));
});
afterAll(() => server.close({ removeData: true }));

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

  it('A12 an erased membership cannot be changed any more, and an admin cannot erase themselves', async () => {
    await mustCommand(server, stefan, demo.eraseMember(annaId));
    for (const command of [demo.reactivateMember(annaId), demo.setRoles(annaId, ['member']), demo.eraseMember(annaId), demo.eraseMember(person('stefan').id)]) {
      const answer = await request(server, 'POST', workspacePath('commands'), { cookie: stefan, body: command });
      expect([command.type, answer.status]).toEqual([command.type, 409]);
    }
  });
});
