import type { CommandType } from '@verbund/shared/commands';
import type { Actor } from './actor.js';

type Rule = (actor: Actor) => boolean;

const anyMember: Rule = (actor) => actor.roles.length > 0;

/**
 * The one authority on who may do what. Typed as a total record: a new command type without a
 * rule here does not compile.
 */
export const COMMAND_POLICY: Record<CommandType, Rule> = {
  'card.create': anyMember,
  'card.update': anyMember,
  'card.move': anyMember,
  'card.archive': anyMember,
  'card.restore': anyMember,
  'comment.add': anyMember,
};

export const QUERY_POLICY = {
  readWorkspace: anyMember,
  readHistory: anyMember,
} as const satisfies Record<string, Rule>;

export function mayRun(actor: Actor, type: CommandType): boolean {
  return COMMAND_POLICY[type](actor);
}
