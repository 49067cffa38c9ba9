import { editCommand, openMany, Replica, serverState, stateDigest } from './clients.js';
import { sleep, waitFor } from './stats.js';
import { startVerbund } from './targets.js';

export type ReconnectFigures = {
  clients: number;
  editRate: number;
  droppedForMs: number;
  /** Events committed while the clients were away. */
  missedEvents: number;
  /** From the moment all reconnect until every one has joined and holds every event acknowledged before. */
  caughtUpMs: number;
  converged: boolean;
  distinctDigests: number;
  gaps: number;
  duplicates: number;
};

/**
 * `clients` replicas drop at once (no goodbye) while edits continue, then all reconnect at once
 * with the last sequence number they saw.
 */
export async function reconnectStorm(options: { clients: number; editors: number; rate: number; dropMs: number }): Promise<ReconnectFigures> {
  const target = await startVerbund({ accounts: 50 });
  const { url } = target.server;
  const { workspaceId, cookies, cardIds } = target.seeded;
  const cookie = (i: number) => cookies[i % cookies.length] ?? '';
  try {
    const replicas = await openMany(options.clients, async (i) => {
      const replica = new Replica(url, cookie(i), workspaceId);
      await replica.connect();
      return replica;
    });
    const editors = await openMany(options.editors, async (i) => {
      const editor = new Replica(url, cookie(i), workspaceId);
      await editor.connect();
      return editor;
    });
    let ackedSeq = 0;
    let n = 0;
    const timer = setInterval(() => {
      const editor = editors[n % editors.length];
      const command = editCommand(workspaceId, cardIds[n % cardIds.length] ?? '', n);
      n += 1;
      editor?.socket?.emit('command:submit', command, (answer) => {
        if (answer.ok) ackedSeq = Math.max(ackedSeq, answer.value.seq);
      });
    }, 1000 / options.rate);

    await sleep(1_000);
    for (const replica of replicas) replica.drop();
    const seqAtDrop = ackedSeq;
    await sleep(options.dropMs);
    const mustReach = ackedSeq;
    const start = performance.now();
    await Promise.all(replicas.map((r) => r.connect()));
    await waitFor(() => replicas.every((r) => r.state.seq >= mustReach), 30_000, 5);
    const caughtUpMs = performance.now() - start;
    await sleep(1_000);
    clearInterval(timer);
    // Let the last edits commit, so the state we compare against is the final one.
    await sleep(500);

    const final = await serverState(url, cookie(0), workspaceId);
    await waitFor(() => [...replicas, ...editors].every((r) => r.state.seq >= final.seq), 10_000, 20);
    const expected = stateDigest(final);
    const digests = new Set([...replicas, ...editors].map((r) => r.digest()));
    for (const r of [...replicas, ...editors]) r.close();
    return {
      clients: options.clients,
      editRate: options.rate,
      droppedForMs: options.dropMs,
      missedEvents: mustReach - seqAtDrop,
      caughtUpMs,
      converged: digests.size === 1 && digests.has(expected),
      distinctDigests: digests.size,
      gaps: replicas.reduce((sum, r) => sum + r.gaps, 0),
      duplicates: replicas.reduce((sum, r) => sum + r.duplicates, 0),
    };
  } finally {
    await target.close();
  }
}
