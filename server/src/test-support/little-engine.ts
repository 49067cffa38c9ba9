import type { Command } from '@verbund/shared/commands';
import { applyEvent, type WorkspaceState } from '@verbund/shared/projection';
import type { Actor } from '../domain/actor.js';
import { decide, type DecideContext, type Decision } from '../domain/decide.js';

/**
 * A little engine for domain tests: decides against the state and applies what was accepted, as
 * the server does (without storage or hash chain), so a sequence of commands can be followed.
 */
export function littleEngine<Who>(state: WorkspaceState, actorOf: (state: WorkspaceState, who: Who) => Actor, contextOf: (now: string) => DecideContext) {
  let seq = state.seq;
  const run = (who: Who, command: Command, now: string): Decision => {
    const actor = actorOf(state, who);
    const decision = decide(state, command, actor, contextOf(now));
    if (decision.ok) {
      for (const event of decision.events) {
        seq += 1;
        const envelope = { v: 1 as const, workspaceId: state.workspaceId, seq, actorId: actor.personId, partnerId: null, at: now, commandId: command.id, prevHash: '0'.repeat(64), hash: '0'.repeat(64) };
        applyEvent(state, { ...envelope, ...event });
      }
    }
    return decision;
  };
  return { state, run };
}
