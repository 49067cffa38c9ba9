import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { DOC_LIMITS, docOpenedSchema, docRelaySchema, docUpdatedSchema, type DocAccess, type DocClientToServerEvents, type DocRelay } from './docs.js';
import type { AppError } from './errors.js';
import { ackSchema } from './protocol.js';

type DocListener = ((relay: DocRelay) => void) | (() => void);
/**
 * Only what the provider uses of a socket.io-client socket, written out: a `Socket` type itself differs
 * between socket.io-client's ESM and CJS typings, so the app's (bundler) and a test's (node) would not fit one.
 */
export interface DocClientSocket {
  readonly connected: boolean;
  on(event: 'connect' | 'disconnect', listener: () => void): unknown;
  on(event: 'doc:updated' | 'doc:awareness-changed', listener: (relay: DocRelay) => void): unknown;
  off(event: 'connect' | 'disconnect' | 'doc:updated' | 'doc:awareness-changed', listener: DocListener): unknown;
  emit<E extends keyof DocClientToServerEvents>(event: E, ...args: Parameters<DocClientToServerEvents[E]>): unknown;
}

type Pending = { updateId: string; update: Uint8Array; sent: boolean };

/** What an editor shows about its document: open or not, may it write, how many changes wait for storage. */
export type DocStatus = { synced: boolean; access: DocAccess | null; pending: number };

export type DocProviderOptions = {
  /** Ids of updates (rule Y4); a retry reuses the id its update first got. */
  newId?: () => string;
  /** An update the server refused for good (read-only, full, invalid): the local text is ahead of the stored one. */
  onRefused?: (error: AppError) => void;
};

const openedAck = ackSchema(docOpenedSchema);
const updatedAck = ackSchema(docUpdatedSchema);
const RETRY_MS = 1_000;

/**
 * Binds a Y.Doc to one document of the `doc:*` stream on the app's socket, the way an editor needs
 * it (Tiptap's Collaboration reads `doc`, its caret extension `awareness`). Local changes are queued
 * and sent one at a time: while one waits for its ack, later ones merge into the next, so typing
 * costs one message per round trip. Unacknowledged updates survive a disconnect and are sent again
 * with the same id after the re-open (rules Y3, Y4, Y10). Shared so that tests drive the same code.
 */
export class DocProvider {
  readonly awareness: Awareness;
  /** What the server allows, known after the first open; null before. */
  access: DocAccess | null = null;
  private synced = false;
  private inFlight = false;
  private readonly queue: Pending[] = [];
  private readonly waiters: (() => void)[] = [];
  private readonly newId: () => string;
  private destroyed = false;
  private readonly listeners = new Set<() => void>();
  private current: DocStatus = { synced: false, access: null, pending: 0 };

  constructor(
    private readonly socket: DocClientSocket,
    readonly docId: string,
    readonly doc: Y.Doc = new Y.Doc(),
    private readonly options: DocProviderOptions = {},
  ) {
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.awareness = new Awareness(doc);
    doc.on('update', this.onLocalUpdate);
    this.awareness.on('update', this.onLocalAwareness);
    socket.on('connect', this.open);
    socket.on('disconnect', this.onDisconnect);
    socket.on('doc:updated', this.onRelayedUpdate);
    socket.on('doc:awareness-changed', this.onRelayedAwareness);
    if (socket.connected) this.open();
  }

  /** Resolves when the document is open and every local change so far is acknowledged (stored). */
  settled(): Promise<void> {
    if (this.isSettled()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Local changes not yet acknowledged. */
  get pending(): number {
    return this.queue.length;
  }

  /** The same object until something in it changes (what React's `useSyncExternalStore` needs). */
  get status(): DocStatus {
    return this.current;
  }

  /** Calls `listener` whenever `status` changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.destroyed = true;
    this.doc.off('update', this.onLocalUpdate);
    this.socket.off('connect', this.open);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('doc:updated', this.onRelayedUpdate);
    this.socket.off('doc:awareness-changed', this.onRelayedAwareness);
    if (this.socket.connected) this.socket.emit('doc:close', { docId: this.docId });
    this.awareness.destroy();
    this.listeners.clear();
  }

  private readonly open = (): void => {
    this.socket.emit('doc:open', { docId: this.docId, stateVector: Y.encodeStateVector(this.doc) }, (raw) => {
      const answer = openedAck.safeParse(raw);
      if (this.destroyed || !answer.success) return;
      if (!answer.data.ok) {
        // A busy budget is a matter of time: the open is tried again, as a refused update is.
        if (answer.data.error.code === 'rate_limited') return void setTimeout(() => this.socket.connected && !this.destroyed && this.open(), RETRY_MS);
        return this.options.onRefused?.(answer.data.error);
      }
      const { update, stateVector, access } = answer.data.value;
      Y.applyUpdate(this.doc, update, this);
      this.access = access;
      this.synced = true;
      // Content from elsewhere (another provider's store) that the server lacks and no queued update carries.
      if (this.queue.length === 0 && ahead(Y.encodeStateVector(this.doc), stateVector)) this.enqueue(Y.encodeStateAsUpdate(this.doc, stateVector));
      if (this.awareness.getLocalState() !== null) this.sendAwareness([this.doc.clientID]);
      this.flush();
    });
  };

  private readonly onDisconnect = (): void => {
    this.synced = false;
    // An ack lost with the connection: the update is sent again, under the same id, after the re-open.
    this.inFlight = false;
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    removeAwarenessStates(this.awareness, others, this);
    this.notify();
  };

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin !== this) this.enqueue(update);
  };

  private readonly onLocalAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    if (origin === 'local' && this.synced) this.sendAwareness([...added, ...updated, ...removed]);
  };

  private readonly onRelayedUpdate = (raw: unknown): void => {
    const relay = docRelaySchema.safeParse(raw);
    if (relay.success && relay.data.docId === this.docId) Y.applyUpdate(this.doc, relay.data.update, this);
  };

  private readonly onRelayedAwareness = (raw: unknown): void => {
    const relay = docRelaySchema.safeParse(raw);
    if (relay.success && relay.data.docId === this.docId) applyAwarenessUpdate(this.awareness, relay.data.update, this);
  };

  private sendAwareness(clients: number[]): void {
    this.socket.emit('doc:awareness', { docId: this.docId, update: encodeAwarenessUpdate(this.awareness, clients) });
  }

  private enqueue(update: Uint8Array): void {
    const last = this.queue.at(-1);
    if (last && !last.sent && last.update.byteLength + update.byteLength <= DOC_LIMITS.maxUpdateBytes / 2) last.update = Y.mergeUpdates([last.update, update]);
    else this.queue.push({ updateId: this.newId(), update, sent: false });
    this.flush();
  }

  private flush(): void {
    const next = this.queue[0];
    if (!next || this.inFlight || !this.synced || this.access !== 'write' || this.destroyed) return this.notify();
    this.inFlight = true;
    next.sent = true;
    this.socket.emit('doc:update', { docId: this.docId, updateId: next.updateId, update: next.update }, (raw) => {
      if (this.queue[0] !== next || !this.inFlight) return;
      this.inFlight = false;
      const answer = updatedAck.safeParse(raw);
      if (answer.success && !answer.data.ok && answer.data.error.code === 'rate_limited') {
        setTimeout(() => this.flush(), RETRY_MS);
        return;
      }
      this.queue.shift();
      if (answer.success && !answer.data.ok) {
        // The text became read-only meanwhile (a sign-off round began, the card was archived): nothing more is sent.
        if (answer.data.error.reason === 'document_read_only') this.access = 'read';
        this.options.onRefused?.(answer.data.error);
      }
      this.flush();
    });
  }

  private isSettled(): boolean {
    return this.synced && (this.queue.length === 0 || this.access !== 'write');
  }

  private notify(): void {
    const { synced, access, queue } = this;
    if (synced !== this.current.synced || access !== this.current.access || queue.length !== this.current.pending) {
      this.current = { synced, access, pending: queue.length };
      for (const listener of this.listeners) listener();
    }
    if (!this.isSettled()) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}

/** Whether state vector `mine` knows a change `theirs` does not. */
function ahead(mine: Uint8Array, theirs: Uint8Array): boolean {
  const known = Y.decodeStateVector(theirs);
  for (const [client, clock] of Y.decodeStateVector(mine)) if (clock > (known.get(client) ?? 0)) return true;
  return false;
}
