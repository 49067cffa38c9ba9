import type { WorkspaceState } from '@verbund/shared/projection';
import type { DocumentKind, NameOf } from '../domain/feature.js';
import { EXPORT_LABELS } from '../exports/export-labels.js';
import { namedAccounts } from '../exports/people-names.js';
import type { Storage } from '../storage/port.js';
import { LiveDoc, type DocSettings } from './live-doc.js';

/** What a document never stored is seeded from (Y8): its kind's seed, on the state at the open. */
export type SeedFrom = { kind: DocumentKind; state: Readonly<WorkspaceState>; entityId: string };

type Entry = { live: Promise<LiveDoc>; holders: Set<string>; unload: NodeJS.Timeout | null };

/**
 * The documents open in this process, each loaded once on first open and unloaded when nobody has
 * held it for `idleUnloadMs` (memory per open document, not per document ever written).
 */
export class DocRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly storage: Storage,
    readonly settings: DocSettings,
    private readonly log: (message: string, error?: unknown) => void,
    /** Runs before a document leaves memory, while it is still readable (its mirror, Y17). */
    private readonly beforeUnload: (workspaceId: string, docId: string) => Promise<void> = () => Promise.resolve(),
  ) {}

  /** The document, loaded (and seeded) if needed, held by `holder` until `release`. */
  async acquire(workspaceId: string, docId: string, from: SeedFrom, holder: string): Promise<LiveDoc> {
    const key = keyOf(workspaceId, docId);
    let entry = this.entries.get(key);
    if (!entry) {
      // The people are looked up only when a seed is needed: once per document, not per open.
      const seed = async () => from.kind.seed(from.state, from.entityId, await this.namesIn(from.state));
      const live = LiveDoc.load(this.storage, workspaceId, docId, seed, this.settings);
      entry = { live, holders: new Set(), unload: null };
      this.entries.set(key, entry);
      // A failed load is not cached: the next open tries again.
      live.catch(() => this.entries.delete(key));
    }
    entry.holders.add(holder);
    if (entry.unload) clearTimeout(entry.unload);
    entry.unload = null;
    return entry.live;
  }

  /** The workspace's people by name from their accounts; an erased one, or one without an account, as a former member of their partner. */
  private async namesIn(state: Readonly<WorkspaceState>): Promise<NameOf> {
    const names = namedAccounts(await this.storage.findAccountsByIds(Object.keys(state.members)), state);
    return (personId) => names.get(personId) ?? EXPORT_LABELS.de.formerMember(state.partners[state.members[personId]?.partnerId ?? '']?.name ?? EXPORT_LABELS.de.unknownPartner);
  }

  /** The document if it is loaded and held by `holder`. */
  held(workspaceId: string, docId: string, holder: string): Promise<LiveDoc> | null {
    const entry = this.entries.get(keyOf(workspaceId, docId));
    return entry?.holders.has(holder) ? entry.live : null;
  }

  release(workspaceId: string, docId: string, holder: string): void {
    const key = keyOf(workspaceId, docId);
    const entry = this.entries.get(key);
    if (!entry?.holders.delete(holder) || entry.holders.size > 0) return;
    entry.unload = setTimeout(() => {
      if (entry.holders.size > 0 || this.entries.get(key) !== entry) return;
      this.entries.delete(key);
      void entry.live.then(
        async (live) => {
          await live.settled();
          await this.beforeUnload(workspaceId, docId);
          live.destroy();
        },
        () => undefined,
      ).catch((error: unknown) => this.log(`unloading document ${docId} failed`, error));
    }, this.settings.idleUnloadMs);
    entry.unload.unref();
  }

  /** How many documents are in memory now (for tests and diagnostics). */
  get size(): number {
    return this.entries.size;
  }

  /** Waits for every write in flight, then drops every document (shutdown). */
  async close(): Promise<void> {
    const entries = [...this.entries.values()];
    this.entries.clear();
    for (const entry of entries) if (entry.unload) clearTimeout(entry.unload);
    const lives = await Promise.all(entries.map((e) => e.live.catch(() => null)));
    for (const live of lives) {
      if (!live) continue;
      await live.settled();
      live.destroy();
    }
  }
}

const keyOf = (workspaceId: string, docId: string) => `${workspaceId}/${docId}`;
