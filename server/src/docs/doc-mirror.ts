import { randomUUID } from 'node:crypto';
import { LIMITS } from '@verbund/shared/model';
import type { DocumentKind } from '../domain/feature.js';
import type { EngineRegistry } from '../sync/engine-registry.js';
import type { LiveDoc } from './live-doc.js';

type Pending = { workspaceId: string; entityId: string; kind: DocumentKind; live: LiveDoc; writers: Set<string>; timer: NodeJS.Timeout };

/**
 * Rule Y17: what the workspace state keeps of a document (a card's plain description) follows the
 * document, through a command the server gives itself once writing in it pauses, naming who wrote.
 * One command per pause, not per keystroke; a pause that never came (the process ended) is made up
 * for when the document is next opened.
 */
export class DocMirror {
  private readonly pending = new Map<string, Pending>();
  /** Documents compared since they were loaded: a lag can only come from before the load, so once is enough. */
  private readonly checked = new WeakSet<LiveDoc>();

  constructor(
    private readonly engines: EngineRegistry,
    private readonly delayMs: number,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  /** `personId` changed the document: it is mirrored `delayMs` after the last change. */
  wrote(workspaceId: string, docId: string, entityId: string, kind: DocumentKind, live: LiveDoc, personId: string): void {
    if (!kind.mirror) return;
    const key = keyOf(workspaceId, docId);
    const entry = this.pending.get(key);
    if (entry) clearTimeout(entry.timer);
    const writers = entry?.writers ?? new Set<string>();
    writers.add(personId);
    const timer = setTimeout(() => void this.run(key), this.delayMs);
    timer.unref();
    this.pending.set(key, { workspaceId, entityId, kind, live, writers, timer });
  }

  /** On the first open after a load: mirrors at once if the state lags behind the stored document (a mirror lost to a crash). */
  check(workspaceId: string, docId: string, entityId: string, kind: DocumentKind, live: LiveDoc): void {
    if (!kind.mirror || this.checked.has(live)) return;
    this.checked.add(live);
    if (this.pending.has(keyOf(workspaceId, docId))) return;
    void this.submit({ workspaceId, entityId, kind, live, writers: new Set() });
  }

  /** Runs the document's waiting mirror now (before it leaves memory). */
  async flush(workspaceId: string, docId: string): Promise<void> {
    await this.run(keyOf(workspaceId, docId));
  }

  /** Runs every waiting mirror now (shutdown). */
  async flushAll(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((key) => this.run(key)));
  }

  private async run(key: string): Promise<void> {
    const entry = this.pending.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(key);
    await this.submit(entry);
  }

  private async submit({ workspaceId, entityId, kind, live, writers }: Omit<Pending, 'timer'>): Promise<void> {
    try {
      const engine = await this.engines.get(workspaceId);
      const command = engine && kind.mirror?.(engine.peek(), entityId, live.doc, [...writers].slice(0, LIMITS.people));
      if (!engine || !command) return;
      const answer = await engine.submitAsSystem({ ...command, id: randomUUID(), workspaceId });
      // A conflict: another mirror got there first, or the card was archived meanwhile.
      if (!answer.ok && answer.error.code !== 'conflict') this.log(`mirroring a document failed: ${answer.error.code}`);
    } catch (error) {
      this.log('mirroring a document failed', error);
    }
  }
}

const keyOf = (workspaceId: string, docId: string) => `${workspaceId}/${docId}`;
