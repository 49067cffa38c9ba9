import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../test-support/live.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close({ removeData: true }));

describe('health (issue 8, item 9)', () => {
  it('reports the storage as healthy while it can write', async () => {
    expect(await request(server, 'GET', '/api/health')).toMatchObject({ status: 200, body: { ok: true, storage: 'ok' } });
  });

  it('answers 503 with storage unavailable once the store cannot write, naming no internals', async () => {
    await server.storage.close();
    const answer = await request(server, 'GET', '/api/health');
    expect(answer).toMatchObject({ status: 503, body: { ok: false, storage: 'unavailable' } });
    expect(JSON.stringify(answer.body)).not.toMatch(/sqlite|database|Error/i);
  });
});
