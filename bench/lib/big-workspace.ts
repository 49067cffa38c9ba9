import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_KEY_FILE_NAME } from '../../server/src/config.js';
import { openSqliteStorage } from '../../server/src/storage/sqlite-storage.js';
import { connectSocket, joinSocket } from './clients.js';
import { spawnServer } from './proc.js';
import { DB_FILE, seedBenchData, snapshotAt, type Seeded } from './seed.js';
import { mb } from './stats.js';
import { LOAD_ENV } from './targets.js';

export type BigFigures = {
  variant: 'no snapshot' | 'snapshot';
  cards: number;
  events: number;
  seedMs: number;
  readyMs: number;
  coldLoadMs: number;
  warmLoadMs: number;
  warmLoadMaxMs: number;
  stateBytes: number;
  rssMb: number;
};

/** Start-up and board load of a workspace with a long history, without and with a snapshot. */
export async function bigWorkspace(size: { cards: number; events: number }, warmRuns = 5): Promise<BigFigures[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'verbund-bench-big-'));
  try {
    const seedStart = performance.now();
    const seeded = await seedBenchData(dataDir, { accounts: 10, big: { ...size, snapshot: false } });
    const seedMs = performance.now() - seedStart;
    const withoutSnapshot = await measure(seeded, 'no snapshot', warmRuns);
    const snapshotDir = mkdtempSync(join(tmpdir(), 'verbund-bench-big-snap-'));
    try {
      // The copy keeps the key file too: the server on it must verify the same chain.
      for (const file of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, AUDIT_KEY_FILE_NAME]) {
        if (existsSync(join(dataDir, file))) copyFileSync(join(dataDir, file), join(snapshotDir, file));
      }
      await addSnapshot(join(snapshotDir, DB_FILE), seeded, 500);
      const withSnapshot = await measure({ ...seeded, dataDir: snapshotDir }, 'snapshot', warmRuns);
      return [withoutSnapshot, withSnapshot].map((f) => ({ ...f, seedMs }));
    } finally {
      rmSync(snapshotDir, { recursive: true, force: true });
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A snapshot `tail` events before the end, as a server that has run for a while leaves behind. */
async function addSnapshot(file: string, seeded: Seeded, tail: number): Promise<void> {
  const storage = openSqliteStorage(file);
  const workspaceId = seeded.big?.workspaceId ?? '';
  try {
    const events = await storage.readEvents(workspaceId, 0);
    await storage.saveSnapshot(workspaceId, snapshotAt(seeded.auditKeys, workspaceId, events, events.length - tail));
  } finally {
    await storage.close();
  }
}

async function measure(seeded: Seeded, variant: BigFigures['variant'], warmRuns: number): Promise<Omit<BigFigures, 'seedMs'>> {
  const server = await spawnServer({ mode: 'dist', env: { DATA_DIR: seeded.dataDir, ...LOAD_ENV } });
  try {
    const workspaceId = seeded.big?.workspaceId ?? '';
    const cookie = seeded.cookies[0] ?? '';
    const cold = await loadBoard(server.url, cookie, workspaceId);
    const warm: number[] = [];
    for (let i = 0; i < warmRuns; i++) warm.push((await loadBoard(server.url, cookie, workspaceId)).ms);
    warm.sort((a, b) => a - b);
    return {
      variant,
      cards: seeded.big?.cards ?? 0,
      events: seeded.big?.seq ?? 0,
      readyMs: server.readyMs,
      coldLoadMs: cold.ms,
      warmLoadMs: warm[Math.floor(warm.length / 2)] ?? NaN,
      warmLoadMaxMs: warm[warm.length - 1] ?? NaN,
      stateBytes: cold.bytes,
      rssMb: mb(server.sample().rssBytes),
    };
  } finally {
    await server.stop();
  }
}

/** What the web app does to show a board: who am I, the state, the people, then the live socket. */
async function loadBoard(url: string, cookie: string, workspaceId: string): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const get = async (path: string) => {
    const res = await fetch(`${url}${path}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return res.text();
  };
  const [, stateText] = await Promise.all([get('/api/auth/me'), get(`/api/workspaces/${workspaceId}/state`), get(`/api/workspaces/${workspaceId}/people`)]);
  const state = JSON.parse(stateText) as { seq: number };
  const socket = await connectSocket(url, cookie, workspaceId);
  await joinSocket(socket, state.seq);
  const ms = performance.now() - start;
  socket.disconnect();
  return { ms, bytes: stateText.length };
}
