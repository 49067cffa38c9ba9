import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '@verbund/shared/http';
import { SESSION_TTL_MS } from '../auth/sessions.js';
import { DEMO_PASSWORD } from '../seed/demo.js';
import { openSocket, person, request, statePath } from '../test-support/live.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

/** Account security (rules S2 and A6–A8 in docs/protocol.md). The clock is injected for session expiry. */
let server: TestServer;
let now = Date.now();

beforeAll(async () => {
  // A built client to serve, so `/` is answered by the app and not by a fallback.
  const staticDir = mkdtempSync(join(tmpdir(), 'verbund-client-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Verbund</title>');
  server = await startTestServer({ deps: { clock: () => new Date(now), sessionIdleMs: SESSION_TTL_MS, passwordGate: { baseDelayS: 1, maxWaiting: 200 }, allowedOrigins: ['https://verbund.example'], staticDir } });
});
afterAll(() => server.close({ removeData: true }));

const login = (email: string, password: string) => request(server, 'POST', '/api/auth/login', { body: { email, password } });
const me = (cookie: string) => request(server, 'GET', '/api/auth/me', { cookie });
const kindsOf = async (cookie: string) =>
  ((await request(server, 'GET', '/api/account/security-events', { cookie })).body as { kind: string }[]).map((e) => e.kind);

describe('sign-in', () => {
  it('A6 ten failed sign-ins for an account, then 429 with Retry-After; the events are recorded', async () => {
    const email = person('jonas').email;
    for (let i = 0; i < 10; i += 1) expect((await login(email, `falsch-${i}`)).status).toBe(401);
    const blocked = await login(email, DEMO_PASSWORD);
    expect([blocked.status, (blocked.body as { code: string }).code]).toEqual([429, 'rate_limited']);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // The delay ends (here 1 s, by default a minute, doubling with each further failure): then the
    // right password works again and is recorded too.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const cookie = await server.login(email);
    await expect.poll(() => kindsOf(cookie)).toEqual(expect.arrayContaining(['sign_in_succeeded', 'sign_in_failed', 'sign_in_rate_limited']));
    const kinds = await kindsOf(cookie);
    expect(kinds.filter((k) => k === 'sign_in_failed')).toHaveLength(10);
  });
});

describe('password and sessions', () => {
  it('A7 GET /account/sessions lists own sessions and marks the current one', async () => {
    const first = await server.login(person('lena').email);
    await server.login(person('lena').email);
    const sessions = (await request(server, 'GET', '/api/account/sessions', { cookie: first })).body as SessionInfo[];
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(JSON.stringify(sessions)).not.toContain(first.split('=')[1]);
  });

  it('A7 changing the password ends every other session and needs the current password', async () => {
    const email = person('markus').email;
    const [here, there] = [await server.login(email), await server.login(email)];
    const socket = await openSocket(server, { cookie: there });
    expect(socket.socket).toBeDefined();
    socket.socket?.disconnect();
    const wrong = await request(server, 'POST', '/api/account/password', { cookie: here, body: { currentPassword: 'falsch', newPassword: 'ein-neues-passwort' } });
    expect(wrong.status).toBe(403);
    const short = await request(server, 'POST', '/api/account/password', { cookie: here, body: { currentPassword: DEMO_PASSWORD, newPassword: 'kurz' } });
    expect(short.status).toBe(400);
    const changed = await request(server, 'POST', '/api/account/password', { cookie: here, body: { currentPassword: DEMO_PASSWORD, newPassword: 'ein-neues-passwort' } });
    expect(changed.status).toBe(204);
    const fresh = (changed.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await me(there)).status).toBe(401);
    expect((await openSocket(server, { cookie: there })).refusal?.code).toBe('unauthenticated');
    expect((await me(fresh)).status).toBe(200);
    expect((await login(email, DEMO_PASSWORD)).status).toBe(401);
    expect((await login(email, 'ein-neues-passwort')).status).toBe(200);
    await expect.poll(() => kindsOf(fresh)).toContain('password_changed');
  });

  it('A7 "sign out everywhere" ends every session of the person', async () => {
    const email = person('petra').email;
    const cookies = [await server.login(email), await server.login(email)];
    const out = await request(server, 'POST', '/api/account/sessions/end-all', { cookie: cookies[0] });
    expect(out.status).toBe(204);
    for (const cookie of cookies) expect((await me(cookie)).status).toBe(401);
  });

  it('A7 a session expires after its lifetime', async () => {
    const cookie = await server.login(person('mehmet').email);
    now += SESSION_TTL_MS - 60_000;
    expect((await me(cookie)).status).toBe(200);
    now += 120_000;
    expect((await me(cookie)).status).toBe(401);
    expect((await openSocket(server, { cookie })).refusal?.code).toBe('unauthenticated');
  });
});

describe('browser protections', () => {
  it('A8 writes without X-Requested-With are 403 and change nothing', async () => {
    const cookie = await server.login(person('sabine').email);
    const paths = ['/api/account/password', '/api/account/sessions/end-all', '/api/workspaces', '/api/auth/logout', '/api/auth/login'];
    for (const path of paths) {
      const answer = await request(server, 'POST', path, { cookie, body: {}, csrf: false });
      expect([path, answer.status]).toEqual([path, 403]);
    }
    expect((await me(cookie)).status).toBe(200);
  });

  it.each(['/', '/api/health', statePath()])('A8 %s carries a Content Security Policy and the other helmet headers', async (path) => {
    const answer = await request(server, 'GET', path);
    if (path === '/') expect(answer.body).toContain('<title>Verbund</title>');
    const csp = answer.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    expect(answer.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(answer.headers.get('x-powered-by')).toBeNull();
  });

  it.each(['/api/health', statePath(), '/api/auth/me', '/api/no-such-endpoint'])('A9 %s is answered with Cache-Control: no-store', async (path) => {
    const answer = await request(server, 'GET', path);
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('A10 the CSP lets the page connect only to its own origin and the allowed ones, not to any ws: host', async () => {
    const csp = (await request(server, 'GET', '/')).headers.get('content-security-policy') ?? '';
    const connect = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('connect-src')) ?? '';
    expect(connect.split(/\s+/).slice(1).sort()).toEqual(["'self'", 'https://verbund.example', 'wss://verbund.example']);
  });

  it('S2 a socket from a foreign Origin is refused; an allowed one connects', async () => {
    const cookie = await server.login(person('claudia').email);
    expect((await openSocket(server, { cookie, origin: 'https://evil.example' })).refusal).toBeDefined();
    const allowed = await openSocket(server, { cookie, origin: 'https://verbund.example' });
    expect(allowed.socket?.connected).toBe(true);
    allowed.socket?.disconnect();
  });
});
