import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, person, readState } from '../test-support/live.js';
import { startTestServer, submit, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer({ deps: { commandRate: { burst: 5, perSecond: 1 } } });
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

  it('S14 the limit is per connection: a fresh connection has its own burst', async () => {
    const { socket } = await server.connect(cookie);
    const answers = await Promise.all(Array.from({ length: 5 }, () => submit(socket, demo.createCard())));
    expect(answers.every((a) => a.ok)).toBe(true);
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
});
