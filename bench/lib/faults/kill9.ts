import type { Command } from '../../../shared/src/commands.js';
import type { AuditKeys } from '../../../server/src/audit/audit-key.js';
import { openSqliteStorage } from '../../../server/src/storage/sqlite-storage.js';
import { verifyChain } from '../../../server/src/sync/hash-chain.js';
import { editCommand, Replica, submitCommand, serverState, stateDigest } from '../clients.js';
import { sleep, waitFor } from '../stats.js';
import { killMoment, openCrashSite, seededRandom } from './crash-site.js';

export type Kill9Options = {
  rounds: number;
  /** Seeds the moments of the kills, so a failing run can be repeated. */
  seed: number;
  editors: number;
  /** Combined edits per second during the storm. */
  rate: number;
  mode: 'dist' | 'source';
  log?: (line: string) => void;
};

export type Kill9Round = {
  round: number;
  killedAfterMs: number;
  acknowledged: number;
  /** Sent but not answered before the kill; retried with the same id after the restart. */
  inFlight: number;
  lost: string[];
  duplicated: string[];
  chainOk: boolean;
  events: number;
  restartMs: number;
  converged: boolean;
};

export type Kill9Report = { seed: number; rounds: Kill9Round[]; ok: boolean };

/**
 * A server under an edit storm is killed with SIGKILL at a random moment, again and again. After
 * each kill: every acknowledged command is in the log exactly once and the hash chain verifies;
 * after the restart, in-flight commands retried with their ids apply once, and all clients
 * converge on the server's state.
 */
export async function runKill9(options: Kill9Options): Promise<Kill9Report> {
  const log = options.log ?? (() => undefined);
  const random = seededRandom(options.seed);
  const site = await openCrashSite({ seed: { accounts: options.editors }, env: { COMMAND_BURST: '10000', COMMAND_RATE: '10000' }, mode: options.mode });
  const { seeded } = site;
  const acknowledged = new Set<string>();
  const rounds: Kill9Round[] = [];
  let replicas: Replica[] = [];
  try {
    replicas = await connectAll(site.server.url, seeded.cookies, seeded.workspaceId, options.editors);
    for (let round = 1; round <= options.rounds; round++) {
      const inFlight = new Map<string, { replica: Replica; command: Command }>();
      let n = 0;
      const storm = setInterval(() => {
        const replica = replicas[n % replicas.length];
        const command = editCommand(seeded.workspaceId, seeded.cardIds[n % seeded.cardIds.length] ?? '', n);
        n += 1;
        if (!replica?.socket?.connected) return;
        inFlight.set(command.id, { replica, command });
        replica.socket.emit('command:submit', command, (answer) => {
          inFlight.delete(command.id);
          if (answer.ok) acknowledged.add(command.id);
        });
      }, 1000 / options.rate);
      const killedAfterMs = killMoment(random);
      await sleep(killedAfterMs);
      await site.kill();
      clearInterval(storm);
      for (const r of replicas) r.drop();

      const check = await checkLog(site.dbFile, seeded.auditKeys, seeded.workspaceId, acknowledged);
      const restartMs = await site.restart();
      await Promise.all(replicas.map((r) => r.connect()));
      const retried = await Promise.all(
        [...inFlight.values()].map(async ({ replica, command }) => {
          if (!replica.socket) return false;
          const answer = await submitCommand(replica.socket, command, 10_000);
          if (answer.ok) acknowledged.add(command.id);
          return answer.ok;
        }),
      );
      const converged = await convergence(site.server.url, seeded.cookies[0] ?? '', seeded.workspaceId, replicas);
      const after = await checkLog(site.dbFile, seeded.auditKeys, seeded.workspaceId, acknowledged);
      const result: Kill9Round = {
        round,
        killedAfterMs,
        acknowledged: acknowledged.size,
        inFlight: inFlight.size,
        lost: [...check.lost, ...after.lost],
        duplicated: [...check.duplicated, ...after.duplicated],
        chainOk: check.chainOk && after.chainOk && retried.every(Boolean),
        events: after.events,
        restartMs,
        converged,
      };
      rounds.push(result);
      log(
        `round ${round}: killed after ${killedAfterMs} ms, ${result.acknowledged} acknowledged, ${result.inFlight} in flight, ` +
          `lost ${result.lost.length}, duplicated ${result.duplicated.length}, chain ${result.chainOk ? 'ok' : 'BROKEN'}, ` +
          `restart ${Math.round(restartMs)} ms, ${converged ? 'converged' : 'NOT converged'}`,
      );
    }
  } finally {
    for (const r of replicas) r.close();
    await site.close();
  }
  const ok = rounds.every((r) => r.lost.length === 0 && r.duplicated.length === 0 && r.chainOk && r.converged);
  return { seed: options.seed, rounds, ok };
}

async function connectAll(url: string, cookies: string[], workspaceId: string, count: number): Promise<Replica[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const replica = new Replica(url, cookies[i % cookies.length] ?? '', workspaceId);
      await replica.connect();
      return replica;
    }),
  );
}

/** Reads the log straight from the file (the server is down or idle): chain, and each acknowledged id once. */
async function checkLog(file: string, auditKeys: AuditKeys, workspaceId: string, acknowledged: ReadonlySet<string>) {
  const storage = openSqliteStorage(file);
  try {
    const events = await storage.readEvents(workspaceId, 0);
    const chainOk = verifyChain(auditKeys, events).ok;
    const counts = new Map<string, number>();
    for (const e of events) if (e.commandId) counts.set(e.commandId, (counts.get(e.commandId) ?? 0) + 1);
    const lost = [...acknowledged].filter((id) => !counts.has(id));
    const duplicated = [...counts].filter(([, c]) => c > 1).map(([id]) => id);
    return { chainOk, lost, duplicated, events: events.length };
  } finally {
    await storage.close();
  }
}

async function convergence(url: string, cookie: string, workspaceId: string, replicas: Replica[]): Promise<boolean> {
  const state = await serverState(url, cookie, workspaceId);
  await waitFor(() => replicas.every((r) => r.state.seq >= state.seq), 10_000, 10);
  const expected = stateDigest(state);
  return replicas.every((r) => r.digest() === expected && r.gaps === 0);
}
