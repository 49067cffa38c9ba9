import { create } from 'zustand';
import type { Ability } from '@verbund/shared/admin';
import type { Me, Membership } from '@verbund/shared/http';

const STORAGE_KEY = 'verbund.workspace';

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

type WorkspaceChoice = { workspaceId: string | null; choose: (workspaceId: string) => void };

/** Which of the person's workspaces this tab shows; remembered for the next visit. */
export const useWorkspaceChoice = create<WorkspaceChoice>((set) => ({
  workspaceId: stored(),
  choose: (workspaceId) => {
    try {
      localStorage.setItem(STORAGE_KEY, workspaceId);
    } catch {
      // Without storage the choice lasts for this page only.
    }
    set({ workspaceId });
  },
}));

/** The chosen membership, or the first one when the choice is gone (left, deactivated) or never made. */
export function chooseMembership(me: Me, workspaceId: string | null): Membership | undefined {
  return me.memberships.find((m) => m.workspaceId === workspaceId) ?? me.memberships[0];
}

export function can(membership: Membership, ability: Ability): boolean {
  return membership.abilities.includes(ability);
}
