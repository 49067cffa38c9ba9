import type { Ability } from '@verbund/shared/admin';
import type { Command, CommandType } from '@verbund/shared/commands';
import { mergeMaps } from '@verbund/shared/feature';
import type { WorkspaceState } from '@verbund/shared/projection';
import { isSystem, type Actor } from './actor.js';
import type { Policies, Rule } from './feature.js';
import { DOMAIN_FEATURES } from './feature-registry.js';

/**
 * The one authority on who may do what, for HTTP and sockets alike (rule S12). Each feature states
 * the rule for each of its command types (`policy` in its `*-feature.ts`); here they are merged into
 * one total record: a command type without a rule does not compile, and the permission matrix test
 * runs every role against every entry.
 */
export const COMMAND_POLICY: Policies<CommandType> = mergeMaps(
  DOMAIN_FEATURES.map((f) => f.policy),
  'policy for command type',
);

/** What the server itself may do without a person: only what a feature lists as its system commands. */
const SYSTEM_COMMANDS: ReadonlySet<CommandType> = new Set(DOMAIN_FEATURES.flatMap((f): readonly CommandType[] => f.systemCommands ?? []));

export function authorize(actor: Actor, command: Command, state: WorkspaceState, today: string): boolean {
  if (isSystem(actor)) return SYSTEM_COMMANDS.has(command.type);
  return (COMMAND_POLICY[command.type] as Rule<CommandType>)(actor, command, state, today);
}

/** What the UI may offer this person; the server still decides every command itself. */
export function abilitiesOf(actor: Actor): Ability[] {
  return DOMAIN_FEATURES.flatMap((f) => f.abilities?.(actor) ?? []);
}
