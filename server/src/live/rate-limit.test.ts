import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandsPath, demo, person, readState, request } from '../test-support/live.js';
import { DEFAULT_FLOOD } from './flood-control.js';
import { startTestServer, submit, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer({ deps: { flood: { commands: { burst: 5, perSecond: 1 }, invalid: DEFAULT_FLOOD.invalid } } });
  cookie = await server.login(person('jonas').email);
});
afterAll(() => server.close({ removeData: true }));

describe('flood control (S14)', () => {
  it('S14 commands beyond the burst are rate_limited and change nothing', async () => {
    const { socket } = await server.connect(cookie);
    const before = await readState(server, cookie);
    const commands = Array.from({ length: 12 }, (_, i) => demo.createCard({ title: `Flut ${i}` }));
    const answers = await Promise.all(commands.map((c) => submit(socket, c)));
    const accepted = commands.filter((_, i) => answers[i]?.ok);
    const limited = answers.filter((a) => !a.ok && a.error.code === 'rate_limited');
    expect(accepted.length).toBeGreaterThanOrEqual(5);
    expect(accepted.length).toBeLessThanOrEqual(6);
    expect(limited.length).toBe(commands.length - accepted.length);
    for (const answer of answers.slice(0, 5)) expect(answer.ok).toBe(true);
    const after = await readState(server, cookie);
    expect(after.seq).toBe(before.seq + accepted.length);
    commands.forEach((c, i) => expect(Boolean(after.cards[c.payload.cardId]), `command ${i}`).toBe(Boolean(answers[i]?.ok)));
    socket.disconnect();
  });

  it('S14 the limit is per account: several sockets and HTTP share it; another account has its own', async () => {
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const [a, b] = [await server.connect(cookie), await server.connect(cookie)];
    const bySocket = await Promise.all(Array.from({ length: 8 }, (_, i) => submit(i % 2 ? a.socket : b.socket, demo.createCard())));
    const overHttp = await request(server, 'POST', commandsPath(), { cookie, body: demo.createCard() });
    expect(bySocket.filter((x) => x.ok).length).toBeLessThanOrEqual(6);
    expect(overHttp.status).toBe(429);
    expect(Number(overHttp.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const other = await server.connect(await server.login(person('mehmet').email));
    expect((await submit(other.socket, demo.createCard())).ok).toBe(true);
    for (const s of [a, b, other]) s.socket.disconnect();
  });

  it('S14 invalid commands spend a budget of their own: past it they are rate_limited, valid ones still pass', async () => {
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const { socket } = await server.connect(cookie);
    const answers = await Promise.all(Array.from({ length: 40 }, () => socket.emitWithAck('command:submit', { type: 'card.create' } as never)));
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.filter((c) => c === 'invalid_payload').length).toBeGreaterThanOrEqual(DEFAULT_FLOOD.invalid.burst);
    expect(codes.filter((c) => c === 'rate_limited').length).toBeGreaterThanOrEqual(10);
    expect(codes.filter((c) => c !== 'invalid_payload' && c !== 'rate_limited')).toEqual([]);
    const valid = await Promise.all(Array.from({ length: 5 }, () => submit(socket, demo.createCard())));
    expect(valid.every((a) => a.ok)).toBe(true);
    socket.disconnect();
  });

  it('S18 command:submit without an acknowledgement is answered on command:refused', async () => {
    const { socket } = await server.connect(cookie);
    const command = demo.createCard();
    const refused = new Promise<unknown>((resolve) => socket.once('command:refused', resolve));
    socket.emit('command:submit', command, undefined as never);
    expect(await refused).toMatchObject({ commandId: command.id, error: { code: 'invalid_payload' } });
    socket.disconnect();
  });

  it('S14 a limited retry of the same id is applied once when sent again after the refill', async () => {
    const { socket } = await server.connect(cookie);
    for (let i = 0; i < 5; i += 1) await submit(socket, demo.createCard());
    const command = demo.createCard({ title: 'Später nochmal' });
    const limited = await submit(socket, command);
    expect(limited.ok === false && limited.error.code).toBe('rate_limited');
    expect(limited.ok === false && limited.error.message).toMatch(/retry in \d+ s/);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const retried = await submit(socket, command);
    expect(retried.ok).toBe(true);
    expect((await readState(server, cookie)).cards[command.payload.cardId]?.title).toBe('Später nochmal');
    socket.disconnect();
  });

  it('S14 sync:join has a budget per account; past it joins are rate_limited', async () => {
    const { socket } = await server.connect(await server.login(person('anna').email));
    const answers = await Promise.all(Array.from({ length: 30 }, () => socket.emitWithAck('sync:join', { lastSeq: 0 })));
    const limited = answers.filter((a) => !a.ok && a.error.code === 'rate_limited').length;
    expect(limited).toBeGreaterThanOrEqual(30 - DEFAULT_FLOOD.joins.burst);
    expect(answers.filter((a) => a.ok).length).toBeGreaterThanOrEqual(DEFAULT_FLOOD.joins.burst - 1);
    socket.disconnect();
  });
});
