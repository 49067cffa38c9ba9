import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from './events.js';
import { defineFeature } from './feature.js';
import { FEATURES } from './feature-registry.js';
import { applyEvent, emptyState, SLICE_VERSIONS } from './projection.js';
import { replaySlices, restoreSlices, type SlicedFeature } from './snapshot-slices.js';

const WS = '7d1f3c1e-0000-4000-8000-000000000001';

/** A feature at slice version 3 whose shape changed twice: v1 `{ tally: number }`, v2 `{ tally: { count } }`, v3 adds `label`. */
const counter = defineFeature({
  name: 'counter',
  commands: {},
  events: { 'counter.bumped': z.strictObject({}) },
  slice: {
    version: 3,
    shape: { tally: z.strictObject({ count: z.number(), label: z.string() }) },
    empty: () => ({ tally: { count: 0, label: '' } }),
    containers: [],
    reducers: {
      'counter.bumped': (s) => {
        s.tally = { ...s.tally, count: s.tally.count + 1 };
      },
    },
    migrations: {
      1: (older) => ({ tally: { count: z.object({ tally: z.number() }).parse(older).tally } }),
      2: (older) => ({ tally: { ...z.object({ tally: z.object({ count: z.number() }) }).parse(older).tally, label: 'migrated' } }),
    },
  },
  subjects: { 'counter.bumped': () => null },
});
const features = [counter] as unknown as readonly SlicedFeature[];

describe('snapshot slices (issue 9 item 3)', () => {
  it('an older slice is migrated step by step to the current version', () => {
    const { state, stale } = restoreSlices({ state: { tally: 4 }, slices: { counter: 1 } }, WS, 12, features);
    expect(stale).toEqual([]);
    expect(state).toMatchObject({ workspaceId: WS, seq: 12, tally: { count: 4, label: 'migrated' } });
  });

  it('a slice without a migration path, from a newer server, without a version or failing its schema is stale and left empty', () => {
    const cases: { stored: { state: unknown; slices: Record<string, number> }; from: number | null }[] = [
      { stored: { state: { tally: 4 }, slices: { counter: 0 } }, from: 0 },
      { stored: { state: { tally: { count: 4, label: 'x' } }, slices: { counter: 4 } }, from: 4 },
      { stored: { state: { tally: { count: 4, label: 'x' } }, slices: {} }, from: null },
      { stored: { state: { tally: { count: 'four', label: 'x' } }, slices: { counter: 3 } }, from: 3 },
      { stored: { state: 'not an object', slices: { counter: 3 } }, from: 3 },
    ];
    for (const { stored, from } of cases) {
      const { state, stale } = restoreSlices(stored, WS, 12, features);
      expect(stale).toEqual([{ name: 'counter', stored: from, current: 3 }]);
      expect(state).toMatchObject({ tally: { count: 0, label: '' } });
    }
  });

  it('a stale slice replayed from the log equals the slice a full replay builds, and the other slices stay as they were', () => {
    const bump = (seq: number) => ({ type: 'counter.bumped', seq, data: {} }) as unknown as StoredEvent;
    const { state } = restoreSlices({ state: {}, slices: { counter: 0 } }, WS, 3, features);
    replaySlices(state, ['counter'], [bump(1), bump(2), bump(3)], features);
    expect(state).toMatchObject({ seq: 3, tally: { count: 3, label: '' } });
  });

  it('the registered features: a snapshot at the current versions restores unchanged; each slice rebuilt alone equals a full replay', () => {
    const events: StoredEvent[] = [
      { type: 'workspace.created', data: { workspaceId: WS, name: 'Verbund' } },
      { type: 'board.created', data: { board: { id: '7d1f3c1e-0000-4000-8000-0000000000b1', name: 'Initiativen' } } },
    ].map((e, i) => ({ ...e, v: 1, workspaceId: WS, seq: i + 1, actorId: WS, partnerId: null, at: '2026-03-02T09:30:00.000Z', commandId: null, prevHash: '0'.repeat(64), hash: '0'.repeat(64) }) as StoredEvent);
    const full = emptyState(WS);
    for (const event of events) applyEvent(full, event);

    expect(restoreSlices({ state: full, slices: SLICE_VERSIONS }, WS, full.seq)).toEqual({ state: full, stale: [] });
    for (const { name } of FEATURES) {
      const { state, stale } = restoreSlices({ state: full, slices: { ...SLICE_VERSIONS, [name]: 0 } }, WS, full.seq);
      expect(stale.map((s) => s.name)).toEqual([name]);
      replaySlices(state, [name], events);
      expect(state).toEqual(full);
    }
  });
});
