import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { within } from './stats.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Asks the kernel for a free port on 127.0.0.1 (the server takes PORT, not 0, so we pick one). */
export function freePort(): Promise<number> {
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

export type ProcSample = { cpuSeconds: number; rssBytes: number; at: number };

const CLOCK_TICKS = 100;

/** CPU (user + system) and resident memory of a process, from /proc (Linux only). */
export function sampleProc(pid: number): ProcSample {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may contain spaces, start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuSeconds: ticks / CLOCK_TICKS, rssBytes: rssKb * 1024, at: performance.now() };
}

/** CPU share (1.0 = one core) between two samples. */
export function cpuShare(a: ProcSample, b: ProcSample): number {
  const seconds = (b.at - a.at) / 1000;
  return seconds > 0 ? (b.cpuSeconds - a.cpuSeconds) / seconds : 0;
}

/** `writtenBytes`: what a document server handed to its store since start, where it counts that (the Hocuspocus peer). */
export type HeapReport = { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number; writtenBytes?: number };

export type ServerProcess = {
  pid: number;
  url: string;
  port: number;
  /** Milliseconds from spawn to the ready line. */
  readyMs: number;
  output: () => string;
  /** Runs a full GC in the server (needs the instrumented entry and --expose-gc) and reports its memory. */
  heap: () => Promise<HeapReport>;
  sample: () => ProcSample;
  exited: Promise<number | null>;
  /** SIGTERM and wait (or SIGKILL for crash tests). */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

export type SpawnOptions = {
  /** `dist` runs the built server (closest to production); `source` runs the TypeScript through tsx. */
  mode: 'dist' | 'source';
  /** Entry relative to the server's src/ or dist/ folder, without extension. */
  entry?: string;
  env: Record<string, string>;
  readyLine?: RegExp;
  nodeArgs?: string[];
  timeoutMs?: number;
  port?: number;
};

const MEMORY_LINE = 'verbund-memory ';

/** Starts a server process on 127.0.0.1 and resolves once it prints its ready line. */
export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const entry = options.entry ?? 'faults/instrumented-main';
  const args =
    options.mode === 'dist'
      ? [...(options.nodeArgs ?? []), `server/dist/${entry}.js`]
      : ['--conditions=@verbund/source', '--import', 'tsx', ...(options.nodeArgs ?? []), `server/src/${entry}.ts`];
  return spawnNode(['--expose-gc', ...args], { ...options, port }, /Verbund is running at/);
}

/** Spawns any node script that prints a ready line and follows the memory-probe convention. */
export function spawnNode(args: string[], options: SpawnOptions & { port: number }, defaultReady: RegExp): Promise<ServerProcess> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(options.port), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid ?? 0;
  let log = '';
  const heapWaiters: ((report: HeapReport) => void)[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const readyLine = options.readyLine ?? defaultReady;
  return new Promise((resolve, reject) => {
    let ready = false;
    const timer = setTimeout(() => fail(new Error(`server did not start in time:\n${log}`)), options.timeoutMs ?? 60_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const onLine = (line: string) => {
      if (line.startsWith(MEMORY_LINE)) {
        heapWaiters.shift()?.(JSON.parse(line.slice(MEMORY_LINE.length)) as HeapReport);
        return;
      }
      if (log.length < 200_000) log += `${line}\n`;
      if (!ready && readyLine.test(line)) {
        ready = true;
        clearTimeout(timer);
        resolve(handle(performance.now() - started));
      }
    };
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      lines.forEach(onLine);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      if (!ready) fail(new Error(`server exited with ${code} before it was ready:\n${log}`));
    });
  });

  function handle(readyMs: number): ServerProcess {
    return {
      pid,
      port: options.port,
      url: `http://127.0.0.1:${options.port}`,
      readyMs,
      output: () => log,
      heap: () =>
        within(
          new Promise<HeapReport>((resolve) => {
            heapWaiters.push(resolve);
            child.kill('SIGUSR2');
          }),
          30_000,
          `the memory probe (SIGUSR2) of process ${pid}: its event loop is blocked, or it is not the instrumented entry`,
        ),
      sample: () => sampleProc(pid),
      exited,
      stop: async (signal = 'SIGTERM') => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill(signal);
        const timeout = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timeout);
      },
    };
  }
}
