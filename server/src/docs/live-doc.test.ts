import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { stableId } from '../seed/workspace-setup.js';
import type { Storage } from '../storage/port.js';
import { openSqliteStorage } from '../storage/sqlite-storage.js';
import { DEFAULT_DOC_SETTINGS, DocQuotaError, InvalidUpdateError, LiveDoc, ReadOnlyNowError } from './live-doc.js';

const WS = stableId('live-doc/workspace');
const DOC = `position:${stableId('live-doc/position')}`;
const updateId = (n: number) => stableId(`live-doc/update-${n}`);

let dir: string;
let storage: Storage;
/** How many updates each call of the port carried: the real SQLite storage, counted on the way. */
let batches: number[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verbund-live-doc-'));
  const real = openSqliteStorage(join(dir, 'verbund.db'));
  batches = [];
  storage = {
    ...real,
    appendDocUpdates: (workspaceId, docId, updates, maxBytes) => {
      batches.push(updates.length);
      return real.appendDocUpdates(workspaceId, docId, updates, maxBytes);
    },
  };
});

afterEach(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

/** A writer's doc that types `count` words, one update each, as an editor would send them. */
function typedUpdates(count: number, clientID: number): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i += 1) doc.getText('t').insert(doc.getText('t').length, `w${i} `);
  doc.destroy();
  return updates;
}

const load = (settings = DEFAULT_DOC_SETTINGS) => LiveDoc.load(storage, WS, DOC, () => Y.encodeStateAsUpdate(new Y.Doc()), settings);

describe('LiveDoc group commit (docs/protocol.md Y19)', () => {
  it('Y19 updates that wait while one is stored go into one call of the port, in order, each acknowledged once stored', async () => {
    const live = await load();
    batches = [];
    const updates = typedUpdates(40, 7);
    const relayed: number[] = [];
    const outcomes = await Promise.all(updates.map((u, i) => live.write(updateId(i), u, () => relayed.push(i))));
    expect(outcomes).toEqual(updates.map(() => 'stored'));
    expect(relayed).toEqual(updates.map((_, i) => i));
    expect(batches).toEqual([1, 39]);
    expect(live.doc.getText('t').toJSON()).toBe(updates.map((_, i) => `w${i} `).join(''));
    const stored = await storage.readDoc(WS, DOC);
    expect(stored?.updates.slice(1).map((u) => u.update)).toEqual(updates);
    live.destroy();
  });

  it('Y19 in a batch, garbage and an update past the quota are refused on their own; the others are stored', async () => {
    const live = await load({ ...DEFAULT_DOC_SETTINGS, maxBytes: 400 });
    const [first, second, third, fourth] = typedUpdates(4, 8);
    if (!first || !second || !third || !fourth) throw new Error('typedUpdates gave too few');
    const huge = new Y.Doc();
    huge.getText('t').insert(0, 'x'.repeat(500));
    const results = await Promise.allSettled([
      live.write(updateId(1), first, () => undefined),
      live.write(updateId(2), new Uint8Array([1, 2, 3, 250]), () => undefined),
      live.write(updateId(3), second, () => undefined),
      live.write(updateId(4), Y.encodeStateAsUpdate(huge), () => undefined),
      live.write(updateId(5), third, () => undefined),
      live.write(updateId(6), fourth, () => undefined),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).constructor))).toEqual([
      'stored',
      InvalidUpdateError,
      'stored',
      DocQuotaError,
      'stored',
      'stored',
    ]);
    expect(live.doc.getText('t').toJSON()).toBe('w0 w1 w2 w3 ');
    live.destroy();
  });

  it('Y19 P10 a freeze queued between writes splits them: those before it are stored, those after it are refused read-only', async () => {
    const live = await load();
    let frozen = false;
    const updates = typedUpdates(6, 10);
    const sends = updates.map((u, i) => {
      const sent = live.write(updateId(i), u, () => undefined, () => !frozen);
      if (i === 2) void live.exclusive(() => Promise.resolve(void (frozen = true)));
      return sent.catch((error: unknown) => error);
    });
    const outcomes = await Promise.all(sends);
    expect(outcomes.slice(0, 3)).toEqual(['stored', 'stored', 'stored']);
    for (const refused of outcomes.slice(3)) expect(refused).toBeInstanceOf(ReadOnlyNowError);
    expect(live.doc.getText('t').toJSON()).toBe('w0 w1 w2 ');
    expect((await storage.readDoc(WS, DOC))?.updates).toHaveLength(4);
    live.destroy();
  });

  it('Y4 Y19 a retried update stored by an attempt whose answer was lost is applied and relayed, not stored again', async () => {
    const live = await load();
    const [update] = typedUpdates(1, 11);
    if (!update) throw new Error('typedUpdates gave none');
    // Stored behind the document's back: the writer committed it, then its answer was lost.
    await storage.appendDocUpdates(WS, DOC, [{ updateId: updateId(1), update }], DEFAULT_DOC_SETTINGS.maxBytes);
    let relays = 0;
    expect(await live.write(updateId(1), update, () => (relays += 1))).toBe('duplicate');
    expect(live.doc.getText('t').toJSON()).toBe('w0 ');
    expect(await live.write(updateId(1), update, () => (relays += 1))).toBe('duplicate');
    expect(relays).toBe(1);
    expect((await storage.readDoc(WS, DOC))?.updates).toHaveLength(2);
    live.destroy();
  });
});
