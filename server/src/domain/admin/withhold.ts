import type { StoredEvent } from '@verbund/shared/events';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { Actor } from '../actor.js';
import { mayQuery } from '../roles.js';

/**
 * Invitations (who is invited to which partner with which roles, and the link's hash) are the
 * admins' business: everyone else gets each invitation event as a `withheld` placeholder in its
 * place in the sequence, and a state without invitations. Who is an admin reader: the policy.
 */
export const seesInvitations = (viewer: Actor | null): boolean => viewer !== null && mayQuery(viewer, 'manageInvitations');

const isInvitationEvent = (event: StoredEvent) => event.type === 'invitation.created' || event.type === 'invitation.revoked';

/** The same array when there is nothing to withhold, so the ordinary broadcast pays one scan and no copy. */
export function withholdInvitationEvents(events: StoredEvent[]): StoredEvent[] {
  if (!events.some(isInvitationEvent)) return events;
  return events.map((event) => (isInvitationEvent(event) ? { ...event, type: 'withheld', data: {} } : event));
}

/** The state without invitations (the same object when it has none). */
export function invitationsFor<T extends Pick<WorkspaceState, 'invitations'>>(state: T): T {
  return Object.keys(state.invitations).length === 0 ? state : { ...state, invitations: {} };
}
