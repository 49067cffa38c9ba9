import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { SEED_CLIENT_ID } from '../domain/documents/paragraphs.js';
import type { DocAppendOutcome, Storage, StoredDoc } from '../storage/port.js';

export type DocSettings = {
  /** A document's stored bytes (snapshot and updates) may not pass this (rule Y12, DOC_MAX_BYTES). */
  maxBytes: number;
  /** Stored updates after the snapshot beyond which the document is compacted (rule Y11). */
  compactAfterUpdates: number;
  /** Bytes of stored updates after the snapshot beyond which it is compacted. */
  compactAfterBytes: number;
  /** How long a document nobody has open stays in memory. */
  idleUnloadMs: number;
  /** How long writing must pause before the state's copy of a document follows it (rule Y17). */
  mirrorDelayMs: number;
};

export const DEFAULT_DOC_SETTINGS: DocSettings = {
  maxBytes: 8 * 1024 * 1024,
  compactAfterUpdates: 500,
  compactAfterBytes: 256 * 1024,
  idleUnloadMs: 30_000,
  mirrorDelayMs: 1_500,
};

/** The update did not apply as Yjs (garbage bytes): refused, nothing stored (rule Y9). */
export class InvalidUpdateError extends Error {
  constructor() {
    super('not a Yjs update');
    this.name = 'InvalidUpdateError';
  }
}

/** The update would pass the document's quota; nothing is stored (rule Y12). */
export class DocQuotaError extends Error {
  constructor(readonly docId: string, readonly maxBytes: number) {
    super(`document ${docId} would pass its quota of ${maxBytes} bytes`);
    this.name = 'DocQuotaError';
  }
}

/** The update writes under a client id that is someone else's, or the seed's (Y18): nothing stored. */
export class ForeignWriterError extends Error {
  constructor() {
    super('the update writes under a client id that belongs to someone else');
    this.name = 'ForeignWriterError';
  }
}

/** The update came when the text was no longer writable for its sender (a round froze it meanwhile): nothing stored. */
export class ReadOnlyNowError extends Error {
  constructor() {
    super('the document became read-only');
    this.name = 'ReadOnlyNowError';
  }
}

/**
 * Builds a document from what is stored: every part applied inside one transaction, so observers and
 * the garbage collection run once, not once per update. Not `Y.mergeUpdates` over the whole history:
 * it re-sorts its decoders for every struct it writes, which grows with the square of the number of
 * updates (50,000 stored keystrokes took minutes; applied like this, a fraction of a second).
 */
function docFrom(stored: StoredDoc): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const { update } of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

/** Whether `update` decodes and applies as Yjs on its own. */
function isUpdate(update: Uint8Array): boolean {
  const probe = new Y.Doc();
  try {
    Y.applyUpdate(probe, update);
    return true;
  } catch {
    return false;
  } finally {
    probe.destroy();
  }
}

/** One update waiting for its turn, with what its sender waits on. */
type WaitingWrite = {
  kind: 'write';
  updateId: string;
  update: Uint8Array;
  relay: () => void;
  mayWrite: () => boolean;
  /** The person whose connection sent it, or null (the server's own writes). */
  by: string | null;
  resolve: (outcome: 'stored' | 'duplicate') => void;
  reject: (error: Error) => void;
};
/** Work that runs alone between writes (a freeze, a compaction). */
type ExclusiveTask = { kind: 'task'; run: () => Promise<void> };

/** At most this many waiting updates go into one transaction, so one batch cannot hold the writer long. */
const MAX_BATCH = 256;

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/** Applies the update; true when it changed the document (a re-applied update changes nothing). */
function applyChanged(doc: Y.Doc, update: Uint8Array): boolean {
  let changed = false;
  const mark = () => (changed = true);
  doc.on('update', mark);
  try {
    Y.applyUpdate(doc, update);
  } finally {
    doc.off('update', mark);
  }
  return changed;
}

/**
 * One open document in memory: the Y.Doc every connection syncs with and the awareness relayed
 * between them. Writes are serialised, and each is stored before it is applied and relayed
 * (rule Y3), so the memory never holds what storage does not. Updates arriving while a write is
 * stored wait together and are stored in one transaction next (group commit, rule Y19).
 */
export class LiveDoc {
  readonly awareness: Awareness;
  /** Which connection speaks for each awareness client id (Y16): one connection's carets are its own. */
  readonly claims = new Map<number, string>();
  private readonly queue: (WaitingWrite | ExclusiveTask)[] = [];
  private drained: Promise<void> = Promise.resolve();
  private draining = false;
  private compacting = false;

  private constructor(
    readonly doc: Y.Doc,
    private readonly where: { storage: Storage; workspaceId: string; docId: string; settings: DocSettings },
    private sinceSnapshot: { updates: number; bytes: number },
    /** Who wrote under each Yjs client id (Y18), loaded on open: only an id new to the document costs a write. */
    private readonly writers: Map<number, string>,
  ) {
    this.awareness = new Awareness(doc);
    // The server is no participant: only the connections' states are relayed.
    this.awareness.setLocalState(null);
  }

  /** Loads the document, seeding it first if it was never stored (rule Y8: from the server, stored once). */
  static async load(storage: Storage, workspaceId: string, docId: string, seed: () => Uint8Array | Promise<Uint8Array>, settings: DocSettings): Promise<LiveDoc> {
    let stored = await storage.readDoc(workspaceId, docId);
    if (!stored) {
      await storage.appendDocUpdates(workspaceId, docId, [{ updateId: seedUpdateId(docId), update: await seed() }], settings.maxBytes);
      stored = await storage.readDoc(workspaceId, docId);
      if (!stored) throw new Error(`document ${docId} was seeded but reads as missing`);
    }
    const writers = new Map((await storage.readDocWriters(workspaceId, docId)).map((w) => [w.clientId, w.personId]));
    const live = new LiveDoc(docFrom(stored), { storage, workspaceId, docId, settings }, pendingOf(stored), writers);
    live.compactIfDue();
    return live;
  }

  /**
   * Stores the update (once per id), then applies it and calls `relay`; resolves when that is done.
   * A duplicate is applied and relayed only if the memory lacks it (stored by an attempt whose
   * answer was lost). `mayWrite` is asked again when the update's turn comes: what froze the text
   * while it waited (a sign-off round, P10) counts. `by` is the person whose connection sent it: the
   * client ids it writes under for the first time become theirs (Y18).
   */
  write(updateId: string, update: Uint8Array, relay: () => void, mayWrite: () => boolean = () => true, by: string | null = null): Promise<'stored' | 'duplicate'> {
    return new Promise((resolve, reject) => this.enqueue({ kind: 'write', updateId, update, relay, mayWrite, by, resolve, reject }));
  }

  /**
   * Runs `task` between writes: no update is stored or applied while it runs, so what it reads of the
   * text is exactly what is stored until it ends (freezing the text for a sign-off round, P10).
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return new Promise((resolve, reject) => {
      this.enqueue({ kind: 'task', run: () => Promise.resolve().then(task).then(resolve, reject) });
    });
  }

  /** The person who wrote under a Yjs client id, or null for the seed and ids nobody claimed (Y18). */
  writerOf(clientId: number): string | null {
    return this.writers.get(clientId) ?? null;
  }

  /** Resolves once every write begun so far is done (and a compaction running now). */
  settled(): Promise<void> {
    return this.drained;
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }

  private enqueue(work: WaitingWrite | ExclusiveTask): void {
    this.queue.push(work);
    if (this.draining) return;
    this.draining = true;
    this.drained = this.drain();
  }

  /**
   * Takes the queue in order: a task alone, else every write waiting before the next task, as one
   * batch. `draining` drops in the same step as the queue is found empty, so work enqueued after
   * that starts the next drain instead of waiting for this one.
   */
  private async drain(): Promise<void> {
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        if (next.kind === 'task') {
          await next.run();
          continue;
        }
        const batch = [next];
        while (batch.length < MAX_BATCH) {
          const waiting = this.queue[0];
          if (waiting?.kind !== 'write') break;
          batch.push(waiting);
          this.queue.shift();
        }
        await this.storeBatch(batch);
      }
    } finally {
      this.draining = false;
    }
  }

  private async storeBatch(batch: WaitingWrite[]): Promise<void> {
    const admitted: WaitingWrite[] = [];
    for (const w of batch) {
      const refusal = !w.mayWrite() ? new ReadOnlyNowError() : !isUpdate(w.update) ? new InvalidUpdateError() : null;
      if (refusal) {
        w.reject(refusal);
        continue;
      }
      try {
        // One after the other: an id the first update of the batch claims is the next one's to respect.
        if (w.by && !(await this.claimWriters(w.update, w.by))) w.reject(new ForeignWriterError());
        else admitted.push(w);
      } catch (error) {
        w.reject(asError(error));
      }
    }
    if (admitted.length === 0) return;
    const { storage, workspaceId, docId, settings } = this.where;
    let outcomes: DocAppendOutcome[];
    try {
      outcomes = await storage.appendDocUpdates(workspaceId, docId, admitted.map(({ updateId, update }) => ({ updateId, update })), settings.maxBytes);
    } catch (error) {
      for (const w of admitted) w.reject(asError(error));
      return;
    }
    admitted.forEach((w, i) => {
      try {
        w.resolve(this.took(w, outcomes[i]));
      } catch (error) {
        w.reject(asError(error));
      }
    });
    this.compactIfDue();
  }

  /**
   * Brings the memory to what storage answered for one update. A duplicate the memory lacks (stored
   * by an attempt whose answer was lost) is applied and relayed now.
   */
  private took(w: WaitingWrite, outcome: DocAppendOutcome | undefined): 'stored' | 'duplicate' {
    if (outcome === 'over_quota') throw new DocQuotaError(this.where.docId, this.where.settings.maxBytes);
    if (outcome === 'duplicate') {
      if (applyChanged(this.doc, w.update)) w.relay();
      return 'duplicate';
    }
    if (outcome !== 'stored') throw new Error(`storage gave no outcome for update ${w.updateId}`);
    Y.applyUpdate(this.doc, w.update);
    this.sinceSnapshot = { updates: this.sinceSnapshot.updates + 1, bytes: this.sinceSnapshot.bytes + w.update.byteLength };
    w.relay();
    return 'stored';
  }

  /**
   * Y18: a person's update writes only under client ids nobody else claimed, never the seed's (false
   * when it does); those nobody claimed yet become its sender's, durably, before it is stored.
   */
  private async claimWriters(update: Uint8Array, personId: string): Promise<boolean> {
    const clientIds = [...Y.parseUpdateMeta(update).from.keys()];
    if (clientIds.some((clientId) => clientId === SEED_CLIENT_ID || (this.writers.get(clientId) ?? personId) !== personId)) return false;
    const fresh = clientIds.filter((clientId) => !this.writers.has(clientId));
    if (fresh.length === 0) return true;
    const { storage, workspaceId, docId } = this.where;
    await storage.claimDocWriters(workspaceId, docId, personId, fresh);
    for (const clientId of fresh) this.writers.set(clientId, personId);
    return true;
  }

  private compactIfDue(): void {
    const { settings } = this.where;
    const due = this.sinceSnapshot.updates >= settings.compactAfterUpdates || this.sinceSnapshot.bytes >= settings.compactAfterBytes;
    if (!due || this.compacting) return;
    this.compacting = true;
    // Queued as a task, so a close or unload waits for it; a failure only delays compaction.
    this.enqueue({ kind: 'task', run: () => this.compact().catch(() => undefined).finally(() => (this.compacting = false)) });
  }

  /**
   * Merges what storage holds (not the memory: storage is the truth) into one snapshot. Through
   * the garbage collection of a fresh Y.Doc, deleted text leaves the snapshot (rule Y11).
   */
  private async compact(): Promise<void> {
    const { storage, workspaceId, docId } = this.where;
    const stored = await storage.readDoc(workspaceId, docId);
    const last = stored?.updates.at(-1);
    if (!stored || !last) return;
    const merged = docFrom(stored);
    const snapshot = Y.encodeStateAsUpdate(merged);
    merged.destroy();
    await storage.compactDoc(workspaceId, docId, snapshot, last.seq);
    const after = await storage.readDoc(workspaceId, docId);
    if (after) this.sinceSnapshot = pendingOf(after);
  }
}

const pendingOf = (stored: StoredDoc) => ({ updates: stored.updates.length, bytes: stored.updates.reduce((sum, u) => sum + u.update.byteLength, 0) });

/** The seed is stored under an id derived from the document, so a second seeding is a duplicate. */
function seedUpdateId(docId: string): string {
  return `seed:${docId}`;
}
