import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords.js';
import { DEMO_PASSWORD } from '../seed/demo.js';
import { stableId } from '../seed/workspace-setup.js';
import type { AppDeps } from '../app.js';
import { person, request, type HttpAnswer } from '../test-support/live.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

/** Issue 8, item 4: sign-in throttling that neither leaks nor locks out (rule A5 in docs/security.md). */
const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close({ removeData: true });
});

/**
 * The real first delay (60 s) unless a test needs to wait one out: a delay of one second can end
 * while a loaded machine is still working through a burst, and the burst then rightly gets further.
 */
async function serverWith(deps: Partial<AppDeps>): Promise<TestServer> {
  const server = await startTestServer({ deps: { ...deps, passwordGate: { baseDelayS: 60, maxWaiting: 200, ...deps.passwordGate } } });
  servers.push(server);
  return server;
}

const login = (server: TestServer, email: string, password: string, from?: string): Promise<HttpAnswer> =>
  request(server, 'POST', '/api/auth/login', { body: { email, password }, headers: from ? { 'x-forwarded-for': from } : {} });
const statuses = (answers: HttpAnswer[]) => answers.map((a) => a.status);
const count = (list: number[], status: number) => list.filter((s) => s === status).length;

describe('sign-in throttling', () => {
  it('60 parallel wrong guesses: the limit is taken before the hash, so at most 10 reach it', async () => {
    const server = await serverWith({});
    const email = person('anna').email;
    const answers = statuses(await Promise.all(Array.from({ length: 60 }, (_, i) => login(server, email, `falsch-${i}`))));
    expect(count(answers, 401)).toBeLessThanOrEqual(10);
    expect(count(answers, 401) + count(answers, 429)).toBe(60);
  }, 30_000);

  it('a stranger failing from another address cannot lock the owner out; the stranger is slowed down', async () => {
    const server = await serverWith({ trustProxy: ['loopback'] });
    const email = person('lena').email;
    for (let i = 0; i < 15; i += 1) await login(server, email, `falsch-${i}`, '203.0.113.5');
    expect((await login(server, email, 'falsch', '203.0.113.5')).status).toBe(429);
    expect((await login(server, email, DEMO_PASSWORD, '198.51.100.7')).status).toBe(200);
  }, 30_000);

  it('delays grow: after the free failures each further one doubles the wait', async () => {
    const server = await serverWith({ passwordGate: { baseDelayS: 1 } });
    const email = person('jonas').email;
    for (let i = 0; i < 10; i += 1) expect((await login(server, email, `falsch-${i}`)).status).toBe(401);
    const first = await login(server, email, DEMO_PASSWORD);
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '1']);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // The second delay (2 s) starts with this failure; what is left of it when the server answers
    // depends on how busy the machine is, so the answer is checked against the time that passed.
    const failedAt = performance.now();
    expect((await login(server, email, 'wieder-falsch')).status).toBe(401);
    const second = await login(server, email, DEMO_PASSWORD);
    const passedS = (performance.now() - failedAt) / 1000;
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeLessThanOrEqual(2);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(Math.max(1, Math.ceil(2 - passedS)));
    if (passedS < 1) expect(second.headers.get('retry-after')).toBe('2');
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await login(server, email, DEMO_PASSWORD)).status).toBe(200);
  }, 30_000);

  it('without TRUST_PROXY a forged X-Forwarded-For does not give a fresh budget', async () => {
    const server = await serverWith({});
    const email = person('mehmet').email;
    for (let i = 0; i < 10; i += 1) await login(server, email, `falsch-${i}`, `192.0.2.${i}`);
    expect((await login(server, email, DEMO_PASSWORD, '192.0.2.200')).status).toBe(429);
  }, 30_000);

  it('a password change shares the limiter: failed sign-ins count against it', async () => {
    const server = await serverWith({});
    const email = person('petra').email;
    const cookie = await server.login(email);
    for (let i = 0; i < 10; i += 1) await login(server, email, `falsch-${i}`);
    const change = await request(server, 'POST', '/api/account/password', { cookie, body: { currentPassword: DEMO_PASSWORD, newPassword: 'ein-ganz-neues-passwort' } });
    expect(change.status).toBe(429);
  }, 30_000);

  it('at most the configured number of hashes run or wait; the rest get 429 with Retry-After at once', async () => {
    const server = await serverWith({ passwordGate: { maxConcurrent: 1, maxWaiting: 1 } });
    const people = ['anna', 'lena', 'jonas', 'mehmet', 'petra', 'sabine'].map((p) => person(p).email);
    const answers = await Promise.all(people.map((email) => login(server, email, DEMO_PASSWORD)));
    const busy = answers.filter((a) => a.status === 429);
    expect(count(statuses(answers), 200)).toBeGreaterThanOrEqual(2);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(busy.every((a) => a.headers.get('retry-after') === '1' && (a.body as { code: string }).code === 'rate_limited')).toBe(true);
    // Busy is not a failure: the same people sign in right after.
    for (const email of people) expect((await login(server, email, DEMO_PASSWORD)).status).toBe(200);
  }, 30_000);

  it('a hash with older, weaker parameters is replaced at the next successful sign-in', async () => {
    const server = await serverWith({});
    const id = stableId('weak-hash');
    const old = await hashPassword(DEMO_PASSWORD, { N: 2 ** 14, r: 8, p: 1 });
    await server.storage.createAccount({ id, email: 'alt.hash@wolfsburg.example', name: 'Alt Hash', passwordHash: old, createdAt: new Date().toISOString(), erasedAt: null });
    expect((await login(server, 'alt.hash@wolfsburg.example', DEMO_PASSWORD)).status).toBe(200);
    const stored = (await server.storage.findAccountById(id))?.passwordHash ?? '';
    expect(stored).not.toBe(old);
    expect(stored.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect((await login(server, 'alt.hash@wolfsburg.example', DEMO_PASSWORD)).status).toBe(200);
  }, 30_000);
});
