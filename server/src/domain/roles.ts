import type { Role } from '@verbund/shared/model';
import type { Actor } from './actor.js';

/**
 * The role checks every feature's policy is written in, and the workspace's queries (reading the
 * board, its history, the people, the audit log, the invitations). Command rules live with their
 * feature (`policy` in each `*-feature.ts`); `policy.ts` merges them. This module imports no
 * feature, so a feature's views may ask it who reads what without an import cycle.
 */
export const hasRole = (actor: Actor, role: Role): boolean => actor.roles.includes(role);
export const anyMember = (actor: Actor): boolean => actor.roles.length > 0;
export const isAdmin = (actor: Actor): boolean => hasRole(actor, 'admin');

export const QUERY_POLICY = {
  readWorkspace: anyMember,
  readHistory: anyMember,
  readPeople: anyMember,
  readAudit: isAdmin,
  manageInvitations: isAdmin,
} as const satisfies Record<string, (actor: Actor) => boolean>;
export type Query = keyof typeof QUERY_POLICY;

export function mayQuery(actor: Actor, query: Query): boolean {
  return QUERY_POLICY[query](actor);
}
