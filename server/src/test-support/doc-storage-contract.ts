import { describe, expect, it } from 'vitest';
import { stableId } from '../seed/workspace-setup.js';
import { DocQuotaError, type Storage } from '../storage/port.js';

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

/**
 * Documents in the storage contract (rules ST70–ST80, docs/protocol.md Y4, Y11, Y12), run inside
 * `storageContract` against every adapter.
 */
export function docStorageContract(current: () => Storage, reopener: () => (() => Promise<Storage>) | undefined): void {
  describe('documents', () => {
    it('ST70 a document never written reads as null', async () => {
      expect(await current().readDoc(WS_A, DOC)).toBeNull();
    });

    it('ST71 appended updates come back in order with their sequence, and the stored bytes are counted', async () => {
      const storage = current();
      for (const n of [1, 2, 3]) expect(await storage.appendDocUpdate(WS_A, DOC, id(n), bytes(n, n * 4), PLENTY)).toBe('stored');
      expect(await storage.readDoc(WS_A, DOC)).toEqual({
        snapshot: null,
        updates: [{ seq: 1, update: bytes(1, 4) }, { seq: 2, update: bytes(2, 8) }, { seq: 3, update: bytes(3, 12) }],
        bytes: 24,
      });
    });

    it('ST72 an update id is stored once: a retry, also a racing one, answers duplicate and stores nothing', async () => {
      const storage = current();
      await storage.appendDocUpdate(WS_A, DOC, id(1), bytes(1), PLENTY);
      expect(await storage.appendDocUpdate(WS_A, DOC, id(1), bytes(1), PLENTY)).toBe('duplicate');
      const racing = await Promise.all([2, 2, 2].map(() => storage.appendDocUpdate(WS_A, DOC, id(2), bytes(2), PLENTY)));
      expect(racing.filter((r) => r === 'stored')).toHaveLength(1);
      expect((await storage.readDoc(WS_A, DOC))?.updates.map((u) => u.update)).toEqual([bytes(1), bytes(2)]);
    });

    it('ST73 an append that would pass the quota fails with DocQuotaError and stores nothing, not even its id', async () => {
      const storage = current();
      await storage.appendDocUpdate(WS_A, DOC, id(1), bytes(1, 60), 100);
      const error: unknown = await storage.appendDocUpdate(WS_A, DOC, id(2), bytes(2, 41), 100).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DocQuotaError);
      expect((error as DocQuotaError).docId).toBe(DOC);
      expect(await storage.readDoc(WS_A, DOC)).toEqual({ snapshot: null, updates: [{ seq: 1, update: bytes(1, 60) }], bytes: 60 });
      expect(await storage.appendDocUpdate(WS_A, DOC, id(2), bytes(2, 40), 100)).toBe('stored');
    });

    it('ST74 compaction replaces the merged updates by the snapshot, keeps later ones, and still knows the merged ids', async () => {
      const storage = current();
      for (const n of [1, 2, 3]) await storage.appendDocUpdate(WS_A, DOC, id(n), bytes(n, 10), PLENTY);
      await storage.compactDoc(WS_A, DOC, bytes(9, 5), 2);
      expect(await storage.readDoc(WS_A, DOC)).toEqual({ snapshot: bytes(9, 5), updates: [{ seq: 3, update: bytes(3, 10) }], bytes: 15 });
      expect(await storage.appendDocUpdate(WS_A, DOC, id(1), bytes(1, 10), PLENTY)).toBe('duplicate');
      expect(await storage.appendDocUpdate(WS_A, DOC, id(4), bytes(4, 10), PLENTY)).toBe('stored');
      expect((await storage.readDoc(WS_A, DOC))?.updates).toEqual([{ seq: 3, update: bytes(3, 10) }, { seq: 4, update: bytes(4, 10) }]);
    });

    it('ST75 a compaction older than the stored one, or beyond the last update, changes nothing', async () => {
      const storage = current();
      for (const n of [1, 2, 3]) await storage.appendDocUpdate(WS_A, DOC, id(n), bytes(n), PLENTY);
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
      await storage.appendDocUpdate(WS_A, DOC, id(1), bytes(1), PLENTY);
      expect(await storage.appendDocUpdate(WS_B, DOC, id(1), bytes(2), PLENTY)).toBe('stored');
      expect(await storage.appendDocUpdate(WS_A, OTHER_DOC, id(1), bytes(3), PLENTY)).toBe('stored');
      expect((await storage.readDoc(WS_A, DOC))?.updates).toEqual([{ seq: 1, update: bytes(1) }]);
      expect((await storage.readDoc(WS_B, DOC))?.updates).toEqual([{ seq: 1, update: bytes(2) }]);
      expect((await storage.readDoc(WS_A, OTHER_DOC))?.updates).toEqual([{ seq: 1, update: bytes(3) }]);
    });

    it('ST77 a stored document and its update ids are still there after close and reopen', async ({ skip }) => {
      const reopen = reopener();
      if (!reopen) return skip('this adapter keeps nothing across a reopen');
      const storage = current();
      await storage.appendDocUpdate(WS_A, DOC, id(1), bytes(1), PLENTY);
      await storage.appendDocUpdate(WS_A, DOC, id(2), bytes(2), PLENTY);
      await storage.compactDoc(WS_A, DOC, bytes(9), 1);
      const before = await storage.readDoc(WS_A, DOC);
      await storage.close();
      const again = await reopen();
      expect(await again.readDoc(WS_A, DOC)).toEqual(before);
      expect(await again.appendDocUpdate(WS_A, DOC, id(1), bytes(1), PLENTY)).toBe('duplicate');
    });

    it('ST78 Y18 a client id belongs to its first claimer: a later claim of it, by anyone, changes nothing', async () => {
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

    it('ST79 Y18 writers are kept apart per workspace and document, and compaction keeps them', async () => {
      const storage = current();
      await storage.appendDocUpdate(WS_A, DOC, id(1), bytes(1), PLENTY);
      await storage.claimDocWriters(WS_A, DOC, ANNA, [4_294_967_295]);
      await storage.claimDocWriters(WS_B, DOC, LENA, [4_294_967_295]);
      await storage.claimDocWriters(WS_A, OTHER_DOC, LENA, [7]);
      await storage.compactDoc(WS_A, DOC, bytes(9), 1);
      expect(await storage.readDocWriters(WS_A, DOC)).toEqual([{ clientId: 4_294_967_295, personId: ANNA }]);
      expect(await storage.readDocWriters(WS_B, DOC)).toEqual([{ clientId: 4_294_967_295, personId: LENA }]);
      expect(await storage.readDocWriters(WS_A, OTHER_DOC)).toEqual([{ clientId: 7, personId: LENA }]);
    });

    it('ST80 Y18 claimed writers are still there after close and reopen', async ({ skip }) => {
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
