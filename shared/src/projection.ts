import { z } from 'zod';
import type { Deputyship } from './admin.js';
import type { StoredEvent } from './events.js';
import { mergeMaps, type UnionToIntersection } from './feature.js';
import { FEATURES } from './feature-registry.js';
import type { Card } from './model.js';

/**
 * Version of the stored snapshot envelope; each feature's slice carries its own version beside it
 * (`SLICE_VERSIONS`). Bump it together with a numbered migration.
 */
export const SNAPSHOT_VERSION = 5;

type Features = (typeof FEATURES)[number];
type FeatureName = Features['name'];
type SliceState<F> = F extends { slice: { empty: () => infer S } } ? S : never;
type Simplify<T> = { [K in keyof T]: T[K] };

/** What the UI needs of a workspace: a projection of its event log, one slice per feature. */
export type WorkspaceState = Simplify<
  {
    workspaceId: string;
    /** Sequence number of the last event applied. */
    seq: number;
  } & UnionToIntersection<SliceState<Features>>
>;

export const workspaceStateSchema: z.ZodType<WorkspaceState> = z.object({
  workspaceId: z.string(),
  seq: z.number().int().min(0),
  ...mergeMaps(
    FEATURES.map((f) => f.slice.shape),
    'state key',
  ),
});

/** Each feature's slice version, as a snapshot records it. */
export const SLICE_VERSIONS = Object.fromEntries(FEATURES.map((f) => [f.name, f.slice.version])) as Record<FeatureName, number>;

export function emptyState(workspaceId: string): WorkspaceState {
  return { workspaceId, seq: 0, ...mergeMaps(FEATURES.map((f) => f.slice.empty()), 'state key') };
}

/** A reducer as the loop below calls it: the whole state is every slice at once. */
type AnyReducer = (state: WorkspaceState, event: StoredEvent) => void;

const REDUCERS = mergeMaps(
  FEATURES.map((f) => f.slice.reducers as Record<string, AnyReducer>),
  'event type',
);

const CONTAINERS: readonly (keyof WorkspaceState)[] = FEATURES.flatMap((f) => f.slice.containers as readonly (keyof WorkspaceState)[]);

/**
 * Applies one event in place (see the reducer contract in feature.ts). `withheld` (wire only) and
 * any type no feature reduces only take their place in the sequence.
 */
export function applyEvent(state: WorkspaceState, event: StoredEvent): void {
  state.seq = event.seq;
  REDUCERS[event.type]?.(state, event);
}

/** For React: a new state object whose containers are fresh and whose unchanged entities are shared. */
export function applyEventsImmutably(state: WorkspaceState, events: readonly StoredEvent[]): WorkspaceState {
  if (events.length === 0) return state;
  const next: WorkspaceState = { ...state };
  for (const key of CONTAINERS) Object.assign(next, { [key]: { ...(state[key] as object) } });
  for (const event of events) applyEvent(next, event);
  return next;
}

/** Board order: by fractional position, ties (two clients chose the same key) broken by id. */
export function compareCards(a: Card, b: Card): number {
  if (a.position < b.position) return -1;
  if (a.position > b.position) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The deputyships under which a person stands in for dezernents of a partner on a day. */
export function deputyshipsOn(state: WorkspaceState, personId: string, partnerId: string, day: string): Deputyship[] {
  const member = state.members[personId];
  if (!member?.active || member.partnerId !== partnerId) return [];
  return Object.values(state.deputyships).filter((d) => !d.revoked && d.deputyId === personId && d.partnerId === partnerId && d.from <= day && day <= d.to);
}

/** The deputyship under which a person stands in for a partner's dezernent (any, or the one named) on a day, if any. */
export function deputyshipOn(state: WorkspaceState, personId: string, partnerId: string, day: string, dezernentId?: string): Deputyship | null {
  return deputyshipsOn(state, personId, partnerId, day).find((d) => dezernentId === undefined || d.dezernentId === dezernentId) ?? null;
}

/** Who may sign for a partner on a day: its active dezernent, or a deputy whose range covers that day. */
export function isRepresentative(state: WorkspaceState, personId: string, partnerId: string, day: string): boolean {
  const member = state.members[personId];
  if (!member?.active || member.partnerId !== partnerId) return false;
  return member.roles.includes('dezernent') || deputyshipOn(state, personId, partnerId, day) !== null;
}
