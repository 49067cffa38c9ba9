import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type RunningServer = {
  url: string;
  dataDir: string;
  /** Stops the process (SIGTERM, or SIGKILL when `hard`) and starts a new one on the same data and port. */
  restart: (options?: { hard?: boolean }) => Promise<void>;
  stop: (options?: { removeData?: boolean }) => Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function launch(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'server/dist/main.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Verbund is running at')) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
    setTimeout(() => reject(new Error(`server did not start in time: ${output}`)), 30_000).unref();
  });
}

/**
 * Stops the process. A graceful stop that fails or hangs is reported with the server's output (it
 * shows in the test log) and ended with SIGKILL, so a slow exit does not turn into a test timeout.
 */
function terminate(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    const overdue = setTimeout(() => {
      console.warn(`the server did not stop within 15 s of ${signal}; killing it. Its output: ${output}`);
      child.kill('SIGKILL');
    }, 15_000);
    child.once('exit', (code) => {
      clearTimeout(overdue);
      if (signal === 'SIGTERM' && code !== 0) console.warn(`the server's graceful stop ended with exit code ${code}: ${output}`);
      resolve();
    });
    child.kill(signal);
  });
}

/** The built server (server/dist, client/dist) in its own process, on a free port and a fresh data directory. */
export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'verbund-e2e-'));
  const port = await freePort();
  let child = await launch(port, dataDir);
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    restart: async ({ hard = false } = {}) => {
      await terminate(child, hard ? 'SIGKILL' : 'SIGTERM');
      child = await launch(port, dataDir);
    },
    stop: async ({ removeData = true } = {}) => {
      await terminate(child, 'SIGTERM');
      if (removeData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
