import type { Actor } from '../domain/actor.js';
import type { Account, Storage } from '../storage/port.js';
import type { Me } from '@verbund/shared/http';

/** The actor an account is in one workspace, or null when it is not a member there. */
export async function actorIn(storage: Storage, accountId: string, workspaceId: string): Promise<Actor | null> {
  const membership = (await storage.listMemberships(accountId)).find((m) => m.workspaceId === workspaceId);
  return membership ? { personId: accountId, partnerId: membership.partnerId, roles: membership.roles } : null;
}

export async function describeAccount(
  storage: Storage,
  account: Account,
  workspaceName: (workspaceId: string) => Promise<string | null>,
): Promise<Me> {
  const memberships = await storage.listMemberships(account.id);
  const described = await Promise.all(
    memberships.map(async (m) => ({
      workspaceId: m.workspaceId,
      workspaceName: (await workspaceName(m.workspaceId)) ?? '',
      partnerId: m.partnerId,
      roles: m.roles,
    })),
  );
  return { id: account.id, name: account.name, email: account.email, memberships: described };
}
