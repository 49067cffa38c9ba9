import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';

/**
 * FerretDB 1.24.2, an open-source server speaking the MongoDB wire protocol, here on its SQLite
 * backend: the real server the mongoose adapter's tests talk to. `tools/ferretdb/build.sh` builds it
 * with Go into `tools/ferretdb/bin/` (git-ignored); a test starts its own on a free port with a
 * throw-away directory and stops it by its pid. Started without `--repl-set-name`, it answers `hello`
 * as a standalone server, so the adapter takes its paths without transactions (FerretDB 1.x has none).
 */
export const FERRETDB_BIN = resolve(fileURLToPath(import.meta.url), '../../../../tools/ferretdb/bin/ferretdb');
export const FERRETDB_BUILD_HINT = 'build it with tools/ferretdb/build.sh (Go 1.24 or newer, a few minutes the first time)';

export const ferretDbBuilt = (): boolean => existsSync(FERRETDB_BIN);

export type RunningFerretDb = { url: string; stop: () => Promise<void> };

const STARTUP_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

/** A port that was free a moment ago; FerretDB failing to bind it shows up as an early exit. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done, fail) => server.once('error', fail).listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port was assigned');
  return address.port;
}

/** Asks until the server answers a ping, or fails with what it printed when it exits or takes too long. */
async function untilAnswering(url: string, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    const exit = exited();
    if (exit !== null) throw new Error(`FerretDB exited before answering: ${exit}`);
    const client = new mongoose.mongo.MongoClient(url, { serverSelectionTimeoutMS: 250, connectTimeoutMS: 250 });
    try {
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`FerretDB did not answer on ${url} within ${STARTUP_TIMEOUT_MS} ms`, { cause: error });
    } finally {
      await client.close();
    }
  }
}

/** Starts FerretDB on a free port with its own SQLite directory; `stop` ends it by its pid and removes the directory. */
export async function startFerretDb(): Promise<RunningFerretDb> {
  if (!ferretDbBuilt()) throw new Error(`FerretDB is not built (${FERRETDB_BIN} is missing): ${FERRETDB_BUILD_HINT}`);
  const dir = mkdtempSync(join(tmpdir(), 'verbund-ferretdb-'));
  const port = await freePort();
  const child = spawn(
    FERRETDB_BIN,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${dir}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=error',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4_000)));
  let exit: string | null = null;
  const gone = new Promise<void>((done) =>
    child.once('exit', (code, signal) => {
      exit = `${signal ?? `code ${code}`}${stderr ? `\n${stderr}` : ''}`;
      done();
    }),
  );
  child.once('error', (error) => (exit = error.message));

  const stop = async () => {
    const pid = child.pid;
    if (exit === null && pid !== undefined) {
      process.kill(pid, 'SIGTERM');
      const timer = setTimeout(() => exit === null && process.kill(pid, 'SIGKILL'), STOP_TIMEOUT_MS);
      await gone;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const url = `mongodb://127.0.0.1:${port}/`;
  try {
    await untilAnswering(url, () => exit);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
