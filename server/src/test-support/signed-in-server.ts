import { afterAll, beforeAll } from 'vitest';
import { person } from './live.js';
import { startTestServer, type TestServer } from './test-server.js';

export type SignedInServer = { server: TestServer; anna: string; lena: string };

/**
 * One demo server for the calling test file, with Anna (WOB) and Lena (BS) signed in; closed and
 * its data removed after the file. Read the fields inside tests: they are set in `beforeAll`.
 */
export function signedInDemoServer(): SignedInServer {
  const live = {} as SignedInServer;
  beforeAll(async () => {
    live.server = await startTestServer();
    [live.anna, live.lena] = await Promise.all([live.server.login(person('anna').email), live.server.login(person('lena').email)]);
  });
  afterAll(() => live.server.close({ removeData: true }));
  return live;
}
