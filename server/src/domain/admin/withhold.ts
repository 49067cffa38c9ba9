import type { StoredEvent } from '@verbund/shared/events';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { CatchUp } from '@verbund/shared/protocol';
import type { Actor } from '../actor.js';
import { mayQuery } from '../policy.js';

/**
 * Invitations (who is invited to which partner with which roles, and the link's hash) are the
 * admins' business: everyone else gets each invitation event as a `withheld` placeholder in its
 * place in the sequence, and a state without invitations. Decided here, by the policy.
 */
export const seesInvitations = (viewer: Actor | null): boolean => viewer !== null && mayQuery(viewer, 'manageInvitations');

const isInvitationEvent = (event: StoredEvent) => event.type === 'invitation.created' || event.type === 'invitation.revoked';

/** The same array when there is nothing to withhold, so the ordinary broadcast pays one scan and no copy. */
export function withholdInvitationEvents(events: StoredEvent[]): StoredEvent[] {
  if (!events.some(isInvitationEvent)) return events;
  return events.map((event) => (isInvitationEvent(event) ? { ...event, type: 'withheld', data: {} } : event));
}

export const hasInvitationEvents = (events: readonly StoredEvent[]): boolean => events.some(isInvitationEvent);

export function invitationsFor<T extends Pick<WorkspaceState, 'invitations'>>(state: T, viewer: Actor | null): T {
  return seesInvitations(viewer) || Object.keys(state.invitations).length === 0 ? state : { ...state, invitations: {} };
}

/** Events as this viewer may see them (with respect to invitations). */
export function invitationEventsFor(events: StoredEvent[], viewer: Actor | null): StoredEvent[] {
  return seesInvitations(viewer) ? events : withholdInvitationEvents(events);
}

export function invitationCatchUpFor(catchUp: CatchUp, viewer: Actor | null): CatchUp {
  return catchUp.kind === 'snapshot'
    ? { kind: 'snapshot', state: invitationsFor(catchUp.state, viewer) }
    : { kind: 'events', events: invitationEventsFor(catchUp.events, viewer) };
}
