import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BOARD_ID, DEMO_PASSWORD, DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { demo, openSocket, OTHER_WORKSPACE_ID, person, request, seedOtherWorkspace, statePath } from '../test-support/live.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await seedOtherWorkspace(server);
});
afterAll(() => server.close({ removeData: true }));

const ws = `/api/workspaces/${DEMO_WORKSPACE_ID}`;
const login = (email: string, password: string) => request(server, 'POST', '/api/auth/login', { body: { email, password } });

describe('HTTP authentication', () => {
  it('health answers without a session', async () => {
    expect(await request(server, 'GET', '/api/health')).toMatchObject({ status: 200, body: { ok: true } });
  });

  it.each([
    ['GET', `${ws}/state`],
    ['GET', `${ws}/people`],
    ['GET', `${ws}/cards/${DEMO_BOARD_ID}/history`],
    ['POST', `${ws}/commands`],
    ['GET', `/api/workspaces/${OTHER_WORKSPACE_ID}/state`],
    ['GET', '/api/workspaces/not-a-uuid/state'],
    ['GET', '/api/auth/me'],
  ] as const)('S2 unsigned %s %s is 401 unauthenticated', async (method, path) => {
    const answer = await request(server, method, path, method === 'POST' ? { body: demo.createCard() } : {});
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ code: 'unauthenticated' });
  });

  it('S2 a session cookie that was never issued is 401', async () => {
    const answer = await request(server, 'GET', statePath(), { cookie: 'verbund_session=forged' });
    expect(answer.status).toBe(401);
  });

  it('a POST without X-Requested-With: verbund is 403 and changes nothing', async () => {
    const cookie = await server.login(person('anna').email);
    const seq = ((await request(server, 'GET', statePath(), { cookie })).body as { seq: number }).seq;
    const command = demo.createCard({ title: 'Per Formular' });
    const answer = await request(server, 'POST', `${ws}/commands`, { cookie, body: command, csrf: false });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: 'forbidden' });
    const refusedLogin = await request(server, 'POST', '/api/auth/login', { body: { email: person('anna').email, password: DEMO_PASSWORD }, csrf: false });
    expect(refusedLogin.status).toBe(403);
    expect(refusedLogin.headers.get('set-cookie')).toBeNull();
    expect(((await request(server, 'GET', statePath(), { cookie })).body as { seq: number }).seq).toBe(seq);
  });

  it('a member reading a workspace they do not belong to gets 404, like a missing one', async () => {
    const cookie = await server.login(person('anna').email);
    expect((await request(server, 'GET', `/api/workspaces/${OTHER_WORKSPACE_ID}/state`, { cookie })).status).toBe(404);
    expect((await request(server, 'GET', '/api/workspaces/00000000-0000-4000-8000-00000000dead/state', { cookie })).status).toBe(404);
  });

  it('login with a wrong password or an unknown email is 401 without a cookie', async () => {
    for (const answer of [await login(person('lena').email, 'falsch'), await login('niemand@example.org', 'falsch')]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ code: 'unauthenticated' });
      expect(answer.headers.get('set-cookie')).toBeNull();
    }
  });

  it('login answers Me and an httpOnly session cookie', async () => {
    const answer = await login(person('jonas').email, DEMO_PASSWORD);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: person('jonas').id, email: person('jonas').email, memberships: [{ workspaceId: DEMO_WORKSPACE_ID }] });
    expect(answer.body).not.toHaveProperty('passwordHash');
    expect(answer.headers.get('set-cookie')).toMatch(/^verbund_session=[^;]+;.*HttpOnly.*SameSite=Lax/);
  });

  it('11 failed logins for one account get 429 with Retry-After, even with the right password', async () => {
    const email = person('markus').email;
    for (let i = 0; i < 10; i += 1) expect((await login(email, `falsch-${i}`)).status).toBe(401);
    const blocked = await login(email, 'falsch-10');
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ code: 'rate_limited' });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(email, DEMO_PASSWORD)).status).toBe(429);
    expect((await login(person('sabine').email, DEMO_PASSWORD)).status).toBe(200);
  });

  it('logout ends the session: the cookie works neither over HTTP nor for a socket', async () => {
    const cookie = await server.login(person('petra').email);
    expect((await request(server, 'GET', '/api/auth/me', { cookie })).status).toBe(200);
    const out = await request(server, 'POST', '/api/auth/logout', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/verbund_session=;.*Max-Age=0/);
    expect((await request(server, 'GET', '/api/auth/me', { cookie })).status).toBe(401);
    expect((await request(server, 'GET', statePath(), { cookie })).status).toBe(401);
    expect((await openSocket(server, { cookie })).refusal?.code).toBe('unauthenticated');
  });

  it('malformed login bodies are invalid_payload', async () => {
    for (const body of ['{"email":"x"}', '[]', '{"email":"a@b.de","password":"x","admin":true}', '{not json']) {
      const answer = await request(server, 'POST', '/api/auth/login', { body });
      expect(answer.status, body).toBe(400);
      expect(answer.body).toMatchObject({ code: 'invalid_payload' });
    }
  });
});
