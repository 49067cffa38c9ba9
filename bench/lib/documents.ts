import { docIdOf } from '../../shared/src/docs.js';
import { memoryPerDocument, timeToOpen, typedHistory, typing, type DocMemoryFigures, type TypingFigures, type TypingLoad } from './doc-load.js';
import { startHocuspocus, startVerbundDocs, storeVerbundHistory, type DocTarget } from './doc-targets.js';
import { waitFor } from './stats.js';

export type HistoryRow = { target: string; beforeMs: number | null; afterMs: number };
export type DocumentFigures = {
  load: TypingLoad;
  typing: TypingFigures[];
  memory: DocMemoryFigures[];
  history: { updates: number; rows: HistoryRow[] };
};

/** Doc-stream figures of Verbund and @hocuspocus/server 3.x under the same load, one after the other in one run. */
export async function documentsAgainstHocuspocus(options: { quick: boolean; timing: { warmupMs: number; measureMs: number } }): Promise<DocumentFigures> {
  const load: TypingLoad = { typists: 20, viewers: options.quick ? 30 : 100, charsPerSecond: 5, ...options.timing };
  const typingFigures = [
    await using(await startVerbundDocs({ accounts: 50, documents: 1 }), (t) => typing(t, load)),
    await using(await startHocuspocus(), (t) => typing(t, load)),
  ];
  const documents = options.quick ? 20 : 100;
  const memory = [
    await using(await startVerbundDocs({ accounts: 50, documents }), (t) => memoryPerDocument(t, documents, 2_000)),
    await using(await startHocuspocus(), (t) => memoryPerDocument(t, documents, 2_000)),
  ];
  const updates = options.quick ? 10_000 : 50_000;
  return { load, typing: typingFigures, memory, history: { updates, rows: await openingHistory(updates) } };
}

async function using<T extends DocTarget, R>(target: T, run: (target: T) => Promise<R>): Promise<R> {
  try {
    return await run(target);
  } finally {
    await target.close();
  }
}

/**
 * A document typed one character per update: Verbund holds it as that many stored updates until it
 * is next loaded, which compacts them (Y11); Hocuspocus stores only the merged state, so it has no "before".
 */
async function openingHistory(updates: number): Promise<HistoryRow[]> {
  const history = typedHistory(updates);
  const verbund = await using(
    await startVerbundDocs({
      accounts: 1,
      documents: 1,
      prepare: async (seeded) => {
        const started = performance.now();
        console.log(`documents: storing a history of ${updates} updates for Verbund, one durable commit each (10–65 s on the bench machine) ...`);
        await storeVerbundHistory(seeded, docIdOf('position', seeded.positionIds[0] ?? ''), history.updates);
        console.log(`documents: stored in ${Math.round((performance.now() - started) / 1000)} s`);
      },
    }),
    async (target) => {
      const beforeMs = await timeToOpen(target, 0, 120_000);
      // Loading found the document past the threshold and compacts it now (Y11); a restart opens it cold again.
      if (!(await waitFor(() => target.compactedThrough(0) >= updates, 120_000, 100))) {
        throw new Error(`verbund: the document of ${updates} stored updates was not compacted within 120 s of being opened`);
      }
      await target.restart();
      return { target: target.name, beforeMs, afterMs: await timeToOpen(target, 0) };
    },
  );
  const hocuspocus = await using(await startHocuspocus(), async (target) => {
    target.store(0, history.merged);
    return { target: target.name, beforeMs: null, afterMs: await timeToOpen(target, 0) };
  });
  return [verbund, hocuspocus];
}
