import type { Command } from '@verbund/shared/commands';
import { predictState } from '@verbund/shared/prediction';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { PendingCommand } from './command-queue';

export type Actor = { id: string; partnerId: string | null };

/**
 * The effect the server will most likely give a command, so the person sees their edit at once:
 * the features' predicted events through the shared reducers (`shared/src/prediction.ts`).
 * Administration and votes predict nothing: they wait for the server's answer.
 */
export function predict(state: WorkspaceState, command: Command, me: Actor, now: string): WorkspaceState {
  return predictState(state, command, { actorId: me.id, partnerId: me.partnerId, now });
}

/** What the screen shows: the confirmed state with every pending command laid over it, in order. */
export function applyPending(state: WorkspaceState, pending: readonly PendingCommand[], me: Actor): WorkspaceState {
  return pending.reduce((acc, p) => predict(acc, p.command, me, p.submittedAt), state);
}
