import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, CommandResult } from '@verbund/shared/protocol';
import { SEEDED_CARD_ID, badInputs } from '../test-support/bad-input.js';
import { demo, person, readState } from '../test-support/live.js';
import { startTestServer, submit, type TestClient, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
let cookie: string;
let socket: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  cookie = await server.login(person('lena').email);
  socket = (await server.connect(cookie)).socket;
});
afterAll(() => server.close({ removeData: true }));

/** Sends any value as a command, bypassing the typed event map as a hostile client would. */
const submitRaw = (value: unknown) => submit(socket, value as Parameters<typeof submit>[1]);

let frameId = 90_000;
/** Writes `command:submit` with the JSON text as-is onto the wire and waits for the server's ack frame. */
function submitFrame(jsonText: string): Promise<Ack<CommandResult>> {
  const id = (frameId += 1);
  const engine = socket.io.engine;
  return new Promise((resolve) => {
    const onPacket = (packet: { type: string; data?: unknown }) => {
      const match = typeof packet.data === 'string' ? /^3(\d+)(.*)$/s.exec(packet.data) : null;
      if (packet.type !== 'message' || !match || Number(match[1]) !== id) return;
      engine.off('packet', onPacket);
      resolve((JSON.parse(match[2] ?? '[]') as Ack<CommandResult>[])[0] as Ack<CommandResult>);
    };
    engine.on('packet', onPacket);
    engine.write(`2${id}["command:submit",${jsonText}]`);
  });
}

describe('bad input over the socket (S11)', () => {
  it.each(badInputs().filter((c) => c.only !== 'http'))('S11 $name is refused and changes nothing', async (input) => {
    const before = await readState(server, cookie);
    const answer = input.rawFrame ? await submitFrame(input.json) : await submitRaw(JSON.parse(input.json));
    expect(answer.ok).toBe(false);
    expect(answer.ok === false && answer.error.code).toBe(input.code);
    expect(JSON.stringify(answer)).not.toContain('xxxxxxxxxx');
    expect(await readState(server, cookie)).toEqual(before);
    expect(socket.connected).toBe(true);
  });

  it('S11 a command without an ack callback is ignored and the connection stays usable', async () => {
    const before = await readState(server, cookie);
    const untyped = socket as unknown as { emit: (event: string, ...args: unknown[]) => void };
    untyped.emit('command:submit', demo.createCard({ title: 'ohne Antwort' }));
    const answer = await submit(socket, demo.updateCard(SEEDED_CARD_ID, { title: 'danach' }));
    expect(answer.ok).toBe(true);
    expect((await readState(server, cookie)).seq).toBe(before.seq + 1);
  });

  it.each([['a negative lastSeq', { lastSeq: -1 }], ['a string lastSeq', { lastSeq: '5' }], ['an extra key', { lastSeq: 0, all: true }], ['nothing', null]])(
    'S11 sync:join with %s is invalid_payload',
    async (_name, request) => {
      const answer = await socket.emitWithAck('sync:join', request as never);
      expect(answer.ok === false && answer.error.code).toBe('invalid_payload');
    },
  );

  it('S11 a message over 2 MB closes that connection only; the server keeps serving', async () => {
    const victim = (await server.connect(cookie)).socket;
    const closed = new Promise<string>((resolve) => victim.once('disconnect', resolve));
    victim.emit('command:submit', demo.updateCard(SEEDED_CARD_ID, { title: 'x'.repeat(3 * 1024 * 1024) }), () => undefined);
    expect(await closed).toBeTruthy();
    const before = await readState(server, cookie);
    expect((await submit(socket, demo.updateCard(SEEDED_CARD_ID, { title: 'Weiter geht es' }))).ok).toBe(true);
    expect((await readState(server, cookie)).seq).toBe(before.seq + 1);
  });

  it('S11 HTML and script in text fields are stored verbatim as text', async () => {
    const command = demo.createCard({ title: '<img src=x onerror=alert(1)>', description: '<script>alert(1)</script>' });
    expect((await submit(socket, command)).ok).toBe(true);
    expect((await readState(server, cookie)).cards[command.payload.cardId]).toMatchObject({
      title: '<img src=x onerror=alert(1)>',
      description: '<script>alert(1)</script>',
    });
  });
});
