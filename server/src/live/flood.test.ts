import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, person, request } from '../test-support/live.js';
import { startTestServer, submit, type TestClient, type TestServer } from '../test-support/test-server.js';

/** Issue 8, item 5: a client that stops reading, and the quota on starting workspaces. */
let server: TestServer;
let cookie: string;
const WIDE = { burst: 100_000, perSecond: 100_000 };

beforeAll(async () => {
  server = await startTestServer({ deps: { maxSendBuffer: 256 * 1024, workspacesPerAccount: 2, flood: { commands: WIDE, joins: WIDE } } });
  cookie = await server.login(person('jonas').email);
});
afterAll(() => server.close({ removeData: true }));

/** Stops reading from the socket's TCP connection, as a client that hangs or ignores what it asked for. */
function stopReading(socket: TestClient): void {
  const transport = socket.io.engine.transport as unknown as { ws?: { _socket?: { pause: () => void } } };
  const tcp = transport.ws?._socket;
  if (!tcp) throw new Error('expected a WebSocket transport');
  tcp.pause();
}

const connectionsOf = (personId: string) => [...server.app.io.of('/').sockets.values()].filter((s) => s.data.personId === personId).length;

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - start;
}

describe('flood control beyond commands (S14)', () => {
  it('S14 a connection that stops reading is dropped once its send buffer passes the bound; others go on', async () => {
    const writer = await server.connect(cookie);
    const long = 'Lange Beschreibung. '.repeat(950);
    for (let i = 0; i < 30; i += 1) expect((await submit(writer.socket, demo.createCard({ title: `Groß ${i}`, description: long }))).ok).toBe(true);
    const mehmet = person('mehmet');
    const stalled = await server.connect(await server.login(mehmet.email));
    expect(connectionsOf(mehmet.id)).toBe(1);
    stopReading(stalled.socket);
    // Each answer is the whole log (~600 kB); unread, they pile up far beyond the kernel's buffers.
    for (let i = 0; i < 60; i += 1) stalled.socket.emit('sync:join', { lastSeq: 0 }, () => undefined);
    await waitFor(() => connectionsOf(mehmet.id) === 0, 10_000);
    expect((await submit(writer.socket, demo.createCard({ title: 'Danach' }))).ok).toBe(true);
    writer.socket.disconnect();
  });

  it('S14 an account starts at most WORKSPACES_PER_ACCOUNT workspaces, also when asking in parallel', async () => {
    const anna = await server.login(person('anna').email);
    const body = (i: number) => ({ name: `Kooperation ${i}`, partnerName: 'Stadt Goslar', partnerShortName: 'GS' });
    const answers = await Promise.all([0, 1, 2, 3].map((i) => request(server, 'POST', '/api/workspaces', { cookie: anna, body: body(i) })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 403, 403]);
    expect(answers.find((a) => a.status === 403)?.body).toMatchObject({ code: 'forbidden' });
    const other = await request(server, 'POST', '/api/workspaces', { cookie: await server.login(person('stefan').email), body: body(9) });
    expect(other.status).toBe(201);
  });
});
