import type { StoredEvent } from '@verbund/shared/events';
import type { WorkspaceState } from '@verbund/shared/projection';
import { actorFrom } from '../actor.js';
import type { DomainFeature, Effect } from '../feature.js';
import { adminDeciders } from './decide-admin.js';
import { invitationsFor, seesInvitations, withholdInvitationEvents } from './withhold.js';
import { anyMember, hasRole, isAdmin } from '../roles.js';

/** The people whose access an event ends or changes: their open connections must go at once. */
function affectedPeople(event: StoredEvent, state: Readonly<WorkspaceState>): string[] {
  switch (event.type) {
    case 'member.deactivated':
    case 'member.erased':
    case 'member.partner_set':
      return [event.data.personId];
    case 'partner.deactivated':
      return Object.values(state.members)
        .filter((m) => m.partnerId === event.data.partnerId)
        .map((m) => m.personId);
    default:
      return [];
  }
}

/**
 * After committed access changes: the people's connections to the workspace close, and their
 * sessions end when they are active nowhere else. An erased membership leaves the account alone
 * (A12): it may live elsewhere. A change of roles moves a person's connections between audiences.
 */
function accessEffects(events: readonly StoredEvent[], state: Readonly<WorkspaceState>): Effect[] {
  return events.flatMap((event): Effect[] => [
    ...(event.type === 'member.roles_set'
      ? [{ kind: 'reseat', personId: event.data.personId, admin: seesInvitations(actorFrom(state, event.data.personId)) } as const]
      : []),
    ...affectedPeople(event, state).flatMap((personId): Effect[] => [
      { kind: 'disconnect', personId },
      { kind: 'end-sessions-if-inactive', personId },
    ]),
  ]);
}

/** Partners, people, roles, deputies and invitations; invitations reach admins only. */
export const adminDomain: DomainFeature<keyof typeof adminDeciders> = {
  name: 'admin',
  deciders: adminDeciders,
  policy: {
    'partner.add': isAdmin,
    'partner.rename': isAdmin,
    'partner.deactivate': isAdmin,
    'partner.reactivate': isAdmin,
    'member.set_roles': isAdmin,
    'member.set_partner': isAdmin,
    'member.deactivate': isAdmin,
    'member.reactivate': isAdmin,
    'member.erase': isAdmin,
    /** Only someone who is not a member yet joins, and only through an invitation (checked by the decider). */
    'member.join': (actor) => actor.roles.length === 0,
    'invitation.create': isAdmin,
    'invitation.revoke': isAdmin,
    'deputy.appoint': (actor) => hasRole(actor, 'dezernent'),
    'deputy.revoke': (actor, command, state) => {
      const deputyship = state.deputyships[command.payload.deputyshipId];
      if (!deputyship) return anyMember(actor);
      return isAdmin(actor) || (hasRole(actor, 'dezernent') && deputyship.partnerId === actor.partnerId);
    },
  },
  /** The memberships of an account erased everywhere end (A12). */
  systemCommands: ['member.erase'],
  abilities: (actor) => [
    ...(isAdmin(actor) ? (['workspace.admin', 'audit.read'] as const) : []),
    ...(hasRole(actor, 'dezernent') ? (['deputy.appoint'] as const) : []),
  ],
  views: {
    events: (events, reader) => (reader.admin ? events : withholdInvitationEvents(events)),
    state: (state, reader) => (reader.admin ? state : invitationsFor(state)),
  },
  effects: accessEffects,
};
