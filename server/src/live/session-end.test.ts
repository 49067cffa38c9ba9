import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_TTL_MS } from '../auth/sessions.js';
import { mustCommand } from '../test-support/admin.js';
import { demo, openSocket, person, readState, request } from '../test-support/live.js';
import { eventually, startTestServer, submit, type TestClient, type TestServer } from '../test-support/test-server.js';

/**
 * Issue 8, item 1 (rule S17): every way a session ends closes the sockets opened with it within a
 * second, and a command that races the end is refused, not applied. The clock is injected.
 */
const IDLE_MS = 60 * 60_000;
let server: TestServer;
let now = Date.parse('2031-06-02T08:00:00.000Z');
let stefan: string;

beforeAll(async () => {
  server = await startTestServer({ deps: { clock: () => new Date(now), sessionIdleMs: IDLE_MS, maxSocketsPerSession: 3 } });
  stefan = await server.login(person('stefan').email);
});
afterAll(() => server.close({ removeData: true }));

const closedWithinASecond = (socket: TestClient) => eventually(() => !socket.connected, 1_000);
const post = (path: string, cookie: string, body: unknown = {}) => request(server, 'POST', path, { cookie, body });

/** A command sent at once after the end: refused by the session check, or dropped with the closed socket. */
async function race(socket: TestClient, title: string): Promise<string> {
  const unanswered = new Promise<null>((resolve) => setTimeout(() => resolve(null), 2_000));
  const answer = await Promise.race([submit(socket, demo.createCard({ title })).catch(() => null), unanswered]);
  if (!answer) return 'closed';
  return answer.ok ? 'applied' : answer.error.code;
}

/** Whether a card with this title reached the log (read with a session that is still live). */
async function stored(title: string): Promise<boolean> {
  return Object.values((await readState(server, stefan)).cards).some((card) => card.title === title);
}

describe('S17 an ended session ends its live connections', () => {
  it('sign-out closes the sockets of that session only; the person’s other session stays connected', async () => {
    const [first, second] = [await server.login(person('anna').email), await server.login(person('anna').email)];
    const a = await server.connect(first);
    const b = await server.connect(second);
    expect((await post('/api/auth/logout', first)).status).toBe(204);
    expect(['unauthenticated', 'closed']).toContain(await race(a.socket, 'Nach der Abmeldung'));
    await closedWithinASecond(a.socket);
    expect(await stored('Nach der Abmeldung')).toBe(false);
    expect(b.socket.connected).toBe(true);
    expect((await submit(b.socket, demo.createCard({ title: 'Nach der Abmeldung des anderen Tabs' }))).ok).toBe(true);
  });

  it('“sign out everywhere” closes every socket of every session of the person', async () => {
    const [first, second] = [await server.login(person('lena').email), await server.login(person('lena').email)];
    const a = await server.connect(first);
    const b = await server.connect(second);
    expect((await post('/api/account/sessions/end-all', first)).status).toBe(204);
    await Promise.all([closedWithinASecond(a.socket), closedWithinASecond(b.socket)]);
    expect((await openSocket(server, { cookie: second })).refusal?.code).toBe('unauthenticated');
  });

  it('a password change closes the old sessions’ sockets; the new session connects', async () => {
    const email = person('jonas').email;
    const [first, second] = [await server.login(email), await server.login(email)];
    const a = await server.connect(first);
    const b = await server.connect(second);
    const changed = await post('/api/account/password', first, { currentPassword: 'verbund-demo', newPassword: 'ein-neues-langes-passwort' });
    expect(changed.status).toBe(204);
    await Promise.all([closedWithinASecond(a.socket), closedWithinASecond(b.socket)]);
    const fresh = (changed.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await server.connect(fresh)).socket.connected).toBe(true);
    await post('/api/account/password', fresh, { currentPassword: 'ein-neues-langes-passwort', newPassword: 'verbund-demo' });
  });

  it('an idle session ends: a command after the idle time is refused and not applied, and the socket is closed', async () => {
    const cookie = await server.login(person('mehmet').email);
    const { socket } = await server.connect(cookie);
    now += IDLE_MS + 1_000;
    // Sent before the sweep could notice: the session is looked up for the command itself.
    expect(['unauthenticated', 'closed']).toContain(await race(socket, 'Zu spät (untätig)'));
    await closedWithinASecond(socket);
    stefan = await server.login(person('stefan').email);
    expect(await stored('Zu spät (untätig)')).toBe(false);
    expect((await request(server, 'GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('use keeps a session alive past the idle time; only the idle gap counts', async () => {
    const cookie = await server.login(person('petra').email);
    const { socket } = await server.connect(cookie);
    for (let step = 0; step < 3; step += 1) {
      now += IDLE_MS / 2;
      expect((await submit(socket, demo.createCard({ title: `Aktiv ${step}` }))).ok).toBe(true);
    }
    expect(socket.connected).toBe(true);
    socket.disconnect();
  });

  it('a listening socket is closed within a second once its session passes its absolute lifetime', async () => {
    stefan = await server.login(person('stefan').email);
    const cookie = await server.login(person('sabine').email);
    const { socket } = await server.connect(cookie);
    // Kept in use so the idle timeout does not end it first.
    for (let elapsed = 0; elapsed < SESSION_TTL_MS; elapsed += IDLE_MS / 2) {
      now += IDLE_MS / 2;
      await request(server, 'GET', '/api/auth/me', { cookie });
      await request(server, 'GET', '/api/auth/me', { cookie: stefan });
    }
    await closedWithinASecond(socket);
    stefan = await server.login(person('stefan').email);
  });

  it('deactivation closes the person’s sockets and a racing command is refused', async () => {
    const claudia = person('claudia');
    const cookie = await server.login(claudia.email);
    const { socket } = await server.connect(cookie);
    await mustCommand(server, stefan, demo.deactivateMember(claudia.id));
    expect(['forbidden', 'unauthenticated', 'closed']).toContain(await race(socket, 'Nach der Deaktivierung'));
    await closedWithinASecond(socket);
    expect(await stored('Nach der Deaktivierung')).toBe(false);
    await mustCommand(server, stefan, demo.reactivateMember(claudia.id));
  });

  it('erasure closes the person’s sockets; the session cannot open another', async () => {
    const thomas = person('thomas');
    const cookie = await server.login(thomas.email);
    const { socket } = await server.connect(cookie);
    await mustCommand(server, stefan, demo.eraseMember(thomas.id));
    await closedWithinASecond(socket);
    expect((await openSocket(server, { cookie })).refusal?.code).toBe('unauthenticated');
  });
});

describe('connections per session (issue 8, item 5)', () => {
  it('a session holds at most the configured number of sockets; the next handshake is refused as rate_limited', async () => {
    const cookie = await server.login(person('markus').email);
    const open = [await openSocket(server, { cookie }), await openSocket(server, { cookie }), await openSocket(server, { cookie })];
    expect(open.every((o) => o.socket?.connected)).toBe(true);
    expect((await openSocket(server, { cookie })).refusal?.code).toBe('rate_limited');
    open[0]?.socket?.disconnect();
    await eventually(() => open[0]?.socket?.connected === false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await openSocket(server, { cookie })).socket?.connected).toBe(true);
    for (const o of open) o.socket?.disconnect();
  });
});
