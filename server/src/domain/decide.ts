import type { Command } from '@verbund/shared/commands';
import { appError } from '@verbund/shared/errors';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { Actor } from './actor.js';
import { mergeMaps } from '@verbund/shared/feature';
import { reject, type AnyDecider, type DecideContext, type Decision, type Deciders } from './decision.js';
import { DOMAIN_FEATURES } from './feature-registry.js';
import { authorize } from './policy.js';

export type { DecideContext, Decision } from './decision.js';

/** Every command type's decider, one map per feature; a command type without one does not compile. */
const DECIDERS: Deciders<Command['type']> = mergeMaps(
  DOMAIN_FEATURES.map((f) => f.deciders),
  'command type',
);

/** Command in, events or a typed error out. Pure: no I/O, no clock, no randomness. */
export function decide(state: WorkspaceState, command: Command, actor: Actor, ctx: DecideContext): Decision {
  if (command.workspaceId !== state.workspaceId) return reject(appError('not_found', 'workspace not found'));
  if (!authorize(actor, command, state, ctx.today)) return reject(appError('forbidden', `you may not ${command.type}`));
  return (DECIDERS[command.type] as AnyDecider)(state, command, actor, ctx);
}
