import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@verbund/shared/protocol';
import { DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { demo, openSocket, OTHER_WORKSPACE_ID, OUTSIDER, person, readState, seedOtherWorkspace } from '../test-support/live.js';
import { startTestServer, submit, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
let anna: string;

beforeAll(async () => {
  server = await startTestServer({ deps: { allowedOrigins: ['https://verbund.example'] } });
  await seedOtherWorkspace(server, [person('anna')]);
  anna = await server.login(person('anna').email);
});
afterAll(() => server.close({ removeData: true }));

const auth = (workspaceId = DEMO_WORKSPACE_ID, protocolVersion: unknown = PROTOCOL_VERSION) => ({ protocolVersion, workspaceId });

describe('handshake', () => {
  it('S2 a socket without a session cookie is refused as unauthenticated', async () => {
    const opened = await openSocket(server);
    expect(opened.refusal?.code).toBe('unauthenticated');
  });

  it('S2 a socket with a made-up session cookie is refused as unauthenticated', async () => {
    const opened = await openSocket(server, { cookie: 'verbund_session=not-a-real-token' });
    expect(opened.refusal?.code).toBe('unauthenticated');
  });

  it('S1 a client speaking another protocol version is refused with protocol_mismatch', async () => {
    expect((await openSocket(server, { cookie: anna, auth: auth(DEMO_WORKSPACE_ID, PROTOCOL_VERSION + 1) })).refusal?.code).toBe('protocol_mismatch');
    expect((await openSocket(server, { cookie: anna, auth: auth(DEMO_WORKSPACE_ID, 0) })).refusal?.code).toBe('protocol_mismatch');
  });

  it('S1 a handshake without the protocol fields is invalid_payload', async () => {
    expect((await openSocket(server, { cookie: anna, auth: {} })).refusal?.code).toBe('invalid_payload');
    expect((await openSocket(server, { cookie: anna, auth: auth('not-a-uuid') })).refusal?.code).toBe('invalid_payload');
    expect((await openSocket(server, { cookie: anna, auth: { ...auth(), extra: true } })).refusal?.code).toBe('invalid_payload');
  });

  it('S2 a workspace the person is not a member of is forbidden', async () => {
    const outsider = await server.login(OUTSIDER.email);
    expect((await openSocket(server, { cookie: outsider, auth: auth(DEMO_WORKSPACE_ID) })).refusal?.code).toBe('forbidden');
    const opened = await openSocket(server, { cookie: outsider, auth: auth(OTHER_WORKSPACE_ID) });
    expect(opened.socket?.connected).toBe(true);
    opened.socket?.disconnect();
  });

  it('S2 a workspace that does not exist is forbidden, like a foreign one', async () => {
    const opened = await openSocket(server, { cookie: anna, auth: auth('00000000-0000-4000-8000-00000000dead') });
    expect(opened.refusal?.code).toBe('forbidden');
  });

  it('S2 a browser Origin from another host is refused; the own host and allowed origins are not', async () => {
    for (const origin of ['https://evil.example', 'null']) {
      const refused = await openSocket(server, { cookie: anna, origin });
      expect(refused.socket, origin).toBeUndefined();
      // The documented connect_error with err.data.code, not a bare transport failure.
      expect(refused.refusal?.code, origin).toBe('forbidden');
    }
    for (const origin of [server.url, 'https://verbund.example']) {
      const opened = await openSocket(server, { cookie: anna, origin });
      expect(opened.socket?.connected, origin).toBe(true);
      opened.socket?.disconnect();
    }
  });

  it('S2 a socket bound to one workspace cannot change another it belongs to', async () => {
    const { socket } = await server.connect(anna);
    const before = await readState(server, anna, OTHER_WORKSPACE_ID);
    const foreign = demo.createCard({}, { workspaceId: OTHER_WORKSPACE_ID });
    const answer = await submit(socket, foreign);
    expect(answer.ok === false && answer.error.code).toBe('not_found');
    expect(await readState(server, anna, OTHER_WORKSPACE_ID)).toEqual(before);
    socket.disconnect();
  });
});
