import type { StoredEvent } from '@verbund/shared/events';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { Sessions } from '../auth/sessions.js';
import { actorFrom } from '../domain/actor.js';
import { seesInvitations } from '../domain/admin/withhold.js';
import { personRoomOf, seatAmongAdmins, type LiveServer } from './socket-server.js';

export type AccessReactionDeps = {
  io: () => LiveServer | null;
  sessions: Sessions;
  /** Whether the person is still an active member of any workspace (then their sessions stay). */
  activeAnywhere: (personId: string) => Promise<boolean>;
  log: (message: string, error?: unknown) => void;
};

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
 * Side effects of committed access changes (the domain only decides; I/O happens here, after the
 * commit): disconnect the people's sockets in that workspace and end their sessions when they are
 * active nowhere else. An erased membership leaves the account alone (A12): it may live elsewhere.
 */
export function reactToAccessChanges(deps: AccessReactionDeps, workspaceId: string, events: readonly StoredEvent[], state: Readonly<WorkspaceState>): void {
  for (const event of events) {
    const io = deps.io();
    // Roles decide what a joined connection receives in full (invitations): it moves in or out of the admins' room.
    if (event.type === 'member.roles_set' && io) {
      const actor = actorFrom(state, event.data.personId);
      seatAmongAdmins(io, workspaceId, event.data.personId, seesInvitations(actor)).catch((error: unknown) => deps.log('access reaction failed', error));
    }
    const people = affectedPeople(event, state);
    if (people.length === 0) continue;
    for (const personId of people) deps.io()?.in(personRoomOf(workspaceId, personId)).disconnectSockets(true);
    void Promise.all(
      people.map(async (personId) => {
        if (!(await deps.activeAnywhere(personId))) await deps.sessions.endAllOf(personId);
      }),
    ).catch((error: unknown) => deps.log('access reaction failed', error));
  }
}
