import type { z } from 'zod';
import type { Envelope } from './envelope.js';

/**
 * The feature contract (docs/architecture.md). A feature declares in one place its events, its
 * commands, its slice of the workspace projection and the subject of each event; the central
 * modules (events, commands, projection) loop over the registry in `feature-registry.ts` and
 * name no feature. This module may import nothing of the registry, so features can use its types.
 */

export type SchemaMap = Record<string, z.ZodType>;

/** A feature's event of type `T`, as the log holds it. */
export type EventIn<M extends SchemaMap, T extends keyof M> = Envelope & { type: T; data: z.infer<M[T]> };

/**
 * A feature's part of the projection. Reducer contract (as before the split): the containers are
 * mutated, the entities in them replaced and never mutated, so `applyEventsImmutably` can copy
 * only the containers.
 */
export type Slice<S, M extends SchemaMap> = {
  /** Stored with every snapshot; bump it with a migration from the version before (or none: the slice is rebuilt from the log). */
  version: number;
  shape: { [K in keyof S]: z.ZodType<S[K]> };
  empty: () => NoInfer<S>;
  /** The keys holding records of entities, copied (not deep-copied) for each immutable update. */
  containers: readonly (keyof NoInfer<S> & string)[];
  reducers: { [T in keyof M]: (slice: NoInfer<S>, event: EventIn<M, T>) => void };
  /** `migrations[n]` turns a slice stored at version n into version n + 1. */
  migrations: Readonly<Record<number, (older: unknown) => unknown>>;
};

/** A feature's event before the log gives it a place. */
export type NewEventIn<M extends SchemaMap> = { [T in keyof M]: { type: T; data: z.infer<M[T]> } }[keyof M];

/** What a client knows when it guesses: who it is and when it sent the command. */
export type PredictedBy = { actorId: string; now: string };

/**
 * The events the server will most likely decide for a command, so a person sees their edit at once
 * (applied with the same reducers); null when the client cannot know. A property test holds each
 * against the server's decider wherever that accepts (server/src/domain/prediction.test.ts).
 */
export type Predictions<M extends SchemaMap, C extends SchemaMap, S> = {
  [T in keyof C]?: (state: NoInfer<S>, payload: z.infer<C[T]>, by: PredictedBy) => NewEventIn<M>[] | null;
};

export type Feature<N extends string, M extends SchemaMap, C extends SchemaMap, S> = {
  name: N;
  events: M;
  commands: C;
  slice: Slice<S, M>;
  /** Only for commands a client applies before the answer (board edits); the rest wait for the server. */
  predict?: Predictions<M, C, S>;
  /** The entity each event is about, for history look-ups (a card's history, a person's changes). */
  subjects: { [T in keyof M]: (data: z.infer<M[T]>) => string | null };
};

export function defineFeature<N extends string, M extends SchemaMap, C extends SchemaMap, S>(feature: Feature<N, M, C, S>): Feature<N, M, C, S> {
  return feature;
}

/** Replaces one entity of a container with a changed copy (the reducers' contract). */
export function replace<T extends object>(container: Record<string, T>, id: string, changes: Partial<T>): void {
  const entity = container[id];
  if (entity) container[id] = { ...entity, ...changes };
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The maps of several features as one; a key two features both declare is a mistake, found at start. */
export function mergeMaps<M extends object>(maps: readonly M[], what: string): UnionToIntersection<M> {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [key, value] of Object.entries(map)) {
      if (key in merged) throw new Error(`${what} ${key} is declared by two features`);
      merged[key] = value;
    }
  }
  return merged as UnionToIntersection<M>;
}

export type { UnionToIntersection };
