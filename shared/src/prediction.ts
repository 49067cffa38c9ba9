import type { Command } from './commands.js';
import { EVENT_VERSION, type NewEvent, type StoredEvent } from './events.js';
import { mergeMaps, type PredictedBy } from './feature.js';
import { FEATURES } from './feature-registry.js';
import { applyEventsImmutably, type WorkspaceState } from './projection.js';

type AnyPrediction = (state: WorkspaceState, payload: Command['payload'], by: PredictedBy) => NewEvent[] | null;

// Each feature's predictions take its own slice; here they get the whole state, which holds every slice.
const PREDICTIONS = mergeMaps(
  FEATURES.map((f) => ('predict' in f ? (f.predict as Record<string, AnyPrediction>) : {})),
  'command type',
);

/** The events a command will most likely lead to, from its feature's `predict`; null when the client cannot know. */
/** The command types a client shows before the answer (the server's own, like `card.describe`, are not among them). */
export const predictedCommandTypes = (): string[] => Object.keys(PREDICTIONS);

export function predictEvents(state: WorkspaceState, command: Command, by: PredictedBy): NewEvent[] | null {
  return PREDICTIONS[command.type]?.(state, command.payload, by) ?? null;
}

/**
 * The state as it will most likely be once the server has the command: its predicted events
 * applied with the same reducers the server uses. `seq` stays the confirmed one. Pure: the real
 * events replace the guess when they arrive, and a refusal simply drops it.
 */
export function predictState(state: WorkspaceState, command: Command, by: PredictedBy & { partnerId: string | null }): WorkspaceState {
  const events = predictEvents(state, command, by);
  if (!events) return state;
  const envelope = { v: EVENT_VERSION, workspaceId: state.workspaceId, seq: state.seq, actorId: by.actorId, partnerId: by.partnerId, at: by.now, commandId: command.id, prevHash: '', hash: '' };
  return applyEventsImmutably(
    state,
    events.map((event) => ({ ...envelope, ...event }) as StoredEvent),
  );
}
