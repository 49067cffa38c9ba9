import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import type { Storage, StoredDoc } from '../storage/port.js';

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

/** Throws InvalidUpdateError unless `update` decodes and applies as Yjs on its own. */
function checkUpdate(update: Uint8Array): void {
  const probe = new Y.Doc();
  try {
    Y.applyUpdate(probe, update);
  } catch {
    throw new InvalidUpdateError();
  } finally {
    probe.destroy();
  }
}

/**
 * One open document in memory: the Y.Doc every connection syncs with and the awareness relayed
 * between them. Writes are serialised, and each is stored before it is applied and relayed
 * (rule Y3), so the memory never holds what storage does not.
 */
export class LiveDoc {
  readonly awareness: Awareness;
  /** Which connection speaks for each awareness client id (Y16): one connection's carets are its own. */
  readonly claims = new Map<number, string>();
  private writes: Promise<unknown> = Promise.resolve();
  private compacting = false;

  private constructor(
    readonly doc: Y.Doc,
    private readonly where: { storage: Storage; workspaceId: string; docId: string; settings: DocSettings },
    private sinceSnapshot: { updates: number; bytes: number },
  ) {
    this.awareness = new Awareness(doc);
    // The server is no participant: only the connections' states are relayed.
    this.awareness.setLocalState(null);
  }

  /** Loads the document, seeding it first if it was never stored (rule Y8: from the server, stored once). */
  static async load(storage: Storage, workspaceId: string, docId: string, seed: () => Uint8Array, settings: DocSettings): Promise<LiveDoc> {
    let stored = await storage.readDoc(workspaceId, docId);
    if (!stored) {
      await storage.appendDocUpdate(workspaceId, docId, seedUpdateId(docId), seed(), settings.maxBytes);
      stored = await storage.readDoc(workspaceId, docId);
      if (!stored) throw new Error(`document ${docId} was seeded but reads as missing`);
    }
    const live = new LiveDoc(docFrom(stored), { storage, workspaceId, docId, settings }, pendingOf(stored));
    live.compactIfDue();
    return live;
  }

  /**
   * Stores the update (once per id), then applies it and calls `relay`; resolves when that is done.
   * A duplicate is neither applied again nor relayed. `mayWrite` is asked again when the update's turn
   * comes: what froze the text while it waited (a sign-off round, P10) counts.
   */
  write(updateId: string, update: Uint8Array, relay: () => void, mayWrite: () => boolean = () => true): Promise<'stored' | 'duplicate'> {
    const run = async () => {
      if (!mayWrite()) throw new ReadOnlyNowError();
      checkUpdate(update);
      const { storage, workspaceId, docId, settings } = this.where;
      const outcome = await storage.appendDocUpdate(workspaceId, docId, updateId, update, settings.maxBytes);
      if (outcome === 'duplicate') return outcome;
      Y.applyUpdate(this.doc, update);
      relay();
      this.sinceSnapshot = { updates: this.sinceSnapshot.updates + 1, bytes: this.sinceSnapshot.bytes + update.byteLength };
      this.compactIfDue();
      return outcome;
    };
    const result = this.writes.then(run, run);
    this.writes = result.catch(() => undefined);
    return result;
  }

  /**
   * Runs `task` between writes: no update is stored or applied while it runs, so what it reads of the
   * text is exactly what is stored until it ends (freezing the text for a sign-off round, P10).
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.writes.then(task, task);
    this.writes = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every write begun so far is done (and a compaction running now). */
  async settled(): Promise<void> {
    await this.writes;
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }

  private compactIfDue(): void {
    const { settings } = this.where;
    const due = this.sinceSnapshot.updates >= settings.compactAfterUpdates || this.sinceSnapshot.bytes >= settings.compactAfterBytes;
    if (!due || this.compacting) return;
    this.compacting = true;
    // Queued as a write, so a close or unload waits for it; a failure only delays compaction.
    const run = () => this.compact().finally(() => (this.compacting = false));
    this.writes = this.writes.then(run, run).catch(() => undefined);
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
