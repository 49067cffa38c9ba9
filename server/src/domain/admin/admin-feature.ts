import type { StoredEvent } from '@verbund/shared/events';
import type { WorkspaceState } from '@verbund/shared/projection';
import { actorFrom } from '../actor.js';
import type { DomainFeature, Effect } from '../feature.js';
import { adminDeciders } from './decide-admin.js';
import { invitationsFor, seesInvitations, withholdInvitationEvents } from './withhold.js';

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
  views: {
    events: (events, reader) => (reader.admin ? events : withholdInvitationEvents(events)),
    state: (state, reader) => (reader.admin ? state : invitationsFor(state)),
  },
  effects: accessEffects,
};
