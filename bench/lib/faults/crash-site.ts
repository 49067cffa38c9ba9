import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnServer, type ServerProcess } from '../proc.js';
import { DB_FILE, seedBenchData, type Seeded, type SeedOptions } from '../seed.js';

/** A small deterministic generator (mulberry32), so kill moments follow from the seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** When, after a round's load began, the server is killed: 0.2 to 2 s, drawn from the run's generator. */
export const killMoment = (random: () => number): number => Math.round(200 + random() * 1_800);

/**
 * A real server process on a seeded throw-away data directory, to be killed with SIGKILL and started
 * again on the same port and files, as a supervisor would after a crash.
 */
export type CrashSite = {
  seeded: Seeded;
  /** The SQLite file, to be read directly while the server is down. */
  dbFile: string;
  readonly server: ServerProcess;
  kill: () => Promise<void>;
  /** Starts the server again; resolves with the milliseconds until it was ready. */
  restart: () => Promise<number>;
  close: () => Promise<void>;
};

export type CrashSiteOptions = { seed: SeedOptions; env: Record<string, string>; mode: 'dist' | 'source' };

export async function openCrashSite(options: CrashSiteOptions): Promise<CrashSite> {
  const dataDir = mkdtempSync(join(tmpdir(), 'verbund-kill9-'));
  try {
    const seeded = await seedBenchData(dataDir, options.seed);
    const port = await freePort();
    const start = () => spawnServer({ mode: options.mode, port, env: { DATA_DIR: dataDir, ...options.env } });
    let server = await start();
    return {
      seeded,
      dbFile: join(dataDir, DB_FILE),
      get server() {
        return server;
      },
      kill: () => server.stop('SIGKILL'),
      restart: async () => {
        const started = performance.now();
        server = await start();
        return performance.now() - started;
      },
      close: async () => {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
