import { z } from 'zod';
import type { StoredEvent } from './events.js';
import type { SchemaMap, Slice } from './feature.js';
import { FEATURES } from './feature-registry.js';
import { emptyState, type WorkspaceState } from './projection.js';

/** What this module needs of a feature: its name and its slice (tests pass features of their own). */
export type SlicedFeature = { name: string; slice: Slice<Record<string, unknown>, SchemaMap> };

// Each feature's reducers take its own slice type; here they are called on the whole state, which holds every slice.
const REGISTERED = FEATURES as unknown as readonly SlicedFeature[];

/** Snapshots up to envelope version 4 had no slice versions: every slice was then at version 1. */
const BEFORE_SLICE_VERSIONS = 1;

export type RestoredSlices = {
  state: WorkspaceState;
  /** Features whose slice could not be migrated: the caller rebuilds them from the log (`replaySlices`). */
  stale: { name: string; stored: number | null; current: number }[];
};

/**
 * Issue 9 item 3: a snapshot's state, each slice brought to its current version. A slice stored at
 * an older version is migrated step by step; one that has no migration, a newer version, or fails
 * its schema is reported stale (and left empty) so that it alone is rebuilt from the log. Nothing
 * is silently discarded.
 */
export function restoreSlices(
  stored: { state: unknown; slices?: Readonly<Record<string, number>> },
  workspaceId: string,
  seq: number,
  features: readonly SlicedFeature[] = REGISTERED,
): RestoredSlices {
  const whole = z.record(z.string(), z.unknown()).safeParse(stored.state);
  const source = whole.success ? whole.data : {};
  const state: Record<string, unknown> = { ...emptyState(workspaceId), workspaceId, seq };
  const stale: RestoredSlices['stale'] = [];
  for (const { name, slice } of features) {
    const from = stored.slices ? (stored.slices[name] ?? null) : BEFORE_SLICE_VERSIONS;
    const restored = from === null ? null : migrated(slice, from, pick(source, Object.keys(slice.shape)));
    if (restored) Object.assign(state, restored);
    else {
      Object.assign(state, slice.empty());
      stale.push({ name, stored: from, current: slice.version });
    }
  }
  return { state: state as WorkspaceState, stale };
}

function migrated(slice: SlicedFeature['slice'], from: number, value: unknown): Record<string, unknown> | null {
  if (from > slice.version) return null;
  let current = value;
  for (let version = from; version < slice.version; version += 1) {
    const step = slice.migrations[version];
    if (!step) return null;
    current = step(current);
  }
  const parsed = z.object(slice.shape).safeParse(current);
  return parsed.success ? parsed.data : null;
}

function pick(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => key in source).map((key) => [key, source[key]]));
}

/**
 * Applies `events` to the named slices only (the stale ones of `restoreSlices`), leaving the rest of
 * the state as the snapshot had it; `seq` is not moved.
 */
export function replaySlices(state: WorkspaceState, names: readonly string[], events: readonly StoredEvent[], features: readonly SlicedFeature[] = REGISTERED): void {
  const reducers = new Map<string, (slice: Record<string, unknown>, event: StoredEvent) => void>();
  for (const { name, slice } of features) {
    if (!names.includes(name)) continue;
    for (const [type, reducer] of Object.entries(slice.reducers)) reducers.set(type, reducer);
  }
  for (const event of events) reducers.get(event.type)?.(state, event);
}
