import { SYSTEM_ACTOR_ID } from '@verbund/shared/events';
import type { Role } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';

/** Who acts: a person of a partner with roles in this workspace (no roles: not a member, e.g. an invitee). */
export type Actor = { personId: string; partnerId: string; roles: readonly Role[] };

/** The actor a person is in a workspace now, or null when they are not an active member of an active partner. */
export function actorFrom(state: WorkspaceState, personId: string): Actor | null {
  const member = state.members[personId];
  if (!member?.active || !state.partners[member.partnerId]?.active) return null;
  return { personId, partnerId: member.partnerId, roles: member.roles };
}

/** The server itself (scheduled work, erasure of an account everywhere), never a person. */
export const isSystem = (actor: Actor): boolean => actor.personId === SYSTEM_ACTOR_ID;
