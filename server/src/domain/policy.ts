import type { Ability } from '@verbund/shared/admin';
import type { Command, CommandOf, CommandType } from '@verbund/shared/commands';
import { SYSTEM_ACTOR_ID } from '@verbund/shared/events';
import type { Role } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { Actor } from './actor.js';

/**
 * The one authority on who may do what, for HTTP and sockets alike (rule S12). Rules look at the
 * actor's roles and, where it matters, at the command and the state (a dezernent acts for their own
 * partner only). Typed as a total record: a new command type without a rule does not compile, and
 * the permission matrix test runs every role against every entry.
 */
type Rule<T extends CommandType> = (actor: Actor, command: CommandOf<T>, state: WorkspaceState, today: string) => boolean;
type Rules = { [T in CommandType]: Rule<T> };

const has = (actor: Actor, role: Role) => actor.roles.includes(role);
const anyMember = (actor: Actor) => actor.roles.length > 0;
const admin = (actor: Actor) => has(actor, 'admin');

export const COMMAND_POLICY: Rules = {
  'card.create': anyMember,
  'card.update': anyMember,
  'card.move': anyMember,
  'card.archive': anyMember,
  'card.restore': anyMember,
  'comment.add': anyMember,
  /** Checklists are part of the card: whoever may edit the card may edit its checklist. */
  'checklist.add_item': anyMember,
  'checklist.rename_item': anyMember,
  'checklist.tick_item': anyMember,
  'checklist.move_item': anyMember,
  'checklist.remove_item': anyMember,
  'partner.add': admin,
  'partner.rename': admin,
  'partner.deactivate': admin,
  'partner.reactivate': admin,
  'member.set_roles': admin,
  'member.set_partner': admin,
  'member.deactivate': admin,
  'member.reactivate': admin,
  'member.erase': admin,
  /** Only someone who is not a member yet joins, and only through an invitation (checked by the decider). */
  'member.join': (actor) => actor.roles.length === 0,
  'invitation.create': admin,
  'invitation.revoke': admin,
  'deputy.appoint': (actor) => has(actor, 'dezernent'),
  'deputy.revoke': (actor, command, state) => {
    const deputyship = state.deputyships[command.payload.deputyshipId];
    if (!deputyship) return anyMember(actor);
    return admin(actor) || (has(actor, 'dezernent') && deputyship.partnerId === actor.partnerId);
  },
  /** D2 (a vote about no card needs a moderator or admin) is decided with the vote's settings, in the decider. */
  'vote.open': anyMember,
  'vote.cast': anyMember,
  /** The opener or a moderator (D25), checked by the decider; the system closes due votes (D26). */
  'vote.close': anyMember,
  'vote.record_outcome': anyMember,
};

/**
 * What the server itself may do without a person: close due votes (scheduled work, D35) and end the
 * memberships of an account erased everywhere (A12); nothing else.
 */
const SYSTEM_COMMANDS: ReadonlySet<CommandType> = new Set(['vote.close', 'member.erase']);

export function authorize(actor: Actor, command: Command, state: WorkspaceState, today: string): boolean {
  if (actor.personId === SYSTEM_ACTOR_ID) return SYSTEM_COMMANDS.has(command.type);
  return (COMMAND_POLICY[command.type] as Rule<CommandType>)(actor, command, state, today);
}

/** Queries, decided by the same module. */
export const QUERY_POLICY = {
  readWorkspace: anyMember,
  readHistory: anyMember,
  readPeople: anyMember,
  readAudit: admin,
  manageInvitations: admin,
} as const satisfies Record<string, (actor: Actor) => boolean>;
export type Query = keyof typeof QUERY_POLICY;

export function mayQuery(actor: Actor, query: Query): boolean {
  return QUERY_POLICY[query](actor);
}

/** What the UI may offer this person; the server still decides every command itself. */
export function abilitiesOf(actor: Actor): Ability[] {
  const abilities: Ability[] = [];
  if (anyMember(actor)) abilities.push('board.edit', 'vote.start');
  if (admin(actor)) abilities.push('workspace.admin', 'audit.read');
  if (has(actor, 'dezernent')) abilities.push('deputy.appoint');
  if (admin(actor) || has(actor, 'moderator')) abilities.push('vote.start_workspace');
  return abilities;
}
