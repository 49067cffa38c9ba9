import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ERROR_CODES } from '../../../shared/src/errors.js';
import { connectSocket, editCommand, submitCommand, serverState, stateDigest, type VerbundSocket } from '../clients.js';
import { spawnServer, type ServerProcess } from '../proc.js';
import { seedBenchData, type Seeded } from '../seed.js';
import { mb, sleep } from '../stats.js';
import { shots, type Shot } from './hostile-payloads.js';

export type HostileOptions = {
  /** Generated hostile payloads (socket and HTTP), besides the flood. */
  payloads: number;
  /** Valid commands one client fires at once at the flood workspace. */
  flood: number;
  seed: number;
  mode: 'dist' | 'source';
  log?: (line: string) => void;
};

export type HostileReport = {
  seed: number;
  sent: { socket: number; http: number; flood: number };
  /** Answers by error code (or `ok`, `no answer expected`). */
  answers: Record<string, number>;
  flood: Record<string, number>;
  failures: string[];
  crashed: boolean;
  heapBeforeMb: number;
  heapAfterMb: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  digestUnchanged: boolean;
  ok: boolean;
};

const TYPED = new Set<string>(ERROR_CODES.filter((c) => c !== 'internal'));
const SOCKET_WORKERS = 4;
const HTTP_WORKERS = 4;
/** A fresh socket before the per-socket command bucket (200) runs dry, so payloads reach validation. */
const SHOTS_PER_SOCKET = 150;

/**
 * Hostile input: fast-check generates malformed and hostile socket payloads and HTTP bodies
 * (fixed seed); one client floods valid commands. The server must answer each with a typed
 * error or a rate limit, never crash, return to its memory baseline and leave the workspace as it was.
 */
export async function runHostile(options: HostileOptions): Promise<HostileReport> {
  const log = options.log ?? (() => undefined);
  const dataDir = mkdtempSync(join(tmpdir(), 'verbund-hostile-'));
  const seeded = await seedBenchData(dataDir, { accounts: 4, big: { cards: 5, events: 20, snapshot: false } });
  const server = await spawnServer({ mode: options.mode, env: { DATA_DIR: dataDir } });
  const answers: Record<string, number> = {};
  const failures: string[] = [];
  const tally = (key: string) => (answers[key] = (answers[key] ?? 0) + 1);
  const fail = (why: string) => {
    if (failures.length < 50) failures.push(why);
  };
  const sent = { socket: 0, http: 0, flood: 0 };
  try {
    const cookie = seeded.cookies[0] ?? '';
    const digestBefore = stateDigest(await serverState(server.url, cookie, seeded.workspaceId));
    const all = fc.sample(shots(seeded.workspaceId), { seed: options.seed, numRuns: options.payloads });
    // Warm-up: the first few hundred shots, so the baseline includes what any first request allocates once.
    const warm = all.splice(0, Math.min(300, Math.floor(all.length / 10)));
    await fire(warm, seeded, server, { tally, fail, sent });
    await sleep(300);
    const before = await server.heap();
    const rssBefore = server.sample().rssBytes;
    await fire(all, seeded, server, { tally, fail, sent });
    const flood = await floodValid(server, seeded, options.flood);
    sent.flood = options.flood;
    for (const [code, count] of Object.entries(flood)) if (code !== 'ok' && code !== 'rate_limited') fail(`flood answered ${code} ${count} times`);
    await sleep(1_500);
    const crashed = !(await alive(server));
    const after = crashed ? before : await server.heap();
    const rssAfter = crashed ? rssBefore : server.sample().rssBytes;
    const digestAfter = crashed ? '' : stateDigest(await serverState(server.url, cookie, seeded.workspaceId));
    const heapBeforeMb = mb(before.heapUsed);
    const heapAfterMb = mb(after.heapUsed);
    // Back to baseline: what is still reachable after a full GC grew by less than 10 MB.
    const memoryOk = after.heapUsed - before.heapUsed < 10 * 1024 * 1024;
    if (!memoryOk) fail(`heap grew from ${heapBeforeMb} MB to ${heapAfterMb} MB`);
    const report: HostileReport = {
      seed: options.seed,
      sent,
      answers,
      flood,
      failures,
      crashed,
      heapBeforeMb,
      heapAfterMb,
      rssBeforeMb: mb(rssBefore),
      rssAfterMb: mb(rssAfter),
      digestUnchanged: digestAfter === digestBefore,
      ok: false,
    };
    report.ok = !crashed && failures.length === 0 && report.digestUnchanged && memoryOk;
    log(`hostile: ${sent.socket} socket + ${sent.http} HTTP payloads, ${sent.flood} flood commands; answers ${JSON.stringify(answers)}; flood ${JSON.stringify(flood)}; heap ${heapBeforeMb} → ${heapAfterMb} MB; digest ${report.digestUnchanged ? 'unchanged' : 'CHANGED'}`);
    return report;
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Sink = { tally: (key: string) => void; fail: (why: string) => void; sent: { socket: number; http: number } };

async function fire(all: Shot[], seeded: Seeded, server: ServerProcess, sink: Sink): Promise<void> {
  const socketShots = all.filter((s): s is Extract<Shot, { kind: 'socket' }> => s.kind === 'socket');
  const httpShots = all.filter((s): s is Extract<Shot, { kind: 'http' }> => s.kind === 'http');
  const split = <T>(list: T[], parts: number) => Array.from({ length: parts }, (_, i) => list.filter((_, j) => j % parts === i));
  await Promise.all([
    ...split(socketShots, SOCKET_WORKERS).map((part) => socketWorker(part, seeded, server, sink)),
    ...split(httpShots, HTTP_WORKERS).map((part) => httpWorker(part, seeded, server, sink)),
  ]);
}

async function socketWorker(list: Extract<Shot, { kind: 'socket' }>[], seeded: Seeded, server: ServerProcess, sink: Sink): Promise<void> {
  let socket: VerbundSocket | null = null;
  let used = 0;
  const cookie = seeded.cookies[1] ?? '';
  for (const shot of list) {
    if (!socket?.connected || used >= SHOTS_PER_SOCKET) {
      socket?.disconnect();
      socket = await connectSocket(server.url, cookie, seeded.workspaceId);
      used = 0;
    }
    used += 1;
    sink.sent.socket += 1;
    // The typed event map does not allow hostile payloads, which is the point: emit untyped.
    const raw = socket as unknown as { emit: (event: string, ...args: unknown[]) => void; timeout: (ms: number) => { emitWithAck: (event: string, ...args: unknown[]) => Promise<unknown> } };
    if (!shot.withAck || shot.event === 'presence:update' || shot.event === 'no:such:event') {
      raw.emit(shot.event, shot.payload);
      sink.tally('no answer expected');
      continue;
    }
    let answer: unknown;
    try {
      answer = await raw.timeout(10_000).emitWithAck(shot.event, shot.payload);
    } catch (error) {
      sink.fail(`${shot.event}: no answer (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    judgeAck(shot.event, answer, sink);
  }
  socket?.disconnect();
}

function judgeAck(event: string, answer: unknown, sink: Sink): void {
  const a = answer as { ok?: unknown; error?: { code?: unknown } } | null;
  if (a?.ok === true && event === 'sync:join') return sink.tally('ok (valid join)');
  const code = typeof a?.error?.code === 'string' ? a.error.code : '';
  if (a?.ok === false && TYPED.has(code)) return sink.tally(code);
  sink.tally('untyped');
  sink.fail(`${event}: answered ${JSON.stringify(answer)?.slice(0, 200)}`);
}

async function httpWorker(list: Extract<Shot, { kind: 'http' }>[], seeded: Seeded, server: ServerProcess, sink: Sink): Promise<void> {
  const cookie = seeded.cookies[2] ?? '';
  for (const shot of list) {
    sink.sent.http += 1;
    const path =
      shot.path === 'login' ? '/api/auth/login' : shot.path === 'commands' ? `/api/workspaces/${seeded.workspaceId}/commands` : `/api/workspaces/${pathSegment(shot.body.slice(0, 100))}/state`;
    const method = shot.path === 'state' ? 'GET' : 'POST';
    try {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { cookie, 'content-type': shot.contentType, 'x-requested-with': 'verbund' },
        body: method === 'POST' ? shot.body : undefined,
      });
      const text = await res.text();
      const code = (() => {
        try {
          return (JSON.parse(text) as { code?: unknown }).code;
        } catch {
          return undefined;
        }
      })();
      if (res.status >= 400 && res.status < 500 && typeof code === 'string' && TYPED.has(code)) sink.tally(code);
      else {
        sink.tally(`http ${res.status}`);
        sink.fail(`${method} ${shot.path}: ${res.status} ${text.slice(0, 200)}`);
      }
    } catch (error) {
      sink.fail(`${method} ${shot.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** One client fires `count` valid edits at once into the flood workspace: each is applied or rate-limited. */
async function floodValid(server: ServerProcess, seeded: Seeded, count: number): Promise<Record<string, number>> {
  const big = seeded.big;
  if (!big || count === 0) return {};
  const socket = await connectSocket(server.url, seeded.cookies[3] ?? '', big.workspaceId);
  const state = await serverState(server.url, seeded.cookies[3] ?? '', big.workspaceId);
  const cardIds = Object.keys(state.cards);
  const results: Record<string, number> = {};
  await Promise.all(
    Array.from({ length: count }, async (_, n) => {
      const answer = await submitCommand(socket, editCommand(big.workspaceId, cardIds[n % cardIds.length] ?? '', n));
      const key = answer.ok ? 'ok' : answer.error.code;
      results[key] = (results[key] ?? 0) + 1;
    }),
  );
  socket.disconnect();
  return results;
}

/** A hostile path segment, percent-encoded byte by byte (lone surrogates become U+FFFD first). */
function pathSegment(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
}

async function alive(server: ServerProcess): Promise<boolean> {
  const exited = await Promise.race([server.exited.then(() => true), sleep(10).then(() => false)]);
  if (exited) return false;
  try {
    return (await fetch(`${server.url}/api/health`)).ok;
  } catch {
    return false;
  }
}
