import { afterAll } from 'vitest';
import { startTestServer, type TestServer } from './test-server.js';

/**
 * Servers a test stops and starts again over the same data directory (to change the SQLite file
 * behind their back), snapshotting every 10 events, with their log lines kept for assertions.
 * All of them are closed and their data removed after the file's tests.
 */
export function restartableServers(): { start: (dataDir?: string) => Promise<TestServer>; logs: string[] } {
  const open: TestServer[] = [];
  const logs: string[] = [];
  afterAll(async () => {
    for (const server of open.reverse()) await server.close({ removeData: true }).catch(() => undefined);
  });
  return {
    logs,
    start: async (dataDir) => {
      const server = await startTestServer({ dataDir, deps: { snapshotEvery: 10, log: (message) => logs.push(message) } });
      open.push(server);
      return server;
    },
  };
}
