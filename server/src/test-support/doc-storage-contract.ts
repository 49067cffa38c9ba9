import { describe, expect, it } from 'vitest';
import { stableId } from '../seed/workspace-setup.js';
import type { DocAppendOutcome, Storage } from '../storage/port.js';

const WS_A = stableId('contract/doc-workspace-a');
const WS_B = stableId('contract/doc-workspace-b');
const DOC = `card-description:${stableId('contract/doc-card')}`;
const OTHER_DOC = `card-description:${stableId('contract/doc-card-2')}`;
const id = (n: number) => stableId(`contract/doc-update-${n}`);
/** Storage treats updates as opaque bytes; distinct fills make mix-ups visible. */
const bytes = (fill: number, length = 8) => new Uint8Array(length).fill(fill);
const PLENTY = 1_000_000;
const ANNA = stableId('contract/doc-writer-anna');
const LENA = stableId('contract/doc-writer-lena');
const byClient = (writers: { clientId: number; personId: string }[]) => [...writers].sort((a, b) => a.clientId - b.clientId);

/** One update appended on its own: its outcome. */
async function appendOne(storage: Storage, workspaceId: string, docId: string, updateId: string, update: Uint8Array, maxBytes: number): Promise<DocAppendOutcome | undefined> {
  const [outcome] = await storage.appendDocUpdates(workspaceId, docId, [{ updateId, update }], maxBytes);
  return outcome;
}

/**
 * Documents in the storage contract (rules ST70–ST84, docs/protocol.md Y4, Y11, Y12), run inside
 * `storageContract` against every adapter.
 */
export function docStorageContract(current: () => Storage, reopener: () => (() => Promise<Storage>) | undefined): void {
  describe('documents', () => {
    it('ST70 a document never written reads as null', async () => {
      expect(await current().readDoc(WS_A, DOC)).toBeNull();
    });

    it('ST71 appended updates come back in order with their sequence, and the stored bytes are counted', async () => {
      const storage = current();
      for (const n of [1, 2, 3]) expect(await appendOne(storage, WS_A, DOC, id(n), bytes(n, n * 4), PLENTY)).toBe('stored');
      expect(await storage.readDoc(WS_A, DOC)).toEqual({
        snapshot: null,
        updates: [{ seq: 1, update: bytes(1, 4) }, { seq: 2, update: bytes(2, 8) }, { seq: 3, update: bytes(3, 12) }],
        bytes: 24,
      });
    });

    it('ST72 an update id is stored once: a retry, also a racing one, answers duplicate and stores nothing', async () => {
      const storage = current();
      await appendOne(storage, WS_A, DOC, id(1), bytes(1), PLENTY);
      expect(await appendOne(storage, WS_A, DOC, id(1), bytes(1), PLENTY)).toBe('duplicate');
      const racing = await Promise.all([2, 2, 2].map(() => appendOne(storage, WS_A, DOC, id(2), bytes(2), PLENTY)));
      expect(racing.filter((r) => r === 'stored')).toHaveLength(1);
      expect((await storage.readDoc(WS_A, DOC))?.updates.map((u) => u.update)).toEqual([bytes(1), bytes(2)]);
    });

    it('ST84 racing retries answer duplicate only once the update is stored; past the quota every one of them answers over_quota', async () => {
      const storage = current();
      const racing = await Promise.all(
        [1, 1, 1].map(async (n) => {
          const outcome = await appendOne(storage, WS_A, DOC, id(n), bytes(n), PLENTY);
          return { outcome, stored: (await storage.readDoc(WS_A, DOC))?.updates.length };
        }),
      );
      expect(racing.map((r) => r.outcome).sort()).toEqual(['duplicate', 'duplicate', 'stored']);
      expect(racing.map((r) => r.stored)).toEqual([1, 1, 1]);
      expect(await Promise.all([2, 2, 2].map((n) => appendOne(storage, WS_A, DOC, id(n), bytes(n, 200), 100)))).toEqual(['over_quota', 'over_quota', 'over_quota']);
      expect(await appendOne(storage, WS_A, DOC, id(2), bytes(2, 10), 100)).toBe('stored');
    });

    it('ST73 an append that would pass the quota answers over_quota and stores nothing, not even its id', async () => {
      const storage = current();
      await appendOne(storage, WS_A, DOC, id(1), bytes(1, 60), 100);
      expect(await appendOne(storage, WS_A, DOC, id(2), bytes(2, 41), 100)).toBe('over_quota');
      expect(await storage.readDoc(WS_A, DOC)).toEqual({ snapshot: null, updates: [{ seq: 1, update: bytes(1, 60) }], bytes: 60 });
      expect(await appendOne(storage, WS_A, DOC, id(2), bytes(2, 40), 100)).toBe('stored');
    });

    it('ST78 a batch is stored in order with one outcome each: a duplicate inside it or from before stores nothing', async () => {
      const storage = current();
      await appendOne(storage, WS_A, DOC, id(1), bytes(1), PLENTY);
      const batch = [1, 2, 3, 2].map((n) => ({ updateId: id(n), update: bytes(n) }));
      expect(await storage.appendDocUpdates(WS_A, DOC, batch, PLENTY)).toEqual(['duplicate', 'stored', 'stored', 'duplicate']);
      expect(await storage.readDoc(WS_A, DOC)).toEqual({
        snapshot: null,
        updates: [1, 2, 3].map((n) => ({ seq: n, update: bytes(n) })),
        bytes: 24,
      });
      expect(await storage.appendDocUpdates(WS_A, DOC, [], PLENTY)).toEqual([]);
    });

    it('ST79 in a batch, an update past the quota is refused on its own: the ones before and after it that fit are stored', async () => {
      const storage = current();
      const batch = [
        { updateId: id(1), update: bytes(1, 50) },
        { updateId: id(2), update: bytes(2, 60) },
        { updateId: id(3), update: bytes(3, 40) },
      ];
      expect(await storage.appendDocUpdates(WS_A, DOC, batch, 100)).toEqual(['stored', 'over_quota', 'stored']);
      expect(await storage.readDoc(WS_A, DOC)).toEqual({
        snapshot: null,
        updates: [{ seq: 1, update: bytes(1, 50) }, { seq: 2, update: bytes(3, 40) }],
        bytes: 90,
      });
      // The refused id was not taken: it can be sent again once it fits.
      expect(await appendOne(storage, WS_A, DOC, id(2), bytes(2, 10), 100)).toBe('stored');
    });

    it('ST74 compaction replaces the merged updates by the snapshot, keeps later ones, and still knows the merged ids', async () => {
      const storage = current();
      for (const n of [1, 2, 3]) await appendOne(storage, WS_A, DOC, id(n), bytes(n, 10), PLENTY);
      await storage.compactDoc(WS_A, DOC, bytes(9, 5), 2);
      expect(await storage.readDoc(WS_A, DOC)).toEqual({ snapshot: bytes(9, 5), updates: [{ seq: 3, update: bytes(3, 10) }], bytes: 15 });
      expect(await appendOne(storage, WS_A, DOC, id(1), bytes(1, 10), PLENTY)).toBe('duplicate');
      expect(await appendOne(storage, WS_A, DOC, id(4), bytes(4, 10), PLENTY)).toBe('stored');
      expect((await storage.readDoc(WS_A, DOC))?.updates).toEqual([{ seq: 3, update: bytes(3, 10) }, { seq: 4, update: bytes(4, 10) }]);
    });

    it('ST75 a compaction older than the stored one, or beyond the last update, changes nothing', async () => {
      const storage = current();
      for (const n of [1, 2, 3]) await appendOne(storage, WS_A, DOC, id(n), bytes(n), PLENTY);
      await storage.compactDoc(WS_A, DOC, bytes(8), 3);
      const after = await storage.readDoc(WS_A, DOC);
      await storage.compactDoc(WS_A, DOC, bytes(7), 2);
      await storage.compactDoc(WS_A, DOC, bytes(6), 9);
      await storage.compactDoc(WS_A, OTHER_DOC, bytes(6), 1);
      expect(await storage.readDoc(WS_A, DOC)).toEqual(after);
      expect(await storage.readDoc(WS_A, OTHER_DOC)).toBeNull();
    });

    it('ST76 documents are kept apart per workspace and document id, update ids included', async () => {
      const storage = current();
      await appendOne(storage, WS_A, DOC, id(1), bytes(1), PLENTY);
      expect(await appendOne(storage, WS_B, DOC, id(1), bytes(2), PLENTY)).toBe('stored');
      expect(await appendOne(storage, WS_A, OTHER_DOC, id(1), bytes(3), PLENTY)).toBe('stored');
      expect((await storage.readDoc(WS_A, DOC))?.updates).toEqual([{ seq: 1, update: bytes(1) }]);
      expect((await storage.readDoc(WS_B, DOC))?.updates).toEqual([{ seq: 1, update: bytes(2) }]);
      expect((await storage.readDoc(WS_A, OTHER_DOC))?.updates).toEqual([{ seq: 1, update: bytes(3) }]);
    });

    it('ST77 a stored document and its update ids are still there after close and reopen', async ({ skip }) => {
      const reopen = reopener();
      if (!reopen) return skip('this adapter keeps nothing across a reopen');
      const storage = current();
      await appendOne(storage, WS_A, DOC, id(1), bytes(1), PLENTY);
      await appendOne(storage, WS_A, DOC, id(2), bytes(2), PLENTY);
      await storage.compactDoc(WS_A, DOC, bytes(9), 1);
      const before = await storage.readDoc(WS_A, DOC);
      await storage.close();
      const again = await reopen();
      expect(await again.readDoc(WS_A, DOC)).toEqual(before);
      expect(await appendOne(again, WS_A, DOC, id(1), bytes(1), PLENTY)).toBe('duplicate');
    });

    it('ST81 Y18 a client id belongs to its first claimer: a later claim of it, by anyone, changes nothing', async () => {
      const storage = current();
      expect(await storage.readDocWriters(WS_A, DOC)).toEqual([]);
      await storage.claimDocWriters(WS_A, DOC, ANNA, [11, 12]);
      await storage.claimDocWriters(WS_A, DOC, LENA, [12, 13]);
      await storage.claimDocWriters(WS_A, DOC, LENA, []);
      const racing = await Promise.all([ANNA, LENA].map((person) => storage.claimDocWriters(WS_A, DOC, person, [14]).then(() => person)));
      expect(racing).toHaveLength(2);
      const writers = byClient(await storage.readDocWriters(WS_A, DOC));
      expect(writers.slice(0, 3)).toEqual([
        { clientId: 11, personId: ANNA },
        { clientId: 12, personId: ANNA },
        { clientId: 13, personId: LENA },
      ]);
      expect(writers).toHaveLength(4);
      expect([ANNA, LENA]).toContain(writers[3]?.personId);
    });

    it('ST82 Y18 writers are kept apart per workspace and document, and compaction keeps them', async () => {
      const storage = current();
      await appendOne(storage, WS_A, DOC, id(1), bytes(1), PLENTY);
      await storage.claimDocWriters(WS_A, DOC, ANNA, [4_294_967_295]);
      await storage.claimDocWriters(WS_B, DOC, LENA, [4_294_967_295]);
      await storage.claimDocWriters(WS_A, OTHER_DOC, LENA, [7]);
      await storage.compactDoc(WS_A, DOC, bytes(9), 1);
      expect(await storage.readDocWriters(WS_A, DOC)).toEqual([{ clientId: 4_294_967_295, personId: ANNA }]);
      expect(await storage.readDocWriters(WS_B, DOC)).toEqual([{ clientId: 4_294_967_295, personId: LENA }]);
      expect(await storage.readDocWriters(WS_A, OTHER_DOC)).toEqual([{ clientId: 7, personId: LENA }]);
    });

    it('ST83 Y18 claimed writers are still there after close and reopen', async ({ skip }) => {
      const reopen = reopener();
      if (!reopen) return skip('this adapter keeps nothing across a reopen');
      const storage = current();
      await storage.claimDocWriters(WS_A, DOC, ANNA, [1, 2]);
      await storage.claimDocWriters(WS_A, DOC, LENA, [3]);
      await storage.close();
      const again = await reopen();
      await again.claimDocWriters(WS_A, DOC, LENA, [1]);
      expect(byClient(await again.readDocWriters(WS_A, DOC))).toEqual([
        { clientId: 1, personId: ANNA },
        { clientId: 2, personId: ANNA },
        { clientId: 3, personId: LENA },
      ]);
    });
  });
}
