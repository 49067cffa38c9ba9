import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../seed/demo.js';
import { person, request } from '../test-support/live.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

/** Issue 8, item 10: behind HTTPS the session cookie carries the `__Host-` prefix. */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ deps: { secureCookies: true } });
});
afterAll(() => server.close({ removeData: true }));

describe('the __Host- session cookie', () => {
  it('is set Secure, HttpOnly, Path=/ and without Domain, and it signs the person in', async () => {
    const answer = await request(server, 'POST', '/api/auth/login', { body: { email: person('anna').email, password: DEMO_PASSWORD } });
    const header = answer.headers.get('set-cookie') ?? '';
    expect(header).toMatch(/^__Host-verbund_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/);
    expect(header).not.toMatch(/Domain=/i);
    const cookie = header.split(';')[0] ?? '';
    expect((await request(server, 'GET', '/api/auth/me', { cookie })).status).toBe(200);
    // The same token under the unprefixed name, which any sibling host could set, is not read.
    const token = cookie.slice(cookie.indexOf('=') + 1);
    expect((await request(server, 'GET', '/api/auth/me', { cookie: `verbund_session=${token}` })).status).toBe(401);
  });

  it('sign-out clears the prefixed cookie', async () => {
    const cookie = await server.login(person('lena').email);
    const answer = await request(server, 'POST', '/api/auth/logout', { cookie });
    expect(answer.headers.get('set-cookie')).toMatch(/^__Host-verbund_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0; Secure$/);
  });
});
